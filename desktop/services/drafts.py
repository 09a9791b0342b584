"""Use-cases on stored drafts that the GUI and the CLI share: import a file, export, refresh the summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from desktop.domain.exchange import dumps
from desktop.domain.model import Draft
from desktop.files import display_name, write_atomic
from desktop.rules.assessment import Assessment
from desktop.services.checking import read_draft_file
from desktop.services.draft_links import restore_links, with_links
from desktop.services.evidence import assess_stored
from desktop.storage import repository as repo
from desktop.storage.damaged import raw_draft_json
from desktop.storage.repository import delete_draft as delete_draft
from desktop.storage.repository import draft_summary as draft_summary
from desktop.storage.repository import get_draft as get_draft
from desktop.storage.repository import list_drafts as list_drafts
from desktop.storage.repository import list_revisions as list_revisions
from desktop.storage.repository import purge_draft as purge_draft
from desktop.storage.repository import restore_draft as restore_draft


def refresh_summary(session: Session, draft_id: int, draft: Draft, as_of: date | None = None) -> Assessment:
    """Check `draft` against its rule pack and cache the figures (and the pack's id and version) for the
    drafts list. PackError if the draft names no known pack."""
    assessment = assess_stored(session, draft_id, draft, as_of)
    totals = assessment.totals
    repo.update_summary(
        session, draft_id=draft_id, status=assessment.status, errors=assessment.errors,
        warnings=assessment.warnings, max_subsidy=totals.max_subsidy, requested=totals.requested,
        pack_id=assessment.pack.id, pack_version=assessment.pack.version,
    )
    return assessment


def import_draft(session: Session, path: Path, as_of: date | None = None) -> repo.StoredDraft:
    """A new stored draft from a draft file (grant-draft/1), checked, with an "import" revision.
    DraftFormatError (naming the file and the path) if the file cannot be read; nothing is stored then."""
    draft = read_draft_file(path)
    stored = repo.create_draft(session, draft=draft)
    restore_links(session, stored.id, draft)  # its company, where its application is (submitted: stays locked)
    refresh_summary(session, stored.id, draft, as_of)
    repo.snapshot(session, draft_id=stored.id, reason="import", label=display_name(path))
    return stored


def export_draft(session: Session, draft_id: int, target: Path, *, keep_revision: bool = True) -> Draft:
    """Write the stored draft to `target` in the exchange format (whole or not at all) and keep an
    "export" revision of what was written."""
    draft = with_links(session, draft_id, repo.get_draft(session, draft_id=draft_id).draft)
    write_atomic(target, dumps(draft).encode("utf-8"))
    if keep_revision:
        repo.snapshot(session, draft_id=draft_id, reason="export", label=display_name(target))
    return draft


def save_manually(session: Session, draft_id: int, label: str | None = None) -> repo.RevisionInfo:
    """The user pressed Save: everything is already stored by autosave; keep a "manual" revision."""
    return repo.snapshot(session, draft_id=draft_id, reason="manual", label=label)


def export_raw(session: Session, draft_id: int, target: Path) -> None:
    """A damaged draft's raw stored values written to `target` whole or not at all (not a draft file:
    damaged.RAW_FORMAT); OSError when it cannot be written."""
    write_atomic(target, raw_draft_json(session, draft_id=draft_id))
