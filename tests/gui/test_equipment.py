"""The equipment step driven through its view: add, edit, paste, move, delete; totals and icons."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from desktop.domain.changes import MoveLines
from desktop.domain.money import format_yuan
from desktop.rules.checker import check
from desktop.services.packs import get_pack
from desktop.ui.equipment.equipment_model import AMOUNT_COL, EquipmentModel, LineFilterProxy, column_of
from desktop.ui.equipment.equipment_page import EquipmentPage
from tests.gui.steps_support import AS_OF, demo_session, show


@pytest.fixture
def page(qtbot):
    p = EquipmentPage(demo_session())
    return show(qtbot, p)


def _cell(page, row: int, field: str):
    return page.proxy.mapFromSource(page.model.index(row, column_of(field)))


def _commit(qtbot, editor) -> None:
    """Return in an editor commits through a queued call: let it run."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)


def _fresh(session):
    return check(session.draft, get_pack(session.draft.program), AS_OF)


def test_models_pass_modeltester(qapp, qtmodeltester) -> None:
    session = demo_session()
    model = EquipmentModel(session)
    qtmodeltester.check(model, force_py=True)
    proxy = LineFilterProxy(session)
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


def test_model_follows_every_kind_of_change(qapp, qtmodeltester) -> None:
    session = demo_session()
    model = EquipmentModel(session)
    qtmodeltester.check(model, force_py=True)
    session.apply(MoveLines(0, 2, 5))
    session.undo_stack.undo()
    session.apply(MoveLines(6, 3, 1))
    session.undo_stack.undo()
    assert model.rowCount() == len(session.draft.equipment)


def test_add_line_by_button_and_undo(qtbot, page) -> None:
    n = page.model.rowCount()
    qtbot.mouseClick(page.buttons["add"], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == n + 1
    assert page.session.draft.equipment[n].use == "rd"
    assert page.view.currentIndex() == _cell(page, n, "name")
    page.session.undo_stack.undo()
    assert page.model.rowCount() == n


def test_edit_cells_through_the_view(qtbot, page) -> None:
    view = page.view
    view.setFocus()
    view.setCurrentIndex(_cell(page, 0, "quantity"))
    qtbot.keyClicks(view, "7")  # any key starts the editor with that key
    _commit(qtbot, QApplication.focusWidget())
    assert page.session.draft.equipment[0].quantity == 7
    view.setCurrentIndex(_cell(page, 1, "name"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("高速相机")  # Chinese is set, never typed (keyClicks would abort)
    _commit(qtbot, editor)
    assert page.session.draft.equipment[1].name == "高速相机"
    view.setCurrentIndex(_cell(page, 2, "unit_price"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("1,000.50")
    _commit(qtbot, editor)
    assert page.session.draft.equipment[2].unit_price == Decimal("1000.50")
    assert isinstance(page.session.draft.equipment[2].unit_price, Decimal)


def test_bad_text_is_refused_by_the_model(page) -> None:
    index = page.model.index(0, column_of("quantity"))
    assert not page.model.setData(index, "many")
    assert not page.model.setData(index, 2.5)
    assert page.model.setData(index, "3")
    assert page.session.draft.equipment[0].quantity == 3


def test_paste_500_rows_is_one_undo_step(qtbot, page) -> None:
    n = page.model.rowCount()
    rows = [f"测试设备{i}\tM{i}\t供应商\t硬件设备\t研发\t全新\t1\t{1000 + i}.00\tCNY\t\t2025-10-{1 + i % 28:02d}\t"
            for i in range(500)]
    QGuiApplication.clipboard().setText("\r\n".join(rows) + "\r\n")
    depth = page.session.undo_stack.count()
    page.commands["paste_new"].trigger()
    assert page.model.rowCount() == n + 500
    assert page.session.undo_stack.count() == depth + 1
    assert page.session.draft.equipment[n + 499].unit_price == Decimal("1499.00")
    assert page.problems.isHidden()
    page.session.undo_stack.undo()
    assert page.model.rowCount() == n


def test_paste_reports_bad_cell_by_row_and_column(qtbot, page) -> None:
    n = page.model.rowCount()
    QGuiApplication.clipboard().setText("相机\tC1\t\t\t\t\t2\t100\n示波器\tO2\t\t\t\t\tabc\t200\n")
    page.commands["paste_new"].trigger()
    assert page.model.rowCount() == n + 2
    assert not page.problems.isHidden()
    assert f"第 {n + 2} 行「数量」" in page.problems.text() and "abc" in page.problems.text()
    assert page.session.draft.equipment[n + 1].quantity is None


def test_paste_over_cells_from_the_current_one(qtbot, page) -> None:
    page.view.setCurrentIndex(_cell(page, 3, "quantity"))
    QGuiApplication.clipboard().setText("9\t10.00\n8\t20.00\n")
    page.commands["paste"].trigger()
    lines = page.session.draft.equipment
    assert (lines[3].quantity, lines[3].unit_price, lines[4].quantity) == (9, Decimal("10.00"), 8)


def test_copy_selection_as_tsv(qtbot, page) -> None:
    sm = page.view.selectionModel()
    sm.select(_cell(page, 0, "name"), sm.SelectionFlag.Select)
    sm.select(_cell(page, 0, "quantity"), sm.SelectionFlag.Select)
    page.commands["copy"].trigger()
    assert QGuiApplication.clipboard().text() == "六轴协作机器人研发平台\t2\n"


def test_move_and_delete_lines_with_the_keyboard(qtbot, page) -> None:
    lines = page.session.draft.equipment
    first, second = lines[0].name, lines[1].name
    page.view.setFocus()
    page.select_rows([0])
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert (lines[0].name, lines[1].name) == (second, first)
    assert page.selected_rows() == [1]
    n = len(lines)
    page.select_rows([2, 3])
    qtbot.keyClick(page.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(page.session.draft.equipment) == n - 2 == page.model.rowCount()


def test_duplicate_and_insert(qtbot, page) -> None:
    n = page.model.rowCount()
    page.select_rows([1])
    page.commands["duplicate"].trigger()
    lines = page.session.draft.equipment
    assert lines[2] == lines[1] and lines[2] is not lines[1]
    page.select_rows([0])
    page.commands["insert"].trigger()
    assert page.model.rowCount() == n + 2 and page.session.draft.equipment[0].name is None


def test_totals_footer_and_icons_follow_the_checker(qtbot, page) -> None:
    page.model.setData(page.model.index(0, column_of("quantity")), "5")
    page.model.setData(page.model.index(1, column_of("use")), "production")
    with qtbot.waitSignal(page.session.assessed, timeout=2000):
        pass
    fresh = _fresh(page.session)
    t = fresh.totals
    assert page.footer.text_of("eligible") == f"{format_yuan(t.eligible)} 元"
    assert page.footer.text_of("max_subsidy") == f"{format_yuan(t.max_subsidy)} 元"
    assert page.footer.text_of("declared") == f"{format_yuan(t.declared)} 元"
    for r, result in enumerate(fresh.lines):
        number = page.model.index(r, 0)
        icon = number.data(Qt.ItemDataRole.DecorationRole)
        assert icon.cacheKey() == (page.model_icons()[result.eligible]).cacheKey()
        tip = number.data(Qt.ItemDataRole.ToolTipRole)
        assert ("不计入" in tip) != result.eligible
        assert page.model.index(r, AMOUNT_COL).data() == format_yuan(result.amount)
    assert "生产用途" in page.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_sort_and_filter_keep_the_users_order(qtbot, page) -> None:
    names = [line.name for line in page.session.draft.equipment]
    page.view.horizontalHeader().sectionClicked.emit(AMOUNT_COL)
    shown = [page.proxy.index(r, column_of("name")).data() for r in range(page.proxy.rowCount())]
    assert shown != names and sorted(shown) == sorted(names)
    assert [line.name for line in page.session.draft.equipment] == names
    page.view.horizontalHeader().sectionClicked.emit(0)
    assert [page.proxy.index(r, column_of("name")).data() for r in range(page.proxy.rowCount())] == names
    page.filter.setText("软件")
    assert 0 < page.proxy.rowCount() < len(names)


def test_focus_path_selects_the_exact_cell(qtbot, page) -> None:
    page.filter.setText("no such line")
    assert page.focus_path("equipment[13].quantity")
    assert page.view.hasFocus()
    assert page.current_source().row() == 13 and page.current_source().column() == column_of("quantity")
    assert not page.focus_path("applicant.name")


def test_retranslate_changes_headers_and_buttons(page) -> None:
    page.retranslate("en")
    assert page.buttons["add"].text() == "Add line"
    assert page.model.headerData(column_of("quantity"), Qt.Orientation.Horizontal) == "Quantity"
    page.retranslate("zh")
    assert page.buttons["add"].text() == "添加一行"


@pytest.mark.parametrize(("lang", "hint"), [("zh", "（请选择）"), ("en", "(choose)")])
def test_an_empty_choice_cell_shows_a_grey_choose_hint_and_stores_nothing(page, lang: str, hint: str) -> None:
    page.retranslate(lang)
    session = page.session
    for field in ("kind", "use", "condition"):
        session.set_value(f"equipment[1].{field}", None)
    model = page.model
    for field in ("kind", "use", "condition"):
        index = model.index(1, column_of(field))
        assert index.data(Qt.ItemDataRole.DisplayRole) == hint
        assert index.data(Qt.ItemDataRole.EditRole) is None  # the hint is never a value
        grey = QGuiApplication.palette().color(QGuiApplication.palette().ColorRole.PlaceholderText)
        assert index.data(Qt.ItemDataRole.ForegroundRole) == grey
        assert getattr(session.draft.equipment[1], field) is None
    chosen = model.index(0, column_of("kind"))  # a choice made shows its label, in the usual colour
    assert chosen.data() not in (hint, "") and chosen.data(Qt.ItemDataRole.ForegroundRole) is None
    empty_text = model.index(1, column_of("invoice_number"))
    session.set_value("equipment[1].invoice_number", None)
    assert empty_text.data() == ""  # a typed field stays blank: only choices say "choose"
    view = page.view
    view.setCurrentIndex(page.proxy.mapFromSource(model.index(1, column_of("kind"))))
    view.edit(view.currentIndex())
    combo = view.indexWidget(view.currentIndex()) or QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    assert combo.itemText(0) == hint and combo.currentIndex() == 0  # the combo offers the same words
