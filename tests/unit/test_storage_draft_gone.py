"""A change to a draft deleted elsewhere is refused with a clear exception, and nothing is written."""

from __future__ import annotations

import pytest

from desktop.domain.changes import SetValue
from desktop.domain.model import Draft
from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.edits import DraftInTrash


def _stored(db: Database) -> tuple[int, int]:
    with db.session() as s:
        stored = repo.create_draft(s, draft=Draft())
        return stored.id, stored.version


def test_a_draft_in_the_trash_is_refused_when_only_live_drafts_are_edited(db: Database) -> None:
    draft_id, version = _stored(db)
    with db.session() as s:
        repo.delete_draft(s, draft_id=draft_id)
    with pytest.raises(DraftInTrash) as caught, db.session() as s:
        repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "late"), expected_version=version,
                          live_only=True)
    assert isinstance(caught.value, repo.DraftNotFound) and "trash" in str(caught.value)
    with db.session() as s:
        stored = repo.get_draft(s, draft_id=draft_id)
        assert (stored.version, stored.draft.title) == (version, None)  # rolled back with the bump
        repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "tidied"), expected_version=version)
        assert repo.get_draft(s, draft_id=draft_id).draft.title == "tidied"  # without live_only: allowed


def test_a_draft_deleted_for_good_is_not_found(db: Database) -> None:
    draft_id, version = _stored(db)
    with db.session() as s:
        repo.delete_draft(s, draft_id=draft_id)
        repo.purge_draft(s, draft_id=draft_id)
    with pytest.raises(repo.DraftNotFound), db.session() as s:
        repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "late"), expected_version=version,
                          live_only=True)
