"""The drafts list checks again, with the other drafts' invoice numbers, the drafts whose invoices another
draft uses (or no longer uses): their warning counts and the warning naming the other draft follow."""

from __future__ import annotations

import pytest

from desktop.services import drafts as draft_service
from desktop.services.draft_list import InvoiceReuse
from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.evidence_index import shared_invoice_numbers
from tests.conftest import AS_OF
from tests.unit.builders import draft, line
from tests.unit.evidence_builders import evidenced_line


@pytest.fixture
def db(sqlite_db: Database) -> Database:  # these tests run on SQLite alone
    return sqlite_db


def _warnings(db: Database, draft_id: int) -> int:
    with db.session() as s:
        return int(repo.draft_summary(s, draft_id=draft_id).warnings or 0)


def _store(db: Database, d) -> int:  # stored and checked alone, as an import or an old save left it
    with db.session() as s:
        stored = repo.create_draft(s, draft=d)
        draft_service.refresh_summary(s, stored.id, d, AS_OF)
        return int(stored.id)


def test_the_list_refresh_warns_both_drafts_naming_each_other_and_forgets_when_it_ends(db: Database) -> None:
    first = _store(db, draft([evidenced_line(1)], title="2025 第一批"))
    alone = _warnings(db, first)
    second = _store(db, draft([evidenced_line(1), evidenced_line(2)], title="2026 申报"))
    _store(db, draft([line()], title="a /1 draft"))  # its invoice numbers take part; it is checked as before
    reuse = InvoiceReuse()
    assert _warnings(db, first) == alone  # stored before the second draft existed: not warned yet
    with db.session() as s:
        assert sorted(reuse.refresh(s, AS_OF)) == [first, second]
    assert _warnings(db, first) == alone + 1
    assert reuse.note(first, "en") == (
        'Line 1\'s invoice 25442000000000000001 is already used in the draft "2026 申报"; one invoice cannot '
        "serve two applications. Check it.")
    assert "「2025 第一批」" in reuse.note(second, "zh")
    with db.session() as s:
        assert reuse.refresh(s, AS_OF) == []  # nothing changed: nothing checked again
    with db.session() as s:  # the second draft drops the shared invoice (saved elsewhere)
        stored = repo.get_draft(s, draft_id=second)
        stored.draft.equipment = stored.draft.equipment[1:]
        repo.save_draft(s, draft_id=second, draft=stored.draft, expected_version=stored.version)
    with db.session() as s:
        assert sorted(reuse.refresh(s, AS_OF)) == [first, second]
    assert _warnings(db, first) == alone and reuse.note(first, "en") == ""


def test_shared_numbers_leave_out_the_trash(db: Database) -> None:
    a = _store(db, draft([evidenced_line(1)], title="A"))
    b = _store(db, draft([evidenced_line(1)], title="B"))
    with db.session() as s:
        assert shared_invoice_numbers(s) == {a: frozenset({("25442000000000000001", "B")}),
                                             b: frozenset({("25442000000000000001", "A")})}
        repo.delete_draft(s, draft_id=b)
    with db.session() as s:
        assert shared_invoice_numbers(s) == {}
