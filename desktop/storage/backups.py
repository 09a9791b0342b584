"""Consistent copies of a database file (SQLite's backup API) and telling a good file from a bad one.

Backups live in a `backups` folder beside the database file; for the default database that is
desktop.paths.backups_dir(). Daily copies are `<stem>-YYYY-MM-DD.sqlite3` (the last N kept); the copy
taken before a schema upgrade is `<stem>-YYYY-MM-DD-before-upgrade-<revision>.sqlite3` (kept).
Every copy is written to a temporary `.<name>.*.part` name, checked, flushed and renamed, so a half-written
backup never exists; what an interrupted copy leaves is removed at a later open (clean_leftovers).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from desktop.storage import causes

HEADER = b"SQLite format 3\x00"


class BadDatabaseFile(Exception):
    """The file is not an SQLite database, or a damaged one; the message says which. `foreign`: the file
    holds text (a letter, a table exported as CSV...), so it is something else, not our damaged database."""

    def __init__(self, message: str, foreign: bool = False) -> None:
        super().__init__(message)
        self.foreign = foreign


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


READ_TIMEOUT = 5.0  # seconds a read waits for another program's lock before it is told apart as "locked"


def _ro_connect(path: Path, immutable: bool, timeout: float, check_same_thread: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=check_same_thread)


def read_connect(path: Path, *, timeout: float = READ_TIMEOUT, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection that works in a read-only folder too: SQLite cannot make the WAL's shared
    memory file there, so the file is then read as immutable (nothing can change it through this user)."""
    con = _ro_connect(path, False, timeout, check_same_thread)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError as exc:
        con.close()
        if causes.classify(exc, path) != causes.READ_ONLY:
            raise
    return _ro_connect(path, True, timeout, check_same_thread)


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # a character cut at the end of the sample
    return True


def inspect_file(path: Path) -> list[str]:
    """The tables of a healthy SQLite file (read-only, nothing written); BadDatabaseFile when the file is
    damaged or not a database. Other sqlite3 errors (a full disk, a lock) are raised as they are."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if len(head) < 100 or not head.startswith(HEADER):
        raise BadDatabaseFile("it is not an SQLite database file", foreign=_looks_like_text(head))
    try:
        con = read_connect(path)
    except sqlite3.Error as exc:
        if causes.classify(exc, path) == causes.DAMAGED:
            raise BadDatabaseFile(f"it cannot be opened ({exc})") from None
        raise
    try:
        result = [r[0] for r in con.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise BadDatabaseFile("it is damaged: " + "; ".join(str(r) for r in result[:3]))
        return [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.DatabaseError as exc:
        if causes.classify(exc, path) in (causes.DAMAGED, causes.OTHER):
            raise BadDatabaseFile(f"it is damaged ({exc})") from None
        raise
    finally:
        con.close()


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file (read-only)."""
    con = read_connect(path)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


PART = ".part"
LEFTOVER_AGE = 60.0  # seconds: a part file older than this is no copy in progress but one interrupted


def _remove_part(part: Path) -> None:
    for name in (part, *(part.with_name(part.name + s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            name.unlink()


def verified_copy(source: Path, folder: Path, name: str) -> Path:
    """A consistent copy of `source` in `folder` under a temporary `.<name>.*.part` name, checked with
    quick_check and flushed to the disk; the caller renames it into place (or removes it)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, part_name = tempfile.mkstemp(prefix=f".{name}.", suffix=PART, dir=folder)
    os.close(fd)  # a name of our own: two programs backing up at once do not write into one file
    part = Path(part_name)
    try:
        src = read_connect(source)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
                check = [r[0] for r in dst.execute("PRAGMA quick_check")]
                if check != ["ok"]:
                    raise sqlite3.DatabaseError("the copy is not whole: " + "; ".join(map(str, check[:3])))
            finally:
                dst.close()
        finally:
            src.close()
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        _remove_part(part)
        raise
    return part


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of `source` at `target` (created whole or not at all)."""
    part = verified_copy(source, target.parent, target.name)
    try:
        os.replace(part, target)
    except BaseException:
        _remove_part(part)
        raise
    sync_folder(target.parent)
    return target


def clean_leftovers(db_path: Path, min_age: float = LEFTOVER_AGE) -> list[Path]:
    """Remove what interrupted copies left: `.*.part` files and their journals in the backups folder,
    and `.<name>.*.part` beside the database (a restore cut short), older than `min_age` seconds
    (younger ones may be another program's copy in progress)."""
    removed: list[Path] = []
    now = time.time()
    for folder, prefix in ((backup_folder(db_path), "."), (db_path.parent, f".{db_path.name}.")):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            base = entry.name
            for suffix in ("-journal", "-wal", "-shm"):
                base = base.removesuffix(suffix)
            if not (entry.name.startswith(prefix) and base.endswith(PART)):
                continue
            try:
                if now - entry.stat().st_mtime < min_age:
                    continue
                entry.unlink()
                removed.append(entry)
            except OSError:
                continue
    return removed


def has_backups(db_path: Path) -> bool:
    folder = backup_folder(db_path)
    try:
        return any(p.name.startswith(f"{db_path.stem}-") and p.suffix == ".sqlite3" for p in folder.iterdir())
    except OSError:
        return False


def _daily_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(db_path.stem) + r"-(\d{4}-\d{2}-\d{2})\.sqlite3")


def daily_backup(db_path: Path, today: date, keep: int) -> Path | None:
    """Today's copy if there is none yet, then only the newest `keep` daily copies are kept."""
    if keep <= 0:
        return None
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}-{today.isoformat()}.sqlite3"
    made = None if target.exists() else copy_database(db_path, target)
    pattern = _daily_pattern(db_path)
    daily = sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), key=lambda p: p.name, reverse=True)
    for old in daily[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return made


def upgrade_backup(db_path: Path, today: date, revision: str | None) -> Path:
    target = backup_folder(db_path) / f"{db_path.stem}-{today.isoformat()}-before-upgrade-{revision}.sqlite3"
    return copy_database(db_path, target)


def newest_good_backup(db_path: Path) -> Path | None:
    """The most recent backup of this database that opens cleanly and holds drafts."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return None
    prefix = f"{db_path.stem}-"
    found = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.suffix == ".sqlite3"]
    for candidate in sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True):
        try:
            if "drafts" in inspect_file(candidate):
                return candidate
        except (BadDatabaseFile, OSError, sqlite3.Error):
            continue
    return None
