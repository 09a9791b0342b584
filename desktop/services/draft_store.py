"""The drafts database as the windows use it: one short transaction per call. No Qt here.

The storage package (SQLAlchemy) is imported on first use, after the first window shows. Saving the
edits of an open draft goes through its `Persister`, the autosave callback of an OpenDraft
(services/open_draft.py): it writes a batch of changes with `apply_change` (tracking the stored
version), refreshes the draft's summary row in the same transaction, and turns the repository's
ConflictError into ConflictDetected (a stale version is never overwritten), a draft deleted elsewhere
(for good or to the trash) into DraftGone, and any other failure into SaveFailed with a plain
SaveProblem naming the database file.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from desktop.domain.changes import Change
from desktop.domain.model import Draft
from desktop.rules.assessment import Assessment
from desktop.services.checking import assess
from desktop.services.open_draft import ConflictDetected, DraftGone, DraftIsLocked
from desktop.services.save_problems import SaveFailed, classify

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.storage.database import Database
    from desktop.storage.records import StoredDraft
    from desktop.storage.summary import DraftSummary


class DraftStore:
    def __init__(self, location: str | None = None) -> None:
        from desktop.storage.database import open_database

        self.db: Database = open_database(location)

    def close(self) -> None:
        self.db.close()

    def _repo(self) -> ModuleType:
        from desktop.storage import repository

        return repository

    def refresh(self, s: Session, draft_id: int, assessment: Assessment) -> None:
        """The drafts list's figures for this draft, from the checker's answer."""
        t = assessment.totals
        self._repo().update_summary(
            s, draft_id=draft_id, status=assessment.status, errors=assessment.errors,
            warnings=assessment.warnings, max_subsidy=t.max_subsidy, requested=t.requested,
            pack_id=assessment.pack.id, pack_version=assessment.pack.version,
        )

    # ---- the list
    def list(self, search: str | None = None, trash: bool = False) -> list[DraftSummary]:
        with self.db.session() as s:
            return list(self._repo().list_drafts(s, search=search or None, trash=trash))

    # ---- one draft
    def create(self, draft: Draft) -> int:
        with self.db.session() as s:
            stored = self._repo().create_draft(s, draft=draft)
            self.refresh(s, stored.id, assess(draft))
            return int(stored.id)

    def load(self, draft_id: int) -> StoredDraft:
        """The StoredDraft (id, version, draft, ...)."""
        with self.db.session() as s:
            stored: StoredDraft = self._repo().get_draft(s, draft_id=draft_id)
            return stored

    def duplicate(self, draft_id: int) -> int:
        with self.db.session() as s:
            return int(self._repo().duplicate_draft(s, draft_id=draft_id).id)

    def delete(self, draft_id: int) -> None:
        with self.db.session() as s:
            self._repo().delete_draft(s, draft_id=draft_id)

    def restore(self, draft_id: int) -> None:
        with self.db.session() as s:
            self._repo().restore_draft(s, draft_id=draft_id)

    def purge(self, draft_id: int) -> None:
        """For good, with the stored evidence files no other draft uses."""
        from desktop.services.evidence_files import purge_with_files

        purge_with_files(self.db, draft_id)

    def invoices_elsewhere(self, draft_id: int) -> dict[str, str]:
        """The invoice numbers the other drafts use (for the evidence checks of this one)."""
        from desktop.storage.evidence_index import invoice_numbers_elsewhere

        with self.db.session() as s:
            return invoice_numbers_elsewhere(s, draft_id=draft_id)

    def company_documents(self, draft_id: int) -> Any:
        """The standing documents of the company the draft follows (None: it follows none)."""
        from desktop.services.companies import company_documents_for

        with self.db.session() as s:
            return company_documents_for(s, draft_id)

    def lock_of(self, draft_id: int) -> Any:
        """The draft's lock (storage.app_status.Lock: state, day, who) or None while it is a draft."""
        from desktop.storage.app_status import lock_of

        with self.db.session() as s:
            return lock_of(s, draft_id=draft_id)

    def reopen(self, draft_id: int, note: str | None = None) -> None:
        """Unlock a submitted draft for editing (recorded as a move back to draft)."""
        from desktop.storage.app_status import reopen

        with self.db.session(write=True) as s:
            reopen(s, draft_id=draft_id, note=note)

    def snapshot(self, draft_id: int, reason: str, label: str | None = None) -> None:
        with self.db.session() as s:
            self._repo().snapshot(s, draft_id=draft_id, reason=reason, label=label)

    # ---- files
    def import_file(self, path: Path) -> int:
        """A new draft from a draft file, with an "import" revision (DraftFormatError when it cannot be
        read; nothing is stored then)."""
        from desktop.services.drafts import import_draft

        with self.db.session() as s:
            return int(import_draft(s, path).id)

    def export_file(self, draft_id: int, path: Path) -> None:
        """The stored draft written to `path` (whole or not at all), with an "export" revision."""
        from desktop.services.drafts import export_draft

        with self.db.session() as s:
            export_draft(s, draft_id, path)

    @property
    def path(self) -> Path | None:
        """The SQLite file (None for another database or one in memory)."""
        return self.db.path

    def set_author(self, name: str | None) -> None:
        """The name revisions and leases are written under (None: the database user)."""
        from desktop.storage import team

        team.set_author(name)

    def persister(self, draft_id: int, version: int, current: Callable[[], Assessment]) -> Persister:
        """The autosave callback of the draft `draft_id` read at `version`."""
        return Persister(self, draft_id, version, current)

    def open(self, draft_id: int, current: Callable[[], Assessment]) -> Persister:
        """The autosave callback of the draft `draft_id` as it is stored now."""
        return self.persister(draft_id, self.load(draft_id).version, current)


class Persister:
    """The `persist` callback of one stored draft: the version my edits build on, kept up to date."""

    def __init__(self, store: DraftStore, draft_id: int, version: int, current: Callable[[], Assessment]) -> None:
        self.store = store
        self.draft_id = draft_id
        self.version = version
        self.current = current

    def __call__(self, changes: list[Change]) -> None:
        from desktop.storage.repository import ConflictError, DraftNotFound, apply_change

        version = self.version
        try:
            with self.store.db.session() as s:
                for change in changes:
                    version = apply_change(
                        s, draft_id=self.draft_id, change=change, expected_version=version, live_only=True
                    )
                self.store.refresh(s, self.draft_id, self.current())
        except ConflictError as exc:
            from desktop.storage.records import DraftLocked

            if isinstance(exc, DraftLocked):
                raise DraftIsLocked(str(exc), self.store.lock_of(self.draft_id)) from exc
            raise ConflictDetected(str(exc)) from exc
        except DraftNotFound as exc:  # deleted for good, or moved to the trash, elsewhere
            raise DraftGone(str(exc)) from exc
        except Exception as exc:
            raise SaveFailed(classify(exc, self.store.path)) from exc
        self.version = version

    def theirs(self) -> Draft:
        """The draft as stored now; my next edits build on its version."""
        stored = self.store.load(self.draft_id)
        self.version = stored.version
        return stored.draft

    def keep_as_copy(self, draft: Draft) -> int:
        """Mine, saved as a new draft (the stored one is left as the other writer made it). SaveFailed
        with a plain SaveProblem when the database refuses it too."""
        try:
            return self.store.create(copy.deepcopy(draft))
        except Exception as exc:
            raise SaveFailed(classify(exc, self.store.path)) from exc
