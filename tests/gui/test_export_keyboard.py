"""From the first screen to a saved PDF and submission package with the demo draft, by keyboard only.

File dialogs are bypassed by the export step's hook (`_ask_save_path`, the path the dialog would return)."""

from __future__ import annotations

import zipfile

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.equipment.equipment_model import column_of
from desktop.ui.export.export_page import ExportPage
from tests.gui.helpers import wait_for_focus


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    wait_for_focus()  # activation comes back a moment
    widget = QApplication.focusWidget()  # after a progress dialog closes
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def _tab_to(qtbot, target, limit: int = 60) -> None:
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        _press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}")


def test_demo_to_pdf_and_package_by_keyboard(qtbot, start_program, tmp_path, monkeypatch) -> None:
    outputs = {"pdf": tmp_path / "申报书.pdf", "zip": tmp_path / "申报材料包.zip"}
    monkeypatch.setattr(ExportPage, "_ask_save_path", lambda self, kind: str(outputs[kind]))
    controller = start_program("zh")
    drafts = controller.drafts_window
    with qtbot.waitActive(drafts, timeout=3000):
        drafts.activateWindow()
    if QApplication.focusWidget() is None:
        drafts.focusNextChild()
    _tab_to(qtbot, drafts.demo_button)
    _press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(controller.wizards), timeout=5000)
    wizard = next(iter(controller.wizards.values()))
    with qtbot.waitActive(wizard, timeout=3000):
        wizard.activateWindow()
    if QApplication.focusWidget() is None:
        wizard.focusNextChild()

    equipment_step = wizard.form.index_of("equipment")
    while wizard.current != equipment_step:  # Alt+Right: the next step
        _press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    page = wizard.current_page()
    _tab_to(qtbot, page.view)
    _press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(column_of("quantity") - page.current_source().column()):
        _press(qtbot, Qt.Key.Key_Right)
    _press(qtbot, Qt.Key.Key_3)  # typing starts the editor
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.session.draft.equipment[0].quantity == 3, timeout=2000)

    _press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # export: to the step, Save PDF
    export = wizard.current_page()
    assert isinstance(export, ExportPage)
    qtbot.waitUntil(lambda: outputs["pdf"].exists() and export.job is not None and export.job.finished,
                    timeout=30000)
    _tab_to(qtbot, export.buttons["package"])
    _press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: outputs["zip"].exists() and export.job is not None and export.job.finished,
                    timeout=30000)

    text = "".join(p.extract_text() for p in PdfReader(str(outputs["pdf"])).pages)
    assert "六轴协作机器人研发平台" in text
    with zipfile.ZipFile(outputs["zip"]) as z:
        assert any(name.endswith(".pdf") for name in z.namelist())
