"""The drafts list read with sqlite3 alone answers exactly what repository.list_drafts answers, or None
when it cannot be sure; it never writes, and it never loads SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.quicklist import quick_list_drafts
from tests.unit.storage_helpers import demo, odd_draft

SEARCHES = [None, "", "alpha", "ALPHA", "申报", "100%", "a_b", "50/50", "%", "_", "/", "公司", "no such text"]
TITLES = ["Alpha 设备", "beta 申报", None, "100% 达标", "a_b 项目", "axb 项目", "50/50", "", "第三份"]


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """SQLite only: the quick list reads a database file with sqlite3 alone (a server goes to the full open)."""
    return sqlite_db


def _location(db: Database) -> str:
    assert db.path is not None
    return str(db.path)


def _fill(db: Database) -> list[int]:
    ids = []
    with db.session() as s:
        for i, title in enumerate(TITLES):
            d = odd_draft() if i % 3 == 0 else demo()
            d.title = title
            d.applicant.name = [None, "深圳某某 ALPHA 公司", "广州 a_b 公司", "Beta Ltd"][i % 4]
            ids.append(repo.create_draft(s, draft=d).id)
        for i, draft_id in enumerate(ids[::2]):
            repo.update_summary(
                s, draft_id=draft_id, status="ready" if i % 2 else "errors", errors=i % 2, warnings=i,
                max_subsidy=Decimal("1000000.00") + i, requested=Decimal("1.005") if i == 1 else Decimal(i),
                pack_id="gd-ai-robotics-2025", pack_version="2025.1",
            )
        repo.delete_draft(s, draft_id=ids[1])
        repo.delete_draft(s, draft_id=ids[4])
        # two drafts changed at the same moment: the id decides their order
        same = datetime(2026, 5, 1, 8, 30, tzinfo=UTC).replace(tzinfo=None)
        s.connection().exec_driver_sql(
            "UPDATE drafts SET updated_at = ? WHERE id IN (?, ?)", (same.isoformat(sep=" "), ids[2], ids[3])
        )
    return ids


def test_it_answers_exactly_what_list_drafts_answers(db: Database) -> None:
    _fill(db)
    for trash in (False, True):
        for search in SEARCHES:
            with db.session() as s:
                expected = repo.list_drafts(s, search=search or None, trash=trash)
            assert quick_list_drafts(_location(db), search=search, trash=trash) == expected, (search, trash)
    with db.session() as s:
        everything = repo.list_drafts(s)
    assert len(everything) == len(TITLES) - 2
    assert any(x.max_subsidy is not None for x in everything) and any(x.max_subsidy is None for x in everything)


def test_an_empty_database_lists_nothing(db: Database) -> None:
    assert quick_list_drafts(_location(db)) == []
    assert quick_list_drafts(_location(db), trash=True) == []


def test_it_writes_nothing(db: Database) -> None:
    """The database file is read only (SQLite may add its -wal and -shm companions, as for any reader
    of a WAL database, the integrity check of the full open included)."""
    _fill(db)
    db.close()
    file = Path(_location(db))
    before = file.read_bytes()
    assert quick_list_drafts(_location(db))
    assert file.read_bytes() == before
    assert sorted(p.name for p in file.parent.iterdir() if p.is_file() and not p.name.startswith(file.name)) == []


def test_it_leaves_what_it_cannot_be_sure_of_to_the_full_open(db: Database, tmp_path: Path) -> None:
    _fill(db)
    assert quick_list_drafts(str(tmp_path / "missing.sqlite3")) is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert quick_list_drafts(str(tmp_path / "empty.sqlite3")) is None
    (tmp_path / "garbage.sqlite3").write_bytes(b"not a database" * 100)
    assert quick_list_drafts(str(tmp_path / "garbage.sqlite3")) is None
    assert quick_list_drafts(str(tmp_path)) is None
    assert quick_list_drafts("sqlite:///" + _location(db)) is None
    with db.session() as s:  # a schema this program does not ship (older or newer)
        s.connection().exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    assert quick_list_drafts(_location(db)) is None


def test_a_garbled_time_is_one_damaged_row_as_in_list_drafts(db: Database) -> None:
    _fill(db)
    with db.session() as s:
        s.connection().exec_driver_sql("UPDATE drafts SET updated_at = 'yesterday' WHERE id = 1")
    quick = quick_list_drafts(_location(db))
    with db.session() as s:
        assert quick == repo.list_drafts(s)
    assert quick is not None
    damaged = [d for d in quick if d.damaged]
    assert [d.id for d in damaged] == [1] and "updated_at" in (damaged[0].damaged or "")
    assert len(quick) > 1 and all(d.updated_at is not None for d in quick if not d.damaged)


def test_it_does_not_import_sqlalchemy(db: Database) -> None:
    _fill(db)
    code = (
        "import sys\n"
        "from desktop.storage.quicklist import quick_list_drafts\n"
        f"assert quick_list_drafts({_location(db)!r})\n"
        "loaded = [m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_a_server_database_is_left_to_the_full_open(pg_url: str) -> None:
    assert quick_list_drafts(pg_url) is None
    assert quick_list_drafts(pg_url, search="alpha", trash=True) is None
