"""Text typed into an editor that could not be read, and so was not stored: one list per open draft.

An editor holding such text reports it here under the value's path (and withdraws it once the text
reads, is emptied, or the editor is closed). The wizard marks the step holding the path with errors
while it stands, as it would for an error finding: the draft itself still holds its last good value,
so the checker cannot know.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal


class PendingInput(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, tuple[object, object]] = {}  # path -> (the refusal, the editor's token)

    def set(self, path: str, problem: object, owner: object = None) -> None:
        had = path in self._items
        self._items[path] = (problem, owner)
        if not had:
            self.changed.emit()

    def clear(self, path: str, owner: object = None) -> None:
        """Withdraw the text of `path` (only if `owner` reported it, when an owner is given)."""
        item = self._items.get(path)
        if item is None or (owner is not None and item[1] is not owner):
            return
        del self._items[path]
        self.changed.emit()

    def paths(self) -> list[str]:
        return list(self._items)

    def problem(self, path: str) -> object | None:
        item = self._items.get(path)
        return None if item is None else item[0]


def pending_for(session: QObject) -> PendingInput:
    """The session's list (made on first use, a child of the session so it lives and dies with it)."""
    found = session.findChild(PendingInput, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if found is None:
        found = PendingInput(session)
    return found
