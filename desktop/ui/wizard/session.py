"""One open draft in the GUI: its undo stack, live checking and the autosave timers and signals. The draft
itself, its edits not yet saved, saving them and what a conflict leaves are `session.open`, an OpenDraft
(desktop/services/open_draft.py, no Qt).

Every edit anywhere in the GUI goes through `DraftSession.apply(change)`: the change is applied to the
domain Draft inside a QUndoCommand, announced with `changed`, re-checked after a short debounce
(`assessed`), and handed to the persistence callback within a second (`saved`). Views repaint from
these signals; nothing else computes eligibility or writes the database.

Autosave has a ceiling: a change is handed over after SAVE_DELAY_MS of quiet, but never later than
SAVE_MAX_WAIT_MS after the first change not yet saved, however steadily the user types. A save that fails
is never forgotten: the edits stay pending, `save_failed` carries the problem (services.save_problems), the
save is retried every RETRY_MS and at once on the next change. A stored draft changed or removed elsewhere
pauses autosave (`conflict`) until the window resolves it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain.changes import Change, SetValue, get_value
from desktop.domain.company import StandingDocument
from desktop.domain.fieldpath import line_of
from desktop.domain.model import Draft
from desktop.rules.assessment import Assessment
from desktop.rules.checker import IncrementalChecker
from desktop.rules.pack import Pack
from desktop.rules.yamlnodes import PackError
from desktop.services.notices import pack_for
from desktop.services.open_draft import OpenDraft, Persist, SaveOutcome
from desktop.services.packs import get_pack
from desktop.services.save_problems import SaveProblem

CHECK_DELAY_MS = 30
SAVE_DELAY_MS = 400  # quiet time before a save
SAVE_MAX_WAIT_MS = 800  # a change waits at most this long, however steadily the typing goes on
RETRY_MS = 3000  # a failed save is tried again this often (and at once on the next change)


def _pack(draft: Draft) -> Pack:
    """The pack the draft is checked against (through its notice); a notice this installation does not
    have (or one for another program) leaves the draft checked against its program's pack alone, rather
    than not opening it."""
    try:
        return pack_for(draft)
    except PackError:  # no such notice, or one for another program: the program's pack alone
        return get_pack(draft.program)


class _ChangeCommand(QUndoCommand):
    """Applies one change; undo applies its inverse. Typing in one field merges into one step."""

    MERGE_ID = 0x6761

    def __init__(self, session: DraftSession, change: Change, text: str, mergeable: bool) -> None:
        super().__init__(text)
        self.session = session
        self.change = change
        self.inverse: Change | None = None
        self.mergeable = mergeable

    def id(self) -> int:
        return self.MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, _ChangeCommand) or not other.mergeable:
            return False
        mine, theirs = self.change, other.change
        if not (isinstance(mine, SetValue) and isinstance(theirs, SetValue) and mine.path == theirs.path):
            return False
        self.change = theirs  # keep my inverse: undo returns to the value before the typing began
        return True

    def redo(self) -> None:
        self.inverse = self.change.inverse(self.session.draft)
        self.session._apply_now(self.change)

    def undo(self) -> None:
        assert self.inverse is not None
        self.session._apply_now(self.inverse)


class DraftSession(QObject):
    """The Qt side of an OpenDraft (services/open_draft.py): undo, the check and save timers, signals."""

    changed = Signal(object)  # the Change just applied to the draft (an edit, an undo or a redo)
    assessed = Signal(object)  # the new Assessment
    saved = Signal(object)  # datetime (UTC) of the last successful autosave
    save_failed = Signal(object)  # a SaveProblem (services.save_problems); the edits are kept and retried
    conflict = Signal()  # the stored draft changed (or was removed) elsewhere; autosave paused until resolved
    locked = Signal(object)  # the stored draft was submitted elsewhere (its Lock): read only, autosave paused

    def __init__(
        self,
        draft: Draft,
        *,
        draft_id: int | None = None,
        persist: Persist | None = None,
        as_of: date | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.open = OpenDraft(draft, draft_id, persist)
        self.undo_stack = QUndoStack(self)
        self._checker = IncrementalChecker(_pack(draft), as_of or date.today())
        self.assessment: Assessment = self._checker.run(draft)
        self.save_due: float | None = None  # when (on `clock`) the save timer fires, None when idle
        self._clock = clock
        self._first_unsaved: float | None = None
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)

    # ---- the open draft
    @property
    def draft(self) -> Draft:
        return self.open.draft

    @property
    def draft_id(self) -> int | None:
        return self.open.draft_id

    @property
    def paused(self) -> bool:
        """A conflict waits to be resolved: autosave is paused."""
        return self.open.paused

    @paused.setter
    def paused(self, value: bool) -> None:  # a lock found by asking the database pauses saving too
        self.open.paused = value

    @property
    def gone(self) -> bool:
        """The stored draft was deleted for good elsewhere (a conflict without "theirs")."""
        return self.open.gone

    @property
    def problem(self) -> SaveProblem | None:
        """Why the last save failed; None once a save succeeds."""
        return self.open.problem

    @property
    def last_saved(self) -> datetime | None:
        return self.open.last_saved

    # ---- editing
    def apply(self, change: Change, text: str = "", *, mergeable: bool = False) -> None:
        """Apply `change` as one undoable step (consecutive mergeable edits of one field merge)."""
        self.undo_stack.push(_ChangeCommand(self, change, text or type(change).__name__, mergeable))

    def seal(self) -> None:
        """End the current typing step: the next edit of the same field is a new undo step."""
        top = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(top, _ChangeCommand):
            top.mergeable = False

    def set_value(self, path: str, value: object, text: str = "", *, mergeable: bool = True) -> None:
        if get_value(self.draft, path) == value:
            return
        self.apply(SetValue(path, value), text or path, mergeable=mergeable)

    def _apply_now(self, change: Change) -> None:
        self.open.record(change)
        self._invalidate(change)
        self.changed.emit(change)
        self._check_timer.start()
        self._schedule_save()

    def _schedule_save(self) -> None:
        """Arm the save timer for a new change: after the quiet time, but no later than the ceiling
        counted from the first unsaved change; at once when the last save failed."""
        if not self.open.may_save:
            return
        now = self._clock()
        if self._first_unsaved is None:
            self._first_unsaved = now
        if self.problem is not None:
            delay = 0
        else:
            left = round((self._first_unsaved + SAVE_MAX_WAIT_MS / 1000 - now) * 1000)
            delay = max(0, min(SAVE_DELAY_MS, left))
        self._arm(now, delay)

    def _arm(self, now: float, delay_ms: int) -> None:
        self.save_due = now + delay_ms / 1000
        self._save_timer.start(delay_ms)

    def _invalidate(self, change: Change) -> None:
        """Tell the checker which line was edited in place. Lines inserted, replaced or restored are new
        objects and lines that moved keep their check: the checker knows them by identity."""
        if isinstance(change, SetValue):
            if change.path in ("notice", "program"):  # another notice or track: the windows and rates change
                self._checker.pack = _pack(self.draft)
                self._checker.all_changed()
                return
            index = line_of(change.path)
            if index is not None:
                self._checker.line_changed(index, self.draft.equipment[index])

    # ---- checking
    def set_invoices_elsewhere(self, numbers: dict[str, str] | None) -> None:
        """The invoice numbers other stored drafts use (the evidence checks warn of a second use)."""
        self._checker.invoices_elsewhere = numbers
        self.check_now()

    def set_company_documents(self, documents: Sequence[StandingDocument] | None) -> None:
        """The standing documents of the draft's company (one lapsing before the deadline is warned)."""
        self._checker.company_documents = documents
        self.check_now()

    def set_as_of(self, as_of: date) -> None:
        self._checker.set_as_of(as_of)
        self.check_now()

    def check_now(self) -> Assessment:
        self._check_timer.stop()
        self.assessment = self._checker.run(self.draft)
        self.assessed.emit(self.assessment)
        return self.assessment

    def current_assessment(self) -> Assessment:
        """The assessment of the draft as it is now (checked at once if a check is still pending)."""
        return self.check_now() if self._check_timer.isActive() else self.assessment

    def reload(self, draft: Draft) -> None:
        """Replace the whole draft (after resolving a conflict): history and pending edits are dropped."""
        self.open.reload(draft)
        self._stop_saving()
        self.undo_stack.clear()
        self._checker.pack = _pack(draft)
        self._checker.all_changed()
        self.changed.emit(None)
        self.check_now()

    def rebind(self, draft_id: int | None, persist: Persist | None) -> None:
        """Go on editing under another stored draft (mine kept as a copy after a conflict).

        The copy was written whole, so nothing is pending; the undo history stays with the draft."""
        self.open.rebind(draft_id, persist)
        self._stop_saving()

    def _stop_saving(self) -> None:
        self._save_timer.stop()
        self.save_due = None
        self._first_unsaved = None

    def discard_unsaved(self) -> None:
        """Drop the edits not saved (the user confirmed it): nothing is written or retried any more."""
        self.open.discard_unsaved()
        self._stop_saving()

    # ---- saving
    @property
    def has_unsaved(self) -> bool:
        return self.open.has_unsaved

    def flush(self) -> bool:
        """Hand pending edits to the database now; True when nothing is left unsaved."""
        self._save_timer.stop()
        self.save_due = None
        outcome = self.open.save()
        if outcome is SaveOutcome.LOCKED:
            self.locked.emit(self.open.lock)
        elif outcome is SaveOutcome.CONFLICT:
            self.conflict.emit()
        elif outcome is SaveOutcome.FAILED:  # retried on a timer, at the next edit and the next flush
            self._arm(self._clock(), RETRY_MS)
            self.save_failed.emit(self.problem)
        elif outcome is SaveOutcome.SAVED:
            self._first_unsaved = self._clock() if self.open.pending else None
            self.saved.emit(self.last_saved)
        return not self.open.pending
