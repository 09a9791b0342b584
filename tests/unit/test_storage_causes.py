"""Why a database cannot be used is told apart: full disk, locked, missing folder, damaged (an empty file
too), foreign, newer; only damage offers a backup, and a restore never moves a file before its
replacement is known to be whole. Read-only files and folders: test_storage_causes_readonly.py.
SQLite only: these are the troubles of a database file on this machine (a server's are the server's)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.storage import backups, causes, database
from desktop.storage import repository as repo
from desktop.storage.database import DatabaseError, open_database
from desktop.storage.restore import RestoreFailed, recover_from_backup
from tests.unit.storage_helpers import count_drafts, demo, mounted_tmpfs


def _stored(path: Path, days: int = 2) -> None:
    """A database with one draft, opened on `days` days (so it has daily backups from the second on)."""
    db = open_database(str(path), today=date(2026, 6, 1))
    with db.session() as s:
        repo.create_draft(s, draft=demo())
    db.close()
    for day in range(2, days + 1):
        open_database(str(path), today=date(2026, 6, day)).close()


def _behind_our_back(path: Path, statement: str) -> None:
    """One statement run on the file by another program (sqlite3 alone, none of our checks)."""
    con = sqlite3.connect(path)
    con.execute(statement)
    con.commit()
    con.close()


def _digest(path: Path) -> bytes:
    return path.read_bytes()


def _no_damaged_copies(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if ".damaged-" in p.name]


# ---- full disk -----------------------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs of our own (needs root and mount); skipped loudly with the reason when impossible."""
    yield from mounted_tmpfs(tmp_path / "small-disk", "2m", "the deterministic full-disk tests below still run")


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_is_said_and_nothing_is_hidden(small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = small_disk / "drafts.sqlite3"
    _stored(path)
    before = _digest(path)
    filler = _fill(small_disk)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path), today=date(2026, 6, 3))
    assert err.value.cause == causes.FULL and err.value.backup is None  # no restore offered for a full disk
    assert "disk holding the drafts database" in str(err.value) and str(path) in str(err.value)
    assert "磁盘已满" in err.value.text("zh")
    assert main(["--db", str(path), "drafts", "list"]) == 2
    assert "is full" in capsys.readouterr().err
    assert _digest(path) == before and _no_damaged_copies(small_disk)
    filler.unlink()  # space freed: everything is there
    db = open_database(str(path), today=date(2026, 6, 3))
    with db.session() as s:
        assert len(repo.list_drafts(s)) == 1
    db.close()


def test_a_full_disk_during_the_daily_backup_leaves_a_warning_and_no_part(small_disk: Path) -> None:
    path = small_disk / "drafts.sqlite3"
    _stored(path, days=1)
    db = open_database(str(path), today=date(2026, 6, 2))
    with db.session() as s:  # a database larger than what is left once the disk is nearly full
        for _ in range(100):
            repo.create_draft(s, draft=demo())
    db.close()
    size = path.stat().st_size
    assert size > 3 * 64 * 1024
    filler = small_disk / "filler"
    free = causes.free_space(small_disk) or 0
    filler.write_bytes(b"\0" * max(0, free - 128 * 1024))  # room to open (shared memory, WAL), not to copy
    db = open_database(str(path), today=date(2026, 6, 3))
    with db.session() as s:
        assert len(repo.list_drafts(s)) == 101  # the work goes on
    db.close()
    assert any("daily backup" in w and "disk is full" in w for w in db.warnings), db.warnings
    assert not (small_disk / "backups" / "drafts-2026-06-03.sqlite3").exists()
    assert [p for p in (small_disk / "backups").iterdir() if p.name.startswith(".")] == []


def test_disk_full_is_told_apart_without_a_small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same logic, deterministic: the check meets SQLite's own "database or disk is full"."""
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    before = _digest(path)

    def full(_path: Path) -> list[str]:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "inspect_file", full)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path), today=date(2026, 6, 3))
    assert err.value.cause == causes.FULL and err.value.backup is None and "damaged" not in str(err.value)
    assert _digest(path) == before


def test_an_io_error_with_no_space_left_is_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "drafts.sqlite3"
    _stored(path)

    def io_error(_path: Path) -> list[str]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backups, "inspect_file", io_error)
    monkeypatch.setattr(causes, "free_space", lambda _folder: 0)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path), today=date(2026, 6, 3))
    assert err.value.cause == causes.FULL and err.value.backup is None


def test_a_restore_that_meets_a_full_disk_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    path.write_bytes(bytes(range(1, 256)) * 40)  # damaged
    before = _digest(path)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert err.value.cause == causes.DAMAGED and err.value.backup is not None
    real_connect = backups.read_connect

    class FullDisk:  # a source connection whose copy meets a full disk (sqlite3's own type cannot be patched)
        def __init__(self, con: sqlite3.Connection) -> None:
            self.con = con

        def backup(self, _target: sqlite3.Connection) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name: str) -> object:
            return getattr(self.con, name)

    monkeypatch.setattr(backups, "read_connect", lambda p: FullDisk(real_connect(p)))
    with pytest.raises(RestoreFailed) as failed:
        recover_from_backup(str(path), err.value.backup)
    assert "Nothing was changed" in str(failed.value) and "没有任何改动" in failed.value.text("zh")
    assert failed.value.cause == causes.FULL and "disk" in str(failed.value)
    assert _digest(path) == before and _no_damaged_copies(tmp_path)
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    monkeypatch.setattr(backups, "read_connect", real_connect)
    kept = recover_from_backup(str(path), err.value.backup)
    assert kept.read_bytes() == before
    assert count_drafts(path) == 1


def test_a_restore_that_cannot_rename_moves_the_damaged_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    path.write_bytes(bytes(range(1, 256)) * 40)
    before = _digest(path)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert err.value.backup is not None

    def refuse(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)  # restore.py renames the checked copy in with os.replace
    with pytest.raises(RestoreFailed, match="Nothing was changed"):
        recover_from_backup(str(path), err.value.backup)
    assert _digest(path) == before and _no_damaged_copies(tmp_path)


# ---- locked, missing folder, empty, foreign, newer, no version row --------------------------------

def test_a_database_locked_by_another_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "READ_TIMEOUT", 0.1)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(database, "OPEN_LOCK_WAIT_S", 0.3)
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as err:
            open_database(str(path), today=date(2026, 6, 3))
        assert err.value.cause == causes.LOCKED and err.value.backup is None
        assert "locked by another program" in str(err.value) and "被其他程序锁定" in err.value.text("zh")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_database(str(path), today=date(2026, 6, 3)).close()


def test_a_missing_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "usb-drive"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(DatabaseError) as err:
        open_database(str(blocker / "grant" / "drafts.sqlite3"))
    assert err.value.cause == causes.MISSING_FOLDER and "does not exist and cannot be created" in str(err.value)
    assert "文件夹" in err.value.text("zh")


def test_an_empty_file_is_damage_with_the_backups_offered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    for companion in ("-wal", "-shm"):
        path.with_name(path.name + companion).unlink(missing_ok=True)
    path.write_bytes(b"")
    os.utime(path, (0, 0))  # emptied long ago (a file only just made may be another program creating it)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert err.value.cause == causes.DAMAGED and "0 bytes" in str(err.value)
    assert err.value.backup == tmp_path / "backups" / "drafts-2026-06-02.sqlite3"
    assert main(["--db", str(path), "drafts", "list"]) == 2
    assert "0 bytes" in capsys.readouterr().err
    assert path.read_bytes() == b""  # never silently a new, empty database
    recover_from_backup(str(path), err.value.backup)
    assert count_drafts(path) == 1


def test_an_empty_file_being_created_by_another_program_is_waited_for(tmp_path: Path) -> None:
    import threading

    model = tmp_path / "model.sqlite3"
    _stored(model, days=1)
    data = model.read_bytes()
    path = tmp_path / "drafts.sqlite3"
    path.write_bytes(b"")  # just made: the other program writes its first pages in a moment
    writer = threading.Timer(0.3, lambda: path.write_bytes(data))
    writer.start()
    try:
        db = open_database(str(path))
    finally:
        writer.join()
    with db.session() as s:
        assert len(repo.list_drafts(s)) == 1
    db.close()


@pytest.mark.parametrize("content", [b"Dear colleague,\nplease find the figures attached.\n" * 20,
                                     "名称,数量\n服务器,2\n".encode() * 30])
def test_a_text_file_is_foreign_and_no_restore_is_offered(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    for companion in ("-wal", "-shm"):
        path.with_name(path.name + companion).unlink(missing_ok=True)
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert err.value.cause == causes.FOREIGN and err.value.backup is None
    assert "not a grant-assistant drafts database" in str(err.value) and path.read_bytes() == content


def test_a_foreign_sqlite_database_and_a_newer_one(tmp_path: Path) -> None:
    other = tmp_path / "customers.sqlite3"
    _behind_our_back(other, "CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseError) as err:
        open_database(str(other))
    assert err.value.cause == causes.FOREIGN and err.value.backup is None
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    _behind_our_back(path, "UPDATE alembic_version SET version_num = 'ffff_future'")
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert err.value.cause == causes.NEWER and err.value.backup is None and "更新版本" in err.value.text("zh")


def test_a_missing_version_row_is_damage_not_a_raw_create_table(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    _behind_our_back(path, "DELETE FROM alembic_version")
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert err.value.cause == causes.DAMAGED and "CREATE TABLE" not in str(err.value)
    assert "schema version is missing" in str(err.value)
    assert err.value.backup == tmp_path / "backups" / "drafts-2026-06-02.sqlite3"


def test_a_folder_in_the_place_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "drafts.sqlite3").mkdir()
    with pytest.raises(DatabaseError) as err:
        open_database(str(tmp_path / "drafts.sqlite3"))
    assert err.value.cause == causes.FOLDER and err.value.backup is None and "No good backup" not in str(err.value)


def test_damage_with_only_bad_backups_says_so(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    for backup in (tmp_path / "backups").iterdir():
        backup.write_bytes(b"\x01\x02" * 100)
    path.write_bytes(bytes(range(1, 256)) * 40)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert err.value.backup is None and "none of them is a good copy" in str(err.value)


# ---- interrupted backups ---------------------------------------------------------------------------

def test_leftovers_of_an_interrupted_backup_are_cleaned_at_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    _stored(path)
    folder = tmp_path / "backups"
    old = folder / f".drafts-2026-06-03.sqlite3.{uuid.uuid4().hex[:8]}.part"
    old.write_bytes(b"x" * 1000)
    journal = old.with_name(old.name + "-journal")
    journal.write_bytes(b"j" * 100)
    fresh = folder / ".drafts-2026-06-03.sqlite3.inprogress.part"  # another program's copy, just begun
    fresh.write_bytes(b"y")
    long_ago = old.stat().st_mtime - 3600
    for leftover in (old, journal):
        os.utime(leftover, (long_ago, long_ago))
    restore_part = tmp_path / ".drafts.sqlite3.k3j4.part"  # a restore cut short, beside the database
    restore_part.write_bytes(b"z" * 100)
    long_ago = old.stat().st_mtime - 3600
    os.utime(restore_part, (long_ago, long_ago))
    other = tmp_path / ".other.sqlite3.k3j4.part"  # not ours: left alone
    other.write_bytes(b"o")
    os.utime(other, (long_ago, long_ago))
    kept_names = {p.name for p in folder.iterdir()} - {old.name, journal.name}
    open_database(str(path), today=date(2026, 6, 2)).close()
    assert not old.exists() and not journal.exists() and fresh.exists()
    assert not restore_part.exists() and other.exists()
    assert kept_names <= {p.name for p in folder.iterdir()}


def test_a_killed_backup_leaves_nothing_for_ever(tmp_path: Path) -> None:
    """A daily backup killed halfway (the process ends inside SQLite's copy): the next open cleans up."""
    import sys

    path = tmp_path / "drafts.sqlite3"
    _stored(path, days=1)
    code = (
        "import os, sqlite3\n"
        "from datetime import date\n"
        "from desktop.storage import backups\n"
        "class Dying:\n"
        "    def __init__(self, con): self.con = con\n"
        "    def __getattr__(self, name): return getattr(self.con, name)\n"
        "    def backup(self, target):\n"
        "        target.execute('CREATE TABLE t (x)')\n"
        "        target.execute('BEGIN')\n"
        "        target.execute('INSERT INTO t VALUES (1)')\n"
        "        os._exit(9)\n"
        "real = backups.read_connect\n"
        "backups.read_connect = lambda p: Dying(real(p))\n"
        f"backups.daily_backup(__import__('pathlib').Path({str(path)!r}), date(2026, 6, 2), 10)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    folder = tmp_path / "backups"
    leftovers = [p for p in folder.iterdir() if p.name.startswith(".")]
    assert leftovers, "the killed copy should have left its part file"
    for leftover in leftovers:
        os.utime(leftover, (0, 0))
    db = open_database(str(path), today=date(2026, 6, 2))
    db.close()
    assert [p for p in folder.iterdir() if p.name.startswith(".")] == []
    assert (folder / "drafts-2026-06-02.sqlite3").exists()
