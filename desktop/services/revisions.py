"""Revisions as the wizard's panel uses them: the list, what differs from the draft as stored now, and
restoring one (the draft as it was before is kept as a "restore" revision, so nothing is lost)."""

from __future__ import annotations

from sqlmodel import Session

from desktop.domain.model import Draft
from desktop.services.drafts import refresh_summary
from desktop.storage import revisions as store
from desktop.storage.records import ConflictError as ConflictError  # for the callers of restore
from desktop.storage.records import FieldDiff, RevisionInfo, conn_of
from desktop.storage.whole import load_draft


def list_revisions(session: Session, *, draft_id: int) -> list[RevisionInfo]:
    """Newest first."""
    return store.list_revisions(session, draft_id=draft_id)


def differences(session: Session, *, draft_id: int, revision_id: int) -> list[FieldDiff]:
    """Field by field, from the revision (`before`) to the draft as stored now (`after`)."""
    return store.diff_with_current(session, draft_id=draft_id, revision_id=revision_id)


def restore(session: Session, *, draft_id: int, revision_id: int, expected_version: int) -> tuple[int, Draft]:
    """Make the revision the current draft; its new version and the draft. ConflictError when the stored
    draft is not at `expected_version` (changed elsewhere): nothing is changed then."""
    version = store.restore_revision(session, draft_id=draft_id, revision_id=revision_id,
                                     expected_version=expected_version)
    draft = load_draft(conn_of(session), draft_id)[1]
    refresh_summary(session, draft_id, draft)
    return version, draft
