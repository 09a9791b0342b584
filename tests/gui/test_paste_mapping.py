"""Pasting like a spreadsheet: a block with a header row goes by the header's names, one without by position
from the current column; problems name the table's line and the column; one undo takes it all back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.ui.equipment.equipment_model import column_of
from desktop.ui.equipment.equipment_page import EquipmentPage
from desktop.ui.equipment.paste_mapping import PasteMappingDialog
from tests.gui.steps_support import demo_session, show

INVOICE = "25442000000012345678"
LEDGER = (
    "发票号码\t设备名称\t数量\t不含税单价\t开票日期\t币种\t用途\t新旧\n"
    f"{INVOICE}\t激光跟踪仪\t1\t¥1,250,000.00\t2025年10月20日\t人民币\t研发\t全新\n"
    "25442000000012345679\t三坐标测量机\t2\t12.5万\t2025/9/1\tUSD\t研发\t全新\n"
)


@pytest.fixture
def page(qtbot):
    p = EquipmentPage(demo_session())
    return show(qtbot, p)


def _no_dialog(dialog) -> bool:
    raise AssertionError("a fully recognised header needs no confirmation")


def test_ledger_block_with_header_goes_by_names(qtbot, page) -> None:
    page.exec_dialog = _no_dialog
    n = page.model.rowCount()
    depth = page.session.undo_stack.count()
    QGuiApplication.clipboard().setText(LEDGER)
    page.commands["paste_new"].trigger()
    lines = page.session.draft.equipment
    assert len(lines) == n + 2  # the header is not a line
    first, second = lines[n], lines[n + 1]
    assert (first.invoice_number, first.name, first.quantity, first.unit_price, first.purchase_date,
            first.currency) == (INVOICE, "激光跟踪仪", 1, Decimal("1250000.00"), date(2025, 10, 20), "CNY")
    assert (second.unit_price, second.purchase_date, second.currency) == (
        Decimal("125000.0"), date(2025, 9, 1), "USD")
    assert (first.use, first.condition) == ("rd", "new")
    assert page.problems.isHidden()
    assert page.session.undo_stack.count() == depth + 1
    page.session.undo_stack.undo()
    assert len(page.session.draft.equipment) == n == page.model.rowCount()


def test_header_block_over_existing_lines_from_any_column(qtbot, page) -> None:
    """With a header, the current column does not matter: names decide."""
    page.exec_dialog = _no_dialog
    before = page.session.draft.equipment[2].name
    page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(1, column_of("supplier"))))
    QGuiApplication.clipboard().setText(f"发票号码\t数量\n{INVOICE}\t7\n")
    page.commands["paste"].trigger()
    line = page.session.draft.equipment[1]
    assert (line.invoice_number, line.quantity) == (INVOICE, 7)
    assert page.session.draft.equipment[2].name == before


def test_bad_cells_are_named_by_table_line_and_column(qtbot, page) -> None:
    page.exec_dialog = _no_dialog
    n = page.model.rowCount()
    QGuiApplication.clipboard().setText(
        "设备名称\t不含税单价\t购置日期\n相机\t100\t2025-10-01\n示波器\tabc12x\t2026-02-31\n")
    page.commands["paste_new"].trigger()
    text = page.problems.text()
    assert f"第 {n + 2} 行「不含税单价」" in text and "abc12x" in text
    assert f"第 {n + 2} 行「购置日期（开票日期）」" in text and "2 月没有 31 日" in text
    assert "第 2 行第" not in text
    assert page.session.draft.equipment[n + 1].unit_price is None


def test_block_without_header_goes_by_position_from_the_current_column(qtbot, page) -> None:
    page.exec_dialog = _no_dialog
    page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(3, column_of("quantity"))))
    depth = page.session.undo_stack.count()
    QGuiApplication.clipboard().setText("4\t12.5万\t美元\nabc\t300.00\teuro\n")
    page.commands["paste"].trigger()
    lines = page.session.draft.equipment
    assert (lines[3].quantity, lines[3].unit_price, lines[3].currency) == (4, Decimal("125000.0"), "USD")
    assert lines[4].unit_price == Decimal("300.00")
    text = page.problems.text()
    assert "第 5 行「数量」" in text and "第 5 行「币种」" in text
    assert page.session.undo_stack.count() == depth + 1


def test_unrecognised_header_is_shown_for_confirmation(qtbot, page) -> None:
    n = page.model.rowCount()
    seen: list[PasteMappingDialog] = []

    def confirm(dialog: PasteMappingDialog) -> bool:
        seen.append(dialog)
        assert set(dialog.combos) == {0, 1, 2}
        assert dialog.combos[0].currentData() == "name" and dialog.combos[2].currentData() is None
        dialog.set_column(2, "model")  # the user says 机型 is the model
        return True

    page.exec_dialog = confirm
    QGuiApplication.clipboard().setText("设备名称\t数量\t机型\n相机\t2\tC-1\n")
    page.commands["paste_new"].trigger()
    assert seen
    line = page.session.draft.equipment[n]
    assert (line.name, line.quantity, line.model) == ("相机", 2, "C-1")


def test_cancelling_the_confirmation_pastes_nothing(qtbot, page) -> None:
    n = page.model.rowCount()
    page.exec_dialog = lambda dialog: False
    QGuiApplication.clipboard().setText("设备名称\t备注\n相机\t急用\n")
    page.commands["paste_new"].trigger()
    assert page.model.rowCount() == n


def test_a_confirmed_mapping_is_remembered_for_the_same_header(qtbot, page) -> None:
    asked: list[int] = []

    def confirm(dialog: PasteMappingDialog) -> bool:
        asked.append(1)
        dialog.set_column(1, "supplier")  # 厂家 is the supplier
        return True

    page.exec_dialog = confirm
    n = page.model.rowCount()
    QGuiApplication.clipboard().setText("设备名称\t厂家\n相机\t海康\n")
    page.commands["paste_new"].trigger()
    QGuiApplication.clipboard().setText("设备名称\t厂家\n示波器\t普源\n")
    page.commands["paste_new"].trigger()
    assert len(asked) == 1
    lines = page.session.draft.equipment
    assert (lines[n].supplier, lines[n + 1].supplier) == ("海康", "普源")
