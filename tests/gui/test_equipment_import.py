"""The Import… button and the drop target of the equipment step open the ledger preview; the chosen
lines arrive as one InsertLines change."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog

from desktop.domain.changes import InsertLines
from desktop.ui.equipment.equipment_page import EquipmentPage
from tests.gui.steps_support import demo_session, show

LEDGER = "设备名称,规格型号,数量,单价,购置日期,发票号码\n激光雷达,L1,2,1000.00,2025-10-20,25442000000099990001\n" \
         "力传感器,F2,1,2500.00,2025-11-02,25442000000099990002\n"


def _accept_when_ready(qtbot):
    def run(dialog) -> bool:
        qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.import_button.isEnabled(), timeout=10000)
        dialog.import_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted
    return run


def test_import_button_adds_the_chosen_lines_as_one_change(qtbot, tmp_path) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_text(LEDGER, encoding="gbk")
    page = show(qtbot, EquipmentPage(demo_session()))
    n = page.model.rowCount()
    page.choose_import_file = lambda: str(ledger)
    page.exec_dialog = _accept_when_ready(qtbot)
    seen: list[object] = []
    page.session.changed.connect(seen.append)
    qtbot.mouseClick(page.buttons["import"], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == n + 2
    assert [type(c) for c in seen] == [InsertLines]
    assert page.session.draft.equipment[n].name == "激光雷达"
    assert page.selected_rows() == [n, n + 1]


def test_dropping_a_ledger_opens_the_preview(qtbot, tmp_path) -> None:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    page = show(qtbot, EquipmentPage(demo_session()))
    n = page.model.rowCount()
    page.exec_dialog = _accept_when_ready(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ledger))])
    enter = QDragEnterEvent(page.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    page.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))
    assert page.model.rowCount() == n + 2
