"""The drafts database as the windows use it: one short transaction per call. No Qt here.

The storage package (SQLAlchemy) is imported on first use, after the first window shows. Saving the
edits of an open draft goes through `persister()` (services/open_draft.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from desktop.domain.model import Draft
from desktop.rules.assessment import Assessment
from desktop.services.checking import assess
from desktop.services.open_draft import Persister

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.storage.database import Database
    from desktop.storage.records import StoredDraft
    from desktop.storage.summary import DraftSummary


def quick_list(location: str, search: str, trash: bool) -> list[DraftSummary] | None:
    """The drafts list read with the standard library alone, before the database is opened (None when
    the file is not one this program can read that way: storage/quicklist.py)."""
    from desktop.storage.quicklist import quick_list_drafts

    return quick_list_drafts(location, search=search, trash=trash)


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
