"""Typing dates, money and currencies as people write them, read back from the stored draft.

Each test types real keys (ASCII by QTest key clicks, Chinese through the input method) into the
editor a user would use, then reads the value the session's draft holds and, after the autosave is
flushed, the value the database holds. A form the reader accepts is stored exactly; a refused one is
not stored at all, stays visible and marked with a message, and the step shows errors while it stands.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.changes import get_value
from desktop.ui.common.pending_input import pending_for
from desktop.ui.equipment.delegates import CellEdit
from desktop.ui.equipment.equipment_model import column_of
from tests.gui.helpers import commit_text, message_of, type_into

DATE_FORMS = [
    ("2025-10-20", date(2025, 10, 20)), ("2026-03-12", date(2026, 3, 12)), ("2025-9-1", date(2025, 9, 1)),
    ("2025/9/1", date(2025, 9, 1)), ("2025/10/20", date(2025, 10, 20)), ("2025.10.20", date(2025, 10, 20)),
    ("20260312", date(2026, 3, 12)), ("2025年10月20日", date(2025, 10, 20)),
]
REFUSED_DATES = ["2026-02-31", "2025-13-01", "2025/9-1", "next week", "2025"]


@pytest.fixture
def demo(qtbot, start_program):
    controller = start_program("zh")
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    return controller, wizard


def _type(qtbot, widget, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit_text(widget, text)


def _stored(controller, wizard, path: str):
    """The value in the session's draft and, after the autosave is flushed, in the database."""
    in_session = get_value(wizard.session.draft, path)
    assert wizard.session.flush()
    in_database = get_value(controller.store.load(wizard.session.draft_id).draft, path)
    return in_session, in_database


def _mark(wizard, step_id: str) -> str:
    return wizard.step_list.item(wizard.form.index_of(step_id)).data(Qt.ItemDataRole.UserRole)


# ---- the equipment table's cells
def _open_cell(qtbot, wizard, row: int, field: str) -> CellEdit:
    assert wizard.navigate(f"equipment[{row}].{field}")
    page = wizard.current_page()
    index = page.proxy.mapFromSource(page.model.index(row, column_of(field)))
    page.view.setCurrentIndex(index)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEdit) and editor.field == field
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    return editor


def _cell_type_and_leave(qtbot, wizard, row: int, field: str, text: str) -> CellEdit:
    editor = _open_cell(qtbot, wizard, row, field)
    _type(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)
    return editor


@pytest.mark.parametrize(("text", "expected"), DATE_FORMS)
def test_equipment_date_cell_stores_what_was_typed(qtbot, demo, text: str, expected: date) -> None:
    controller, wizard = demo
    _cell_type_and_leave(qtbot, wizard, 0, "purchase_date", text)
    assert _stored(controller, wizard, "equipment[0].purchase_date") == (expected, expected)


@pytest.mark.parametrize("text", REFUSED_DATES)
def test_equipment_date_cell_refuses_and_keeps_the_text(qtbot, demo, text: str) -> None:
    controller, wizard = demo
    before = wizard.session.draft.equipment[0].purchase_date
    editor = _cell_type_and_leave(qtbot, wizard, 0, "purchase_date", text)
    assert QApplication.focusWidget() is editor and editor.text() == text  # still open, as typed
    assert editor.property("invalid") is True
    assert text in editor.message and "2025年10月20日" in editor.message
    assert _stored(controller, wizard, "equipment[0].purchase_date") == (before, before)
    assert _mark(wizard, "equipment") == "errors"
    assert "equipment[0].purchase_date" in pending_for(wizard.session).paths()
    editor.selectAll()
    qtbot.keyClicks(editor, "2025-10-21")  # mended: the mark goes, the value is stored
    assert editor.property("invalid") is False
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)
    assert wizard.session.draft.equipment[0].purchase_date == date(2025, 10, 21)
    qtbot.waitUntil(lambda: "equipment[0].purchase_date" not in pending_for(wizard.session).paths())


def test_escape_drops_the_unreadable_cell_text_and_its_error(qtbot, demo) -> None:
    _, wizard = demo
    before = wizard.session.draft.equipment[0].purchase_date
    editor = _cell_type_and_leave(qtbot, wizard, 0, "purchase_date", "2026-02-31")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not pending_for(wizard.session).paths())
    assert wizard.session.draft.equipment[0].purchase_date == before


def test_a_click_elsewhere_reopens_the_unreadable_cell(qtbot, demo) -> None:
    _, wizard = demo
    editor = _open_cell(qtbot, wizard, 0, "unit_price")
    qtbot.keyClicks(editor, "abc12x")
    page = wizard.current_page()
    page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(2, column_of("name"))))  # as a click does
    def reopened() -> bool:
        focus = QApplication.focusWidget()
        return isinstance(focus, CellEdit) and focus.text() == "abc12x"

    qtbot.waitUntil(reopened)
    again = QApplication.focusWidget()
    assert isinstance(again, CellEdit)
    assert again.field == "unit_price" and again.property("invalid") is True
    assert wizard.session.draft.equipment[0].unit_price != Decimal(12)


def test_calendar_button_of_the_date_cell_picks_a_date(qtbot, demo) -> None:
    from PySide6.QtCore import QDate

    controller, wizard = demo
    editor = _open_cell(qtbot, wizard, 1, "purchase_date")
    assert editor.calendar_action is not None and editor.calendar is not None
    editor.calendar_action.trigger()
    editor.calendar.clicked.emit(QDate(2025, 11, 3))
    qtbot.wait(1)
    assert _stored(controller, wizard, "equipment[1].purchase_date") == (date(2025, 11, 3),) * 2


def _first_cell_stores(qtbot, demo, column: str, text: str, expected: object) -> None:
    """`text` typed into the first line's `column` is kept, in the session and in the database, as `expected`."""
    controller, wizard = demo
    _cell_type_and_leave(qtbot, wizard, 0, column, text)
    assert _stored(controller, wizard, f"equipment[0].{column}") == (expected, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("12.5万", Decimal("125000.0")), ("1,234.50", Decimal("1234.50")), ("¥1,234.50", Decimal("1234.50")),
    ("1234.50元", Decimal("1234.50")), ("300万元", Decimal("3000000")), ("１２３４.５", Decimal("1234.5")),
])
def test_price_cell_reads_money_as_written(qtbot, demo, text: str, expected: Decimal) -> None:
    _first_cell_stores(qtbot, demo, "unit_price", text, expected)


def test_price_cell_echoes_the_amount_in_yuan_and_wan(qtbot, demo) -> None:
    _, wizard = demo
    editor = _open_cell(qtbot, wizard, 0, "unit_price")
    commit_text(editor, "12.5万")
    assert editor.toolTip() == "= 125,000.00 元（12.50 万元）"


@pytest.mark.parametrize("text", ["abc12x", "12.345", "1,23,4", "万"])
def test_price_cell_refuses_what_it_cannot_read(qtbot, demo, text: str) -> None:
    controller, wizard = demo
    before = wizard.session.draft.equipment[0].unit_price
    editor = _cell_type_and_leave(qtbot, wizard, 0, "unit_price", text)
    assert editor.property("invalid") is True and "12.5万" in editor.message
    assert _stored(controller, wizard, "equipment[0].unit_price") == (before, before)
    assert _mark(wizard, "equipment") == "errors"


@pytest.mark.parametrize(("text", "expected"), [("USD", "USD"), ("usd", "USD"), ("美元", "USD"), ("欧元", "EUR"),
                                                ("港币", "HKD"), ("人民币", "CNY"), ("jpy", "JPY")])
def test_currency_cell_takes_codes_and_chinese_names(qtbot, demo, text: str, expected: str) -> None:
    _first_cell_stores(qtbot, demo, "currency", text, expected)


def test_a_typed_foreign_currency_asks_for_its_rate(qtbot, demo) -> None:
    _, wizard = demo
    _cell_type_and_leave(qtbot, wizard, 0, "currency", "USD")
    assessment = wizard.session.check_now()
    assert "equipment[0].exchange_rate" in {f.path for f in assessment.findings if f.rule == "rate_missing"}


def test_currency_cell_refuses_other_words(qtbot, demo) -> None:
    controller, wizard = demo
    editor = _cell_type_and_leave(qtbot, wizard, 0, "currency", "dollars")
    assert editor.property("invalid") is True and "美元" in editor.message
    assert _stored(controller, wizard, "equipment[0].currency") == ("CNY", "CNY")


# ---- the form fields
def _field_type_and_leave(qtbot, wizard, path: str, text: str):
    type_into(qtbot, wizard, path, text)
    row = wizard.current_page().rows[path]
    qtbot.keyClick(row.editor.input, Qt.Key.Key_Tab)
    return row


@pytest.mark.parametrize(("text", "expected"), DATE_FORMS)
def test_project_date_field_stores_what_was_typed(qtbot, demo, text: str, expected: date) -> None:
    controller, wizard = demo
    row = _field_type_and_leave(qtbot, wizard, "project.start_date", text)
    assert _stored(controller, wizard, "project.start_date") == (expected, expected)
    assert row.editor.line.text() == text  # kept as typed
    assert row.editor.problem.isHidden()
    assert "请填写" not in message_of(wizard, "project.start_date")


@pytest.mark.parametrize("text", REFUSED_DATES)
def test_project_date_field_refuses_and_keeps_the_text(qtbot, demo, text: str) -> None:
    controller, wizard = demo
    before = wizard.session.draft.project.start_date
    row = _field_type_and_leave(qtbot, wizard, "project.start_date", text)
    assert row.editor.line.text() == text
    assert row.editor.line.property("invalid") is True
    assert row.editor.problem.isVisibleTo(wizard)
    assert text in row.editor.problem.text() and "20251020" in row.editor.problem.text()
    assert _stored(controller, wizard, "project.start_date") == (before, before)
    assert _mark(wizard, "project") == "errors"
    type_into(qtbot, wizard, "project.start_date", "2025-09-02")  # mended: error gone, value stored
    assert wizard.session.draft.project.start_date == date(2025, 9, 2)
    assert "project.start_date" not in pending_for(wizard.session).paths()
    assert row.editor.problem.isHidden()


def test_project_date_field_says_it_in_english(qtbot, demo) -> None:
    from desktop.ui.common import i18n

    _, wizard = demo
    i18n.language().switch("en")
    row = _field_type_and_leave(qtbot, wizard, "project.end_date", "2026-02-31")
    assert "2026-02-31" in row.editor.problem.text() and "no day 31" in row.editor.problem.text()


@pytest.mark.parametrize(("text", "expected", "echo"), [
    ("300万", Decimal("3000000"), "= 3,000,000.00 元（300.00 万元）"),
    ("12.5万", Decimal("125000.0"), "= 125,000.00 元（12.50 万元）"),
    ("¥1,234.50", Decimal("1234.50"), "= 1,234.50 元（0.12 万元）"),
    ("300万元", Decimal("3000000"), "= 3,000,000.00 元（300.00 万元）"),
    ("1234.5", Decimal("1234.5"), "= 1,234.50 元（0.12 万元）"),
])
def test_requested_subsidy_reads_money_as_written(qtbot, demo, text: str, expected: Decimal, echo: str) -> None:
    controller, wizard = demo
    row = _field_type_and_leave(qtbot, wizard, "project.requested_subsidy", text)
    assert _stored(controller, wizard, "project.requested_subsidy") == (expected, expected)
    assert row.editor.shown.text() == echo


@pytest.mark.parametrize("text", ["abc12x", "12.345", "3O0"])
def test_requested_subsidy_refuses_what_it_cannot_read(qtbot, demo, text: str) -> None:
    controller, wizard = demo
    before = wizard.session.draft.project.requested_subsidy
    row = _field_type_and_leave(qtbot, wizard, "project.requested_subsidy", text)
    assert row.editor.line.text() == text and row.editor.line.property("invalid") is True
    assert "300万元" in row.editor.problem.text()
    assert _stored(controller, wizard, "project.requested_subsidy") == (before, before)
    assert _mark(wizard, "project") == "errors"


def test_undo_after_a_refusal_puts_back_the_stored_value(qtbot, demo) -> None:
    _, wizard = demo
    before = wizard.session.draft.project.end_date
    row = _field_type_and_leave(qtbot, wizard, "project.end_date", "2027-13-40")
    assert wizard.session.draft.project.end_date == before
    type_into(qtbot, wizard, "project.end_date", "2027-06-29")
    qtbot.keyClick(row.editor.input, Qt.Key.Key_Tab)
    wizard.session.undo_stack.undo()
    assert wizard.session.draft.project.end_date == before
    assert row.editor.line.text() == before.isoformat()


def _editor_and_importer(editor_name: str, importer_name: str, text: str) -> tuple[object, object]:
    """What the form's editor and the importer each read from `text` (None where the importer refuses it)."""
    from desktop.importers import values as imported
    from desktop.ui.common import value_editors

    try:
        expected = getattr(imported, importer_name)(text)
    except imported.BadValue:
        expected = None
    return getattr(value_editors, editor_name)().parse(text), expected


@pytest.mark.parametrize("text", [t for t, _ in DATE_FORMS] + REFUSED_DATES + ["2025-10-15 14:30"])
def test_date_editor_and_importer_give_the_same_answers(qapp, text: str) -> None:
    answer, expected = _editor_and_importer("DateEditor", "date_value", text)
    assert answer == expected or (answer is None and " " in text)  # a time of day is the importer's alone


@pytest.mark.parametrize("text", ["300万", "12.5万", "1,234.50", "¥1,234.50", "1234.50元", "300万元", "abc12x", "0"])
def test_money_editor_and_importer_give_the_same_answers(qapp, text: str) -> None:
    answer, expected = _editor_and_importer("MoneyEditor", "money", text)
    assert answer == expected or (text == "0" and answer == 0)  # zero reads; the checker refuses it


def test_calendar_button_of_the_date_field_picks_a_date_and_clears_a_refusal(qtbot, demo) -> None:
    from PySide6.QtCore import QDate

    controller, wizard = demo
    row = _field_type_and_leave(qtbot, wizard, "project.start_date", "2026-02-31")
    assert "project.start_date" in pending_for(wizard.session).paths()
    row.editor.calendar.clicked.emit(QDate(2025, 9, 15))
    assert _stored(controller, wizard, "project.start_date") == (date(2025, 9, 15),) * 2
    assert row.editor.line.text() == "2025-09-15" and row.editor.problem.isHidden()
    assert "project.start_date" not in pending_for(wizard.session).paths()


def test_date_field_keeps_its_calendar_button_beside_it(qtbot, demo) -> None:
    _controller, wizard = demo
    wizard.go_to_step("project")
    row = wizard.current_page().rows["project.start_date"]
    qtbot.waitUntil(lambda: row.editor.line.isVisible())
    line, pick = row.editor.line.geometry(), row.editor.pick.geometry()
    assert line.left() <= 4  # at the left of its row, under the other fields, not centred in it
    assert 0 <= pick.left() - line.right() <= 16


def test_the_strip_counts_a_refused_text_as_an_error_until_it_is_mended(qtbot, demo) -> None:
    _controller, wizard = demo
    errors_before = wizard.session.assessment.errors
    assert wizard.strip.findings.text().startswith(f"{errors_before} ")
    _field_type_and_leave(qtbot, wizard, "project.start_date", "2026-02-31")
    assert wizard.strip.findings.text().startswith(f"{errors_before + 1} ")
    type_into(qtbot, wizard, "project.start_date", "2025-09-02")
    assert wizard.strip.findings.text().startswith(f"{errors_before} ")
