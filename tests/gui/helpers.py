"""Driving the windows as a user does: type into a field, pick a choice, find a field by its path."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit

from desktop.ui.wizard.form_page import FormPage


def page_of(wizard, step_id: str) -> FormPage:
    index = wizard.form.index_of(step_id)
    wizard.go(index)
    page = wizard.page(index)
    assert isinstance(page, FormPage)
    return page


def commit_text(widget, text: str) -> None:
    """Type `text` through the input method (how Chinese arrives), at the cursor."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot, wizard, path: str, text: str, *, clear: bool = True) -> None:
    """Focus the field of `path` and type: Latin text by keys, anything else through the input method."""
    assert wizard.navigate(path)
    row = wizard.current_page().rows[path]
    widget = row.editor.input
    widget.setFocus()
    if isinstance(widget, QLineEdit) and clear:
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if isinstance(widget, QPlainTextEdit) and clear:
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit_text(widget, text)


def choose(wizard, path: str, key: str) -> None:
    assert wizard.navigate(path)
    combo = wizard.current_page().rows[path].editor.input
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(key))


def message_of(wizard, path: str) -> str:
    row = wizard.current_page().rows[path]
    return row.message.text() if row.message.isVisibleTo(wizard) else ""


def wait_for_focus(timeout_ms: int = 3000) -> None:
    """Activation comes back to a window a moment after a progress dialog over it closes."""
    timer = QElapsedTimer()
    timer.start()
    while QApplication.focusWidget() is None and timer.elapsed() < timeout_ms:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def on_next_box(act: Callable[[QMessageBox], None], named: str | None = None) -> None:
    """Run `act` on the next modal message box (the one whose objectName is `named`, when given) once it shows."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or (named is not None and box.objectName() != named):
            QTimer.singleShot(10, poll)
            return
        act(box)

    QTimer.singleShot(0, poll)


def click_button(box: QMessageBox, text: str) -> None:
    (button,) = [b for b in box.buttons() if b.text() == text]
    button.click()


def answer_with(button_text: str, seen: list[str]) -> None:
    """Click `button_text` in the next modal message box, noting its text."""

    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        click_button(box, button_text)

    on_next_box(click)


def in_front(qtbot, wizard):
    """`wizard` shown and made the active window (keys typed go to it); returned for chaining."""
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    return wizard
