"""One draft open for editing, without Qt: the Draft being edited, the edits not yet saved, saving them
through the drafts store with the stored version they build on, and what a conflict leaves.

`OpenDraft` holds the draft and its pending edits; `save()` hands them to its `persist` callback and
answers with a `SaveOutcome`. A conflict (the stored draft changed elsewhere, `ConflictDetected`, or was
removed, `DraftGone`) pauses saving until it is resolved: theirs reloaded (`reload`) or mine kept as a
new draft (`rebind`). Any other failure keeps the edits pending with a plain SaveProblem
(services.save_problems) for the next try. The callback for a stored draft is services/draft_store.py's
`Persister`: it writes a batch of changes tracking the stored version and turns the repository's
refusals into the exceptions here; a stale version is never overwritten. The timers and signals around
all this live in desktop/ui/wizard/session.py.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from desktop.domain.changes import Change
from desktop.domain.model import Draft
from desktop.services.save_problems import SaveProblem, classify

Persist = Callable[[list[Change]], None]
log = logging.getLogger(__name__)


class ConflictDetected(Exception):
    """Raised by a persistence callback when the stored draft changed elsewhere."""


class DraftGone(ConflictDetected):
    """Raised by a persistence callback when the stored draft was deleted for good elsewhere."""


class DraftIsLocked(ConflictDetected):
    """Raised by a persistence callback when the stored draft was submitted elsewhere (read only until
    it is reopened). `lock`: storage.app_status.Lock (state, day, who), or None when unknown."""

    def __init__(self, message: str, lock: object = None) -> None:
        super().__init__(message)
        self.lock = lock


class SaveOutcome(enum.Enum):
    SAVED = "saved"  # every pending edit is stored
    IDLE = "idle"  # nothing was written: nothing pending, no callback, or paused by a conflict
    CONFLICT = "conflict"  # the stored draft changed or went elsewhere: saving paused until resolved
    FAILED = "failed"  # the edits stay pending (`problem` says why) and are tried again
    LOCKED = "locked"  # submitted elsewhere: the edits stay pending, saving paused until it is reopened


class OpenDraft:
    """The draft being edited and the edits of it not yet saved."""

    def __init__(self, draft: Draft, draft_id: int | None = None, persist: Persist | None = None) -> None:
        self.draft = draft
        self.draft_id = draft_id
        self.persist = persist
        self.pending: list[Change] = []
        self.paused = False  # a conflict waits to be resolved: nothing is written meanwhile
        self.gone = False  # the stored draft was deleted for good elsewhere (a conflict without "theirs")
        self.last_saved: datetime | None = None
        self.problem: SaveProblem | None = None  # why the last save failed; None once a save succeeds
        self.lock: object = None  # the Lock of a draft found submitted elsewhere by the last save

    @property
    def has_unsaved(self) -> bool:
        return bool(self.pending)

    @property
    def may_save(self) -> bool:
        """A save would be attempted (a callback, no conflict waiting)."""
        return self.persist is not None and not self.paused

    def record(self, change: Change) -> None:
        """Apply `change` to the draft; it is pending until the next save."""
        change.apply(self.draft)
        self.pending.append(change)

    def save(self) -> SaveOutcome:
        """Hand the pending edits to the callback."""
        if self.persist is None or self.paused or not self.pending:
            return SaveOutcome.IDLE
        batch = list(self.pending)
        try:
            self.persist(batch)
        except DraftIsLocked as exc:  # the edits stay pending: reopening (recorded) lets them be kept
            self.paused = True
            self.lock = exc.lock
            return SaveOutcome.LOCKED
        except ConflictDetected as exc:
            self.paused = True
            self.gone = isinstance(exc, DraftGone)
            return SaveOutcome.CONFLICT
        except Exception as exc:  # the edits stay pending and are tried again
            if self.problem is None:  # logged once, not at every retry
                log.warning("autosave of draft %s failed", self.draft_id, exc_info=exc)
            self.problem = classify(exc)
            return SaveOutcome.FAILED
        del self.pending[: len(batch)]
        self.problem = None
        self.last_saved = datetime.now(UTC)
        return SaveOutcome.SAVED

    def forget_pending(self) -> None:
        self.pending.clear()
        self.problem = None

    def reload(self, draft: Draft) -> None:
        """Theirs replaces mine (a conflict resolved that way): pending edits are dropped."""
        self.draft = draft
        self.forget_pending()
        self.paused = False
        self.gone = False

    def rebind(self, draft_id: int | None, persist: Persist | None) -> None:
        """Go on under another stored draft (mine kept as a copy after a conflict): it was written whole,
        so nothing is pending."""
        self.draft_id = draft_id
        self.persist = persist
        self.forget_pending()
        self.paused = False
        self.gone = False

    def discard_unsaved(self) -> None:
        """Drop the edits not saved (the user confirmed it): nothing is written or retried any more."""
        self.forget_pending()
        self.persist = None
