"""The services the GUI and the command line reach storage through (desktop/services/database.py,
draft_list.read_listing, drafts.export_raw): the same answers as the storage calls behind them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from desktop.domain.company import Company
from desktop.services import database, team
from desktop.services.companies import assign_company, create_company
from desktop.services.draft_list import change_token, read_listing
from desktop.services.drafts import export_raw, get_draft
from desktop.storage.repository import create_draft
from tests.unit.storage_helpers import demo, new_db


def test_the_listing_holds_rows_companies_team_and_token(tmp_path: Path) -> None:
    with new_db(tmp_path) as db:
        with db.session(write=True) as s:
            first = create_draft(s, draft=demo()).id
            create_draft(s, draft=demo())
            company = create_company(s, company=Company(name="广州示例"))
            assign_company(s, draft_id=first, company_id=company)
            team.set_review(s, draft_id=first, state="review", author="王")
        with db.session() as s:
            listing = read_listing(s)
            token = change_token(s)
        assert sorted(r.id for r in listing.rows) == [1, 2]
        assert [(c.name, c.drafts) for c in listing.companies] == [("广州示例", 1)]
        assert listing.team[first].review_state == "review"
        assert listing.token == token
        with db.session(write=True) as s:
            team.set_review(s, draft_id=first, state=None, author="王")
        with db.session() as s:
            assert change_token(s) != token
            assert read_listing(s, search="no such thing").rows == []


def test_export_raw_writes_what_is_stored(tmp_path: Path) -> None:
    with new_db(tmp_path) as db:
        with db.session(write=True) as s:
            draft_id = create_draft(s, draft=demo()).id
        target = tmp_path / "raw.json"
        with db.session() as s:
            export_raw(s, draft_id, target)
            stored = get_draft(s, draft_id=draft_id).draft
        assert str(draft_id) in target.read_text(encoding="utf-8")
        assert stored.title and stored.title in target.read_text(encoding="utf-8")
        with db.session() as s, pytest.raises(OSError):
            export_raw(s, draft_id, tmp_path / "no-folder" / "raw.json")
        assert not (tmp_path / "no-folder").exists()


def test_a_failed_read_is_worded_for_people(tmp_path: Path) -> None:
    with new_db(tmp_path) as db:
        failure = DBAPIError("SELECT", {}, sqlite3.OperationalError("database is locked"))
        en, zh = database.unreadable(db, failure)
        assert en and zh and en != zh


def test_open_named_and_the_refusals(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    with pytest.raises(database.DatabaseError) as caught:
        database.open_named(str(folder))
    assert not database.is_damaged(caught.value)
    assert database.DraftNotFound in database.REFUSALS and database.StoreError in database.REFUSALS
    with database.open_named(str(tmp_path / "new.sqlite3")) as db:
        assert not db.read_only

