"""Repository functions on a temporary database: create, get, list, save, summary, trash, duplicate."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from sqlalchemy import text

from desktop.domain.exchange import dumps
from desktop.storage import repository as repo
from desktop.storage.database import Database
from tests.unit.storage_helpers import demo, odd_draft, stored_text


def test_create_and_get_round_trip_exactly(db: Database) -> None:
    draft = odd_draft()
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(draft))
    assert stored.version == 1 and stored.created_at.tzinfo is not None
    with db.session() as s:
        got = repo.get_draft(s, draft_id=stored.id)
    assert got.draft == draft
    assert dumps(got.draft) == dumps(draft)
    assert got.updated_at == stored.updated_at and got.deleted_at is None
    assert str(got.draft.equipment[0].unit_price) == "1.005"
    assert str(got.draft.project.requested_subsidy) == "1000000"


def test_two_decimal_prices_need_no_text_column(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=demo())
        texts = s.connection().execute(
            text("SELECT count(*) FROM equipment_lines WHERE unit_price_text IS NOT NULL AND draft_id = :id"),
            {"id": stored.id},
        ).scalar()
    assert texts == 0


def test_get_missing_draft(db: Database) -> None:
    with db.session() as s, pytest.raises(repo.DraftNotFound, match="no draft with id 42"):
        repo.get_draft(s, draft_id=42)


def test_list_search_status_order_and_trash(db: Database) -> None:
    a, b, c = demo(), demo(), demo()
    a.title, b.title, c.title = "Alpha 设备", "beta 申报", "第三份"
    c.applicant.name = "深圳某某 ALPHA 公司"
    with db.session() as s:
        ids = [repo.create_draft(s, draft=d).id for d in (a, b, c)]
    with db.session() as s:
        assert [x.id for x in repo.list_drafts(s)] == ids[::-1]
        assert {x.id for x in repo.list_drafts(s, search="alpha")} == {ids[0], ids[2]}
        assert [x.id for x in repo.list_drafts(s, search="申报")] == [ids[1]]
        assert repo.list_drafts(s, search="100%") == []
        repo.update_summary(
            s, draft_id=ids[1], status="ready", errors=0, warnings=2, max_subsidy=Decimal("1000000.00"),
            requested=Decimal("900000.00"), pack_id="gd-ai-robotics-2025", pack_version="2025.1",
        )
    with db.session() as s:
        ready = repo.list_drafts(s, status="ready")
        assert [x.id for x in ready] == [ids[1]]
        assert ready[0].max_subsidy == Decimal("1000000.00") and ready[0].warnings == 2
        assert ready[0].line_count == 15
        assert repo.get_draft(s, draft_id=ids[1]).version == 1  # the summary does not bump the version
        v = repo.save_draft(s, draft_id=ids[0], draft=a, expected_version=1)
        assert v == 2
        assert repo.list_drafts(s)[0].id == ids[0]  # the last changed comes first
        repo.delete_draft(s, draft_id=ids[2])
    with db.session() as s:
        assert ids[2] not in [x.id for x in repo.list_drafts(s)]
        trashed = repo.list_drafts(s, trash=True)
        assert [x.id for x in trashed] == [ids[2]] and trashed[0].deleted_at is not None
        repo.restore_draft(s, draft_id=ids[2])
        assert repo.list_drafts(s, trash=True) == []
        assert ids[2] in [x.id for x in repo.list_drafts(s)]


def test_save_whole_draft_and_conflict(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=demo())
    changed = odd_draft()
    changed.equipment = changed.equipment[:3]
    with db.session() as s:
        assert repo.save_draft(s, draft_id=stored.id, draft=changed, expected_version=1) == 2
    assert stored_text(db, stored.id) == dumps(changed)
    with db.session() as s, pytest.raises(repo.ConflictError) as err:
        repo.save_draft(s, draft_id=stored.id, draft=demo(), expected_version=1)
    assert err.value.current_version == 2
    assert stored_text(db, stored.id) == dumps(changed)
    with db.session() as s, pytest.raises(repo.DraftNotFound):
        repo.save_draft(s, draft_id=999, draft=demo(), expected_version=1)


def test_duplicate_is_independent(db: Database) -> None:
    with db.session() as s:
        first = repo.create_draft(s, draft=odd_draft())
        copy_ = repo.duplicate_draft(s, draft_id=first.id, title="模板副本")
        plain = repo.duplicate_draft(s, draft_id=first.id)
    assert copy_.id != first.id and copy_.version == 1
    with db.session() as s:
        got = repo.get_draft(s, draft_id=copy_.id).draft
        assert got.title == "模板副本"
        got.title = odd_draft().title
        assert got == odd_draft()
        assert repo.get_draft(s, draft_id=plain.id).draft == odd_draft()
        repo.save_draft(s, draft_id=copy_.id, draft=demo(), expected_version=1)
    assert stored_text(db, first.id) == dumps(odd_draft())


def test_purge_only_from_trash_and_everything_goes(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=odd_draft())
        repo.snapshot(s, draft_id=stored.id, reason="manual")
    with db.session() as s, pytest.raises(repo.NotInTrash):
        repo.purge_draft(s, draft_id=stored.id)
    with db.session() as s:
        repo.delete_draft(s, draft_id=stored.id)
        repo.purge_draft(s, draft_id=stored.id)
    with db.session() as s:
        conn = s.connection()
        for table in ("drafts", "equipment_lines", "attachments", "revisions"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
        with pytest.raises(repo.DraftNotFound):
            repo.restore_draft(s, draft_id=stored.id)
        with pytest.raises(repo.DraftNotFound):
            repo.purge_draft(s, draft_id=stored.id)


def test_session_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        repo.create_draft(s, draft=demo())
        raise RuntimeError("boom")
    with db.session() as s:
        assert repo.list_drafts(s) == []
