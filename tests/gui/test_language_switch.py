"""Switching the language from the menu relabels the equipment, review and export steps and the import
dialog in place (the dialog also while it is open), and switching back restores the English."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.ui.equipment.equipment_page import EquipmentPage
from desktop.ui.export.export_page import ExportPage
from desktop.ui.importing.import_dialog import ImportDialog
from desktop.ui.review.review_page import ReviewPage

LEDGER = "设备名称,规格型号,数量,单价,购置日期,发票号码\n激光雷达,L1,2,1000.00,2025-10-20,25442000000099990001\n"
H = Qt.Orientation.Horizontal


def _equipment(page: EquipmentPage) -> list[str]:
    amount = str(page.model.headerData(page.model.columnCount() - 1, H))
    return [page.buttons["add"].text(), page.buttons["import"].text(), page.filter.placeholderText(),
            page.footer.titles["declared"].text(), amount, page.count_label.text()]


def _review(page: ReviewPage) -> list[str]:
    page.refresh()
    return [page.findings.horizontalHeaderItem(0).text(), str(page.computation.headerData(2, H)),
            page.sums.text().splitlines()[0].split(":")[0].split("：")[0], page.tree.accessibleName()]


def _export(page: ExportPage) -> list[str]:
    return [page.buttons["pdf"].text(), page.buttons["package"].text(), page.view.accessibleName()]


def _dialog(dialog: ImportDialog) -> list[str]:
    return [dialog.windowTitle(), dialog.cancel_button.text(), dialog.import_button.text(),
            str(dialog.preview_model.headerData(1, H)), str(dialog.problems_model.headerData(2, H))]


def test_steps_and_import_dialog_switch_language_in_place(qtbot, start_program, tmp_path: Path) -> None:
    controller = start_program("en")
    wizard = controller.open_demo()
    wizard.go_to_step("equipment")
    equipment = wizard.current_page()
    assert isinstance(equipment, EquipmentPage)
    n = equipment.model.rowCount()
    english = ["Add line", "Import…", "Filter by name, model, supplier, invoice", "Declared", "Amount (CNY)",
               f"{n} lines"]
    assert _equipment(equipment) == english

    controller.switch_language("zh")
    assert _equipment(equipment) == ["添加一行", "导入…", "按名称、型号、供应商、发票号筛选", "申报总额", "金额（元）",
                                     f"共 {n} 行"]

    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    seen: dict[str, list[str]] = {}

    def drive(shown: QDialog) -> bool:
        dialog = cast(ImportDialog, shown)  # the page shows its import dialog
        qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.import_button.isEnabled(), timeout=10000)
        seen["zh"] = _dialog(dialog)
        controller.switch_language("en")  # while it is open
        seen["en"] = _dialog(dialog)
        controller.switch_language("zh")
        seen["zh again"] = _dialog(dialog)
        dialog.reject()
        return False

    equipment.exec_dialog = drive
    equipment.import_file(ledger)
    assert seen["zh"] == ["导入设备清单", "取消", "导入 1 行有效数据", "设备名称", "读到的内容"]
    assert seen["en"] == ["Import equipment lines", "Cancel", "Import 1 good rows", "Equipment name", "Found"]
    assert seen["zh again"] == seen["zh"]
    assert equipment.import_dialog is None

    wizard.go_to_step("review")
    review = wizard.current_page()
    assert isinstance(review, ReviewPage)
    assert _review(review) == ["检查结果", "金额（元）", "申报设备总额（全部行）", "检查结果"]

    wizard.go_to_step("export")
    export = wizard.current_page()
    assert isinstance(export, ExportPage)
    assert _export(export) == ["保存 PDF…", "保存申报材料包…", "申报书预览"]
    assert export.status.text().startswith(("草稿副本", "可以提交"))

    controller.switch_language("en")
    assert _export(export) == ["Save PDF…", "Save submission package…", "Preview of the application"]
    assert export.status.text().startswith(("Draft copy", "Ready"))
    assert _review(review) == ["Finding", "Amount (CNY)", "Declared (all lines)", "Findings"]
    assert _equipment(equipment) == english
    qtbot.waitUntil(lambda: export.job is None or export.job.finished, timeout=20000)


def test_import_dialog_opens_in_the_language_it_is_given(qtbot, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    dialog = ImportDialog(ledger, None, 0, lang="zh")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)
    assert dialog.windowTitle() == "导入设备清单"
    assert "表头在第 1 行" in dialog.summary.text() and "将添加 1 行" in dialog.summary.text()
    combo = next(iter(dialog._combos.values()))
    assert combo.itemText(0) == "（不导入）"
    dialog.retranslate("en")
    assert combo.itemText(0) == "(not imported)"
    assert "header on row 1" in dialog.summary.text() and "1 line(s) to add" in dialog.summary.text()
