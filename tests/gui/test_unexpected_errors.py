"""An exception nothing caught, raised in a slot, is logged and shown as a message, never a traceback."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import paths
from desktop.ui.application import ERROR_LOG, install_excepthook


class _Emitter(QObject):
    fired = Signal()


def _boom() -> None:
    raise ZeroDivisionError("the slot failed on purpose")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, start_program, tmp_path, monkeypatch):
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    controller = start_program("en")
    reporter = install_excepthook()
    assert sys.excepthook is reporter

    emitter = _Emitter()
    emitter.fired.connect(_boom)
    emitter.fired.emit()

    log = paths.logs_dir() / ERROR_LOG
    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: the slot failed on purpose" in text and "_boom" in text
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
    box = reporter.box
    assert isinstance(box, QMessageBox)
    assert box.icon() == QMessageBox.Icon.Critical
    assert str(log) in box.text() and "Traceback" not in box.text()
    assert "your drafts are safe" in box.text().lower()
    assert "ZeroDivisionError" in box.informativeText()

    emitter.fired.emit()  # a second failure while the box is open: logged, still one box
    assert log.read_text(encoding="utf-8").count("ZeroDivisionError: the slot") == 2
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == "unexpected-error" and w.isVisible()]
    assert shown == [box]
    box.accept()
    qtbot.waitUntil(lambda: reporter.box is None)
    assert controller.drafts_window.isVisible()


@pytest.mark.qt_no_exception_capture
def test_the_program_start_installs_the_hook(qtbot, tmp_path, monkeypatch):
    from desktop.ui.application import ErrorReporter, start

    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    _app, controller = start([], db=str(tmp_path / "drafts.sqlite3"), lang="en")
    qtbot.addWidget(controller.drafts_window)
    try:
        assert isinstance(sys.excepthook, ErrorReporter)
    finally:
        controller.shutdown()
