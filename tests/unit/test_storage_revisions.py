"""Revisions: snapshots, their list, field-by-field differences, restoring; the import/export round trip."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from desktop import paths
from desktop.domain.changes import InsertLines, RemoveLines, SetValue, line_path
from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import dumps
from desktop.domain.model import EquipmentLine
from desktop.services import drafts as service
from desktop.storage import repository as repo
from desktop.storage.database import Database
from tests.conftest import AS_OF
from tests.unit.storage_helpers import demo, odd_draft, stored_text


def test_snapshot_list_and_diff(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=demo())
        first = repo.snapshot(s, draft_id=stored.id, reason="manual", label="初稿")
        v = repo.apply_change(s, draft_id=stored.id, change=SetValue(line_path(3, "quantity"), 9), expected_version=1)
        phone = SetValue("applicant.contact.phone", "1")
        v = repo.apply_change(s, draft_id=stored.id, change=phone, expected_version=v)
        v = repo.apply_change(
            s, draft_id=stored.id, change=InsertLines(1, (EquipmentLine(name="新设备"),)), expected_version=v
        )
        v = repo.apply_change(s, draft_id=stored.id, change=RemoveLines((10,)), expected_version=v)
        second = repo.snapshot(s, draft_id=stored.id, reason="export")
        listed = repo.list_revisions(s, draft_id=stored.id)
        diffs = repo.diff_revisions(s, from_revision=first.id, to_revision=second.id)
    assert [r.id for r in listed] == [second.id, first.id]
    assert (listed[1].reason, listed[1].label, listed[1].version) == ("manual", "初稿", 1)
    assert listed[0].version == v and listed[0].created_at.tzinfo is not None
    by_path = {d.path: d for d in diffs}
    assert by_path["applicant.contact.phone"].after == "1"
    quantity = by_path["equipment[4].quantity"]
    assert (quantity.before, quantity.after) == (demo().equipment[3].quantity, 9)
    assert by_path["equipment[1]"].change == "added" and by_path["equipment[1]"].after["name"] == "新设备"
    removed = [d for d in diffs if d.change == "removed"]
    assert len(removed) == 1 and removed[0].path == "equipment[9]" and removed[0].after is None
    assert len(diffs) == 4


def test_diff_of_identical_revisions_is_empty(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=odd_draft())
        a = repo.snapshot(s, draft_id=stored.id, reason="manual")
        b = repo.snapshot(s, draft_id=stored.id, reason="manual")
        assert repo.diff_revisions(s, from_revision=a.id, to_revision=b.id) == []
        with pytest.raises(repo.RevisionNotFound):
            repo.diff_revisions(s, from_revision=a.id, to_revision=999)
        with pytest.raises(ValueError, match="reason"):
            repo.snapshot(s, draft_id=stored.id, reason="whim")


def test_restore_revision_keeps_the_current_state_first(db: Database) -> None:
    original = odd_draft()
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(original))
        rev = repo.snapshot(s, draft_id=stored.id, reason="manual")
        v = repo.apply_change(s, draft_id=stored.id, change=SetValue("title", "改过"), expected_version=1)
        v = repo.apply_change(s, draft_id=stored.id, change=RemoveLines((0, 1, 2)), expected_version=v)
    changed = stored_text(db, stored.id)
    with db.session() as s, pytest.raises(repo.ConflictError):
        repo.restore_revision(s, draft_id=stored.id, revision_id=rev.id, expected_version=v - 1)
    with db.session() as s:
        assert len(repo.list_revisions(s, draft_id=stored.id)) == 1  # the refused restore kept nothing
        new_version = repo.restore_revision(s, draft_id=stored.id, revision_id=rev.id, expected_version=v)
    assert new_version == v + 1
    assert stored_text(db, stored.id) == dumps(original)
    with db.session() as s:
        latest = repo.list_revisions(s, draft_id=stored.id)[0]
        assert latest.reason == "restore" and latest.version == v
        assert dumps(repo.get_draft(s, draft_id=stored.id).draft) == dumps(original)
        kept = repo.diff_revisions(s, from_revision=rev.id, to_revision=latest.id)
        assert {d.path for d in kept if d.change == "changed"} >= {"title"}
    with db.session() as s:
        other = repo.create_draft(s, draft=demo())
        with pytest.raises(repo.RevisionNotFound):
            repo.restore_revision(s, draft_id=other.id, revision_id=rev.id, expected_version=1)
    assert changed != dumps(original)


def test_import_then_export_is_byte_identical(db: Database, tmp_path: Path) -> None:
    source = paths.demo_draft_path()
    with db.session() as s:
        stored = service.import_draft(s, source, AS_OF)
    target = tmp_path / "out" / "exported.json"
    target.parent.mkdir()
    with db.session() as s:
        service.export_draft(s, stored.id, target)
        reasons = [r.reason for r in repo.list_revisions(s, draft_id=stored.id)]
        summary = repo.list_drafts(s)[0]
    assert target.read_bytes() == source.read_bytes()
    assert reasons == ["export", "import"]
    assert summary.status == "ready" and summary.max_subsidy is not None and summary.max_subsidy > Decimal(0)
    with db.session() as s:
        assert repo.get_draft(s, draft_id=stored.id).pack_id == "gd-ai-robotics-2025"
    assert list(target.parent.iterdir()) == [target]


def test_import_of_a_bad_file_stores_nothing(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "grant-draft/1", "program": "gd-ai-robotics-2025", "equipment": [{"quantity": "abc"}]}')
    with pytest.raises(DraftFormatError, match=r"equipment\[0\]\.quantity"), db.session() as s:
        service.import_draft(s, bad)
    with db.session() as s:
        assert repo.list_drafts(s) == []


def test_refresh_summary_stores_the_checker_figures(db: Database) -> None:
    draft = demo()
    draft.applicant.name = None
    with db.session() as s:
        stored = repo.create_draft(s, draft=draft)
        assessment = service.refresh_summary(s, stored.id, draft, AS_OF)
        row = repo.list_drafts(s, status="blocked")
    assert [r.id for r in row] == [stored.id]
    assert row[0].errors == assessment.errors >= 1
    assert row[0].requested == assessment.totals.requested
