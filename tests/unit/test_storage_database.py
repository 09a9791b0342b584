"""Opening the database: pragmas, backups, refusing bad, foreign and newer files, read-only places.
SQLite only: each is about the database file (a server database: test_pg_backend.py)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop import paths
from desktop.storage import repository as repo
from desktop.storage.database import DatabaseError, open_database
from desktop.storage.restore import recover_from_backup
from desktop.storage.tables import metadata
from tests.unit.storage_helpers import count_drafts, demo, new_db, stored_text


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_one_draft(path: Path, day: date = date(2026, 6, 1)) -> int:
    db = open_database(str(path), today=day)
    with db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    db.close()
    return draft_id


def test_default_location_pragmas_and_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "home"))
    db = open_database()
    assert db.path == tmp_path / "home" / "drafts.sqlite3" and db.path.exists()
    with db.engine.connect() as conn:
        pragma = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")}
        assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000, "synchronous": 2}
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []  # migrations match tables.py
    db.close()
    assert not paths.backups_dir().exists()  # a new database has nothing to keep yet
    open_database(today=date(2031, 1, 2)).close()
    assert [p.name for p in paths.backups_dir().iterdir()] == ["drafts-2031-01-02.sqlite3"]


def test_sqlalchemy_url_and_memory(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'by-url.sqlite3'}")
    assert db.path == tmp_path / "by-url.sqlite3"
    db.close()
    memory = open_database("sqlite://")
    with memory.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    assert stored_text(memory, draft_id)
    memory.close()


def test_daily_backups_first_open_of_each_day_last_n_kept(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    draft_id = _with_one_draft(path, date(2026, 6, 1))
    for day in range(1, 6):
        for _ in range(2):
            open_database(str(path), keep_backups=3, today=date(2026, 6, day)).close()
    kept = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert kept == ["drafts-2026-06-03.sqlite3", "drafts-2026-06-04.sqlite3", "drafts-2026-06-05.sqlite3"]
    copy = open_database(str(tmp_path / "backups" / kept[-1]), keep_backups=0)
    assert stored_text(copy, draft_id)  # a backup is a complete, consistent database
    copy.close()


def test_not_a_database_is_refused_untouched_and_a_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    _with_one_draft(path, date(2026, 6, 1))
    open_database(str(path), today=date(2026, 6, 2)).close()
    open_database(str(path), today=date(2026, 6, 3)).close()
    backups = tmp_path / "backups"
    newest = backups / "drafts-2026-06-03.sqlite3"
    newest.write_bytes(b"rubbish" * 100)  # a damaged backup is passed over
    path.write_bytes(bytes(range(1, 256)) * 20)  # binary noise in our file's place: damage, not a letter
    before, newest_before = _digest(path), _digest(newest)
    with pytest.raises(DatabaseError, match="damaged .*not an SQLite database") as err:
        open_database(str(path))
    assert err.value.backup == backups / "drafts-2026-06-02.sqlite3"
    assert str(err.value.backup) in str(err.value)
    assert _digest(path) == before and _digest(newest) == newest_before
    kept = recover_from_backup(str(path), err.value.backup)
    assert kept.read_bytes().startswith(bytes(range(1, 20))) and kept.name == "drafts.sqlite3.damaged-1"
    assert count_drafts(path) == 1


def test_damaged_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    db = open_database(str(path), keep_backups=0)
    with db.session() as s:
        for _ in range(3):
            repo.create_draft(s, draft=demo())
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page + 8, len(data) - 1, page):  # scribble over every page after the first
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="damaged|malformed|cannot open") as err:
        open_database(str(path))
    assert err.value.backup is None and "no good backup" in str(err.value).lower()


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseError, match="not a grant-assistant drafts database"):
        open_database(str(path))
    assert _digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    _with_one_draft(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()

    def files() -> dict[str, str]:  # the database and its backups (SQLite's -wal/-shm companions aside)
        return {p.name: _digest(p) for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".sqlite3"}

    before = files()
    with pytest.raises(DatabaseError, match="newer version of grant-assistant") as err:
        open_database(str(path), today=date(2030, 1, 1))
    assert "9999_from_the_future" in str(err.value)
    assert files() == before  # untouched, and no backup taken either


def test_folder_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(str(tmp_path))


def test_unwritable_place_under_a_regular_file(tmp_path: Path) -> None:
    """Works as root too (chmod does not stop root): a regular file stands where the folder should be."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="does not exist and cannot be created") as err:
        open_database(str(blocker / "drafts.sqlite3"))
    assert err.value.cause == "missing-folder"


def test_a_read_only_uri_opens_read_only(tmp_path: Path) -> None:
    """SQLite's mode=ro URI makes the file read-only for this connection, root or not: it is read, not refused."""
    path = tmp_path / "drafts.sqlite3"
    _with_one_draft(path)
    before = _digest(path)
    db = open_database(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert db.read_only and "read-only" in db.read_only_note("en") and "只读" in db.read_only_note("zh")
    with db.session() as s:
        assert len(repo.list_drafts(s)) == 1
    with pytest.raises(DatabaseError, match="open read-only"):
        db.refuse_edit()
    db.close()
    assert _digest(path) == before


def test_new_database_gets_schema_only_where_no_file_exists(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "drafts.sqlite3"
    db = new_db(path.parent, path.name)
    with db.session() as s:
        assert repo.list_drafts(s) == []
    db.close()
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    os.utime(empty, (0, 0))  # emptied long ago (a file only just made may be another program creating it)
    with pytest.raises(DatabaseError, match="empty: 0 bytes"):  # what it held is lost: said, never recreated
        open_database(str(empty))
    assert empty.read_bytes() == b""
