"""The import preview dialog: worker with progress, preview and problems models, mapping editor,
Cancel, and the lines handed back only when the user imports them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.importers import MappingStore, Preview
from desktop.ui.importing.import_dialog import ImportDialog
from tests.unit.ledgers import ledger_with_title, write_big_ledger, write_workbook

GOOD = [1, "六轴协作机器人", "UR10e", 2, "¥1,250,000.50", 2500001, "2025-10-15", "25442000000012345678", "优傲"]
BAD = [2, "坏行", "x", "abc", 5, None, "2025-10-15", None, None]


def _open(qtbot, path: Path, **kwargs) -> ImportDialog:
    dialog = ImportDialog(path, None, 3, **kwargs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
    return dialog


def _preview(dialog: ImportDialog) -> Preview:
    preview = dialog.preview()
    assert preview is not None
    return preview


def _year(dialog: ImportDialog) -> int:
    day = _preview(dialog).lines[0].purchase_date
    assert day is not None
    return day.year


def test_preview_problems_and_import(qtbot, qtmodeltester, tmp_path: Path) -> None:
    dialog = _open(qtbot, ledger_with_title(tmp_path / "l.xlsx", [GOOD, BAD]))
    assert dialog.preview_model.rowCount() == 1
    assert dialog.problems_model.rowCount() == 1
    qtmodeltester.check(dialog.preview_model)
    qtmodeltester.check(dialog.problems_model)
    model = dialog.problems_model
    assert [model.index(0, c).data() for c in range(3)] == ["7", "D 数量", "abc"]
    assert "whole number" in model.index(0, 3).data()
    assert dialog.preview_model.index(0, 1).data() == "六轴协作机器人"
    assert dialog.preview_model.index(0, 8).data() == "1,250,000.50"
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    assert "header on row 5" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and "1" in dialog.import_button.text()
    assert dialog.lines() == []  # nothing chosen yet
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (line,) = dialog.lines()
    assert line.unit_price == Decimal("1250000.50")


def test_mapping_change_reruns_and_is_remembered(qtbot, tmp_path: Path) -> None:
    rows = [["名称", "数量", "单价", "备注日期", "日期"], ["主机", 1, 100, "2025-10-15", "2020-01-01"]]
    store = MappingStore(tmp_path / "mappings.json")
    dialog = _open(qtbot, write_workbook(tmp_path / "m.xlsx", rows), store=store)
    assert _year(dialog) == 2020
    combo = dialog._combos[3]
    combo.setCurrentIndex(combo.findData("purchase_date"))
    qtbot.waitUntil(lambda: not dialog.is_busy() and _year(dialog) == 2025,
                    timeout=10000)
    assert dialog._combos[4].currentData() == ""  # the other date column let go
    assert dialog.mapping() == {0: "name", 1: "quantity", 2: "unit_price", 3: "purchase_date"}
    again = _open(qtbot, write_workbook(tmp_path / "again.xlsx", rows), store=store)
    assert _preview(again).remembered and again.mapping() == dialog.mapping()
    name = dialog._combos[0]
    name.setCurrentIndex(0)  # no name column: nothing to import, the user is told
    qtbot.waitUntil(lambda: not dialog.is_busy() and _preview(dialog).missing == ("name",), timeout=10000)
    assert not dialog.import_button.isEnabled()
    assert "Equipment name" in dialog.summary.text()


def test_refused_file_shows_the_reason(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    dialog = _open(qtbot, path)
    assert "encrypted" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.cancel_button.click()
    assert dialog.lines() == []


def test_cancel_while_reading_a_large_file(qtbot, tmp_path: Path) -> None:
    path = write_big_ledger(tmp_path / "big.xlsx", 30_000)
    dialog = ImportDialog(path, None, 0)
    qtbot.addWidget(dialog)
    assert dialog.is_busy()
    job = dialog._job
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert job is not None and job.cancelled
    qtbot.waitUntil(lambda: job.finished, timeout=20000)
    assert dialog.lines() == []
