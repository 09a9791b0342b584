"""Undo and redo for a window: one owner for each key, and the change shown where it happened.

Qt's standard bindings differ by platform (on Linux, Redo is Ctrl+Y, Alt+Shift+Backspace and
Ctrl+Shift+Z; on Windows Ctrl+Y; on macOS Ctrl+Shift+Z). Redo is given every binding of the platform
plus Ctrl+Y and Ctrl+Shift+Z, each sequence once: a sequence registered twice in one window makes Qt
refuse both ("Ambiguous shortcut overload") and the key does nothing.

Undoing or redoing a change made on another step goes to that step and shows the field or cell it
changed (`changed_path`), as the review step does for a finding.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession


def _unique(sequences: list[QKeySequence]) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for seq in sequences:
        key = seq.toString(QKeySequence.SequenceFormat.PortableText)
        if key and key not in seen:
            seen.add(key)
            out.append(seq)
    return out


def undo_keys() -> list[QKeySequence]:
    return _unique([*QKeySequence.keyBindings(QKeySequence.StandardKey.Undo), QKeySequence("Ctrl+Z")])


def redo_keys() -> list[QKeySequence]:
    return _unique([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                    QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])


def set_history_keys(undo: QAction, redo: QAction) -> None:
    undo.setShortcuts(undo_keys())
    redo.setShortcuts(redo_keys())


def changed_path(change: object, attachments_before: Sequence[object] | None = None,
                 attachments_after: Sequence[object] | None = None) -> str | None:
    """The draft path a change touched, as a finding path (the field, the line, the attachment)."""
    from desktop.domain import changes as ch  # the drafts window loads this module before the domain
    from desktop.domain.fieldpath import ATTACHMENTS, EQUIPMENT, line_text, path_text

    if isinstance(change, ch.SetValue):
        return change.path
    if isinstance(change, ch.InsertLines):
        return line_text(change.index)
    if isinstance(change, ch.RemoveLines):
        return line_text(min(change.indexes)) if change.indexes else EQUIPMENT
    if isinstance(change, ch.RestoreLines):
        return line_text(min(i for i, _ in change.items)) if change.items else EQUIPMENT
    if isinstance(change, ch.ReplaceLine):
        return line_text(change.index)
    if isinstance(change, ch.MoveLines):
        return line_text(change.dest)
    if isinstance(change, ch.SetAttachments):
        before, after = attachments_before or [], attachments_after or []
        for k in range(max(len(before), len(after))):
            if k >= len(before) or k >= len(after) or before[k] != after[k]:
                return path_text(ATTACHMENTS, min(k, len(after) - 1)) if after else ATTACHMENTS
        return "attachments"
    return None


class HistoryActions(QObject):
    """Undo and redo actions over a session's stack; each step taken is shown by `navigate(path)`."""

    def __init__(self, window: QWidget, session: DraftSession, navigate: Callable[[str], bool]) -> None:
        super().__init__(window)  # its connections end with the window
        self.session = session
        self.navigate = navigate
        self.stack: QUndoStack = session.undo_stack
        self.undo = QAction(window)
        self.redo = QAction(window)
        set_history_keys(self.undo, self.redo)
        for action in (self.undo, self.redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.undo.triggered.connect(lambda _checked=False: self.step(undo=True))
        self.redo.triggered.connect(lambda _checked=False: self.step(undo=False))
        self.stack.canUndoChanged.connect(self.undo.setEnabled)
        self.stack.canRedoChanged.connect(self.redo.setEnabled)
        self.stack.undoTextChanged.connect(self._undo_text)
        self.stack.redoTextChanged.connect(self._redo_text)
        self.undo.setEnabled(self.stack.canUndo())
        self.redo.setEnabled(self.stack.canRedo())
        self.undo_label = "&Undo"
        self.redo_label = "&Redo"
        self.texts = [self.stack.undoText(), self.stack.redoText()]
        self.last_path: str | None = None

    def set_labels(self, undo: str, redo: str) -> None:
        self.undo_label, self.redo_label = undo, redo
        self.retranslate()

    def _undo_text(self, text: str) -> None:
        self.texts[0] = text
        self.retranslate()

    def _redo_text(self, text: str) -> None:
        self.texts[1] = text
        self.retranslate()

    def retranslate(self) -> None:
        for action, label, text in ((self.undo, self.undo_label, self.texts[0]),
                                    (self.redo, self.redo_label, self.texts[1])):
            action.setText(f"{label} {text}".strip() if text else label)

    def step(self, *, undo: bool) -> None:
        if not (self.stack.canUndo() if undo else self.stack.canRedo()):
            return
        seen: list[object] = []

        def record(change: object) -> None:
            seen.append(change)

        before = copy.deepcopy(self.session.draft.attachments)
        self.session.changed.connect(record)
        try:
            self.stack.undo() if undo else self.stack.redo()
        finally:
            self.session.changed.disconnect(record)
        changes = [c for c in seen if c is not None]
        if not changes:
            return
        path = changed_path(changes[0], before, self.session.draft.attachments)
        self.last_path = path
        if path is not None:
            self.navigate(path)
