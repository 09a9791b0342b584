"""Consistent copies of a database file (SQLite's backup API) and telling a good file from a bad one.

Backups live in a `backups` folder beside the database file; for the default database that is
desktop.paths.backups_dir(). Daily copies are `<stem>-YYYY-MM-DD.sqlite3` (the last N kept); the copy
taken before a schema upgrade is `<stem>-YYYY-MM-DD-before-upgrade-<revision>.sqlite3` (kept).
Every copy is written to a temporary name and renamed, so a half-written backup never exists.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

HEADER = b"SQLite format 3\x00"


class BadDatabaseFile(Exception):
    """The file is not an SQLite database, or a damaged one; the message says which."""


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _ro_connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def inspect_file(path: Path) -> list[str]:
    """The tables of a healthy SQLite file (read-only, nothing written); BadDatabaseFile otherwise."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(HEADER):
        raise BadDatabaseFile("it is not an SQLite database file")
    try:
        con = _ro_connect(path)
    except sqlite3.Error as exc:
        raise BadDatabaseFile(f"it cannot be opened ({exc})") from None
    try:
        result = [r[0] for r in con.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise BadDatabaseFile("it is damaged: " + "; ".join(str(r) for r in result[:3]))
        return [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.DatabaseError as exc:
        raise BadDatabaseFile(f"it is damaged ({exc})") from None
    finally:
        con.close()


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file (read-only)."""
    con = _ro_connect(path)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of `source` at `target` (created whole or not at all)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, part_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)  # a name of our own: two programs backing up at once do not write into one file
    part = Path(part_name)
    src = _ro_connect(source)
    try:
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
        finally:
            dst.close()
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    finally:
        src.close()
    return target


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
        except (BadDatabaseFile, OSError):
            continue
    return None
