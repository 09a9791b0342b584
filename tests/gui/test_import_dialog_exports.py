"""The import dialog on real export layouts (REPRODUCTIONS written by tests/unit/ledgers.py and einvoices.py):
the sheet found and offered, the options (group cards, include services, date order) rerunning the preview,
every row left out shown with its reason, and invoice files handed back for the file store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.importers import MappingStore
from desktop.ui.importing.import_dialog import ImportDialog
from tests.unit.einvoices import BUYER, Spec, write_xml
from tests.unit.ledgers import etax_row, write_etax_export, write_workbook


def _open(qtbot, path, tmp_path: Path) -> ImportDialog:
    dialog = ImportDialog(path, None, 0, store=MappingStore(tmp_path / "m.json"), lang="en")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
    return dialog


def _settle(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)


def test_etax_export_sheet_offered_services_and_skipped_rows(qtbot, tmp_path: Path) -> None:
    detail = [
        etax_row(
            1,
            "25442000000123456781",
            "广州精机",
            "2025-10-15",
            "*机械设备*立式加工中心",
            "VMC850",
            1,
            100000,
            100000,
        ),
        etax_row(
            2, "25442000000123456781", "广州精机", "2025-10-15", "*现代服务*安装费", None, 1, 5000, 5000
        ),
        etax_row(
            3,
            "25442000000222222222",
            "深圳仪器",
            "2025-09-20",
            "*仪器仪表*三坐标",
            "CMM",
            1,
            9000,
            9000,
            status="已作废",
        ),
    ]
    dialog = _open(qtbot, write_etax_export(tmp_path / "e.xlsx", detail), tmp_path)
    assert not dialog.sheet_combo.isHidden()
    assert dialog.sheet_combo.currentData() == "信息汇总表" and dialog.sheet_combo.count() == 2
    assert dialog.preview_model.rowCount() == 1
    notes = dialog.notes.toPlainText()
    assert "row 3: these do not look like equipment" in notes and "row 4: red-flushed or void" in notes
    assert dialog.preview_model.index(0, 1).data() == "立式加工中心"
    dialog.services_box.setChecked(True)
    _settle(qtbot, dialog)
    assert dialog.preview_model.rowCount() == 2 and "2" in dialog.import_button.text()
    dialog.import_button.click()
    assert [x.name for x in dialog.lines()] == ["立式加工中心", "安装费"]


def test_cards_grouped_and_date_order_asked(qtbot, tmp_path: Path) -> None:
    rows = [
        ["资产编码", "固定资产名称", "规格型号", "原值", "入账日期"],
        ["GD-1", "五轴加工中心", "DMU50", 980000, "03.11.2025"],
        ["GD-2", "五轴加工中心", "DMU50", 980000, "03.11.2025"],
    ]
    dialog = _open(qtbot, write_workbook(tmp_path / "c.xlsx", rows), tmp_path)
    assert "--date-order" in dialog.summary.text()  # the column cannot decide: asked
    dialog.date_combo.setCurrentIndex(dialog.date_combo.findData("dmy"))
    _settle(qtbot, dialog)
    assert dialog.preview_model.rowCount() == 2
    dialog.group_box.setChecked(True)
    _settle(qtbot, dialog)
    preview = dialog.preview()
    assert preview is not None
    assert [(x.quantity, x.purchase_date) for x in preview.lines] == [(2, date(2025, 11, 3))]


def test_invoice_files_become_lines_and_files_to_keep(qtbot, tmp_path: Path) -> None:
    items = [("*机械设备*数控车床", "CK6150", "台", "1", "88495.58", "88495.58", "13%")]
    path = write_xml(tmp_path / "i.xml", Spec("25442000000000000101", "2025-06-01", items, total="88495.58"))
    dialog = ImportDialog([path], None, 0, lang="en", store=MappingStore(tmp_path / "m.json"))
    qtbot.addWidget(dialog)
    _settle(qtbot, dialog)
    assert dialog.preview_model.index(0, 1).data() == "数控车床"
    assert dialog.invoice_files() == {}
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (line,) = dialog.lines()
    assert list(dialog.invoice_files().values()) == [path] and line.files[0].kind == "invoice"
    assert BUYER[0] not in dialog.notes.toPlainText()  # no applicant given: no buyer warning
