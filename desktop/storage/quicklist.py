"""The drafts list read with the standard library alone, so the drafts window can show it before
SQLAlchemy and SQLModel (a few hundred milliseconds to import) have loaded.

`quick_list_drafts` answers exactly what repository.list_drafts answers for the same database (the same
columns, filter, order and DraftSummary values; a test holds the two together), over a read-only
sqlite3 connection in one read transaction. It answers None whenever it cannot be sure: a location that
is an SQLAlchemy URL or no file yet, a file that is not a drafts database at the schema this program
ships, a value not in the form SQLAlchemy writes, any SQLite error. It checks nothing and changes
nothing: the caller opens the database fully (database.open_database: integrity check, schema check
or upgrade, daily backup) right after showing the list, and lists again from there.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.storage import schema
from desktop.storage.summary import DraftSummary

# repository.list_drafts's query as SQLAlchemy renders it for SQLite (icontains with autoescape: "/"
# escapes "/", "%" and "_" in the search text).
_COLUMNS = (
    "id, title, applicant_name, status, errors, warnings, max_subsidy_fen, requested_fen, updated_at, "
    "deleted_at, line_count"
)
_SEARCH = (
    " AND ((lower(drafts.title) LIKE '%' || lower(?) || '%' ESCAPE '/')"
    " OR (lower(drafts.applicant_name) LIKE '%' || lower(?) || '%' ESCAPE '/'))"
)
_ORDER = " ORDER BY drafts.updated_at DESC, drafts.id DESC"


class _Unsure(Exception):
    """A stored value is not in the form SQLAlchemy would read the same way: leave it to SQLAlchemy."""


def _escape_like(text: str) -> str:
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _utc(value: Any) -> datetime:
    """As tables.UTCDateTime reads it: SQLite's DATETIME text through datetime.fromisoformat, then UTC."""
    if not isinstance(value, str):
        raise _Unsure
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        raise _Unsure from None


def _money(fen: Any) -> Decimal | None:
    """As rows.money_value(fen, None) reads the list's cached figures."""
    if fen is None:
        return None
    if not isinstance(fen, int):
        raise _Unsure
    return Decimal(fen).scaleb(-2)


def _summary(r: tuple[Any, ...]) -> DraftSummary:
    return DraftSummary(
        id=r[0], title=r[1], applicant=r[2], status=r[3], errors=r[4], warnings=r[5],
        max_subsidy=_money(r[6]), requested=_money(r[7]),
        updated_at=_utc(r[8]), deleted_at=None if r[9] is None else _utc(r[9]), line_count=r[10],
    )


def quick_list_drafts(
    location: str, *, search: str | None = None, trash: bool = False
) -> list[DraftSummary] | None:
    """repository.list_drafts(search=..., trash=...) for the SQLite file at `location`, or None (see above)."""
    if "://" in location:
        return None
    file = Path(location).expanduser().absolute()
    try:
        if not file.is_file() or file.stat().st_size == 0:
            return None
        head = schema.revisions_in(schema.MIGRATIONS)[1]
        con = sqlite3.connect(file.as_uri() + "?mode=ro", uri=True, timeout=1.0, isolation_level=None)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        con.execute("BEGIN")  # one snapshot for the revision and the rows
        stored = con.execute("SELECT version_num FROM alembic_version").fetchall()
        if head is None or stored != [(head,)]:
            return None
        sql = f"SELECT {_COLUMNS} FROM drafts WHERE drafts.deleted_at IS {'NOT ' if trash else ''}NULL"
        params: tuple[str, ...] = ()
        if search:
            sql += _SEARCH
            params = (_escape_like(search),) * 2
        return [_summary(r) for r in con.execute(sql + _ORDER, params)]
    except (sqlite3.Error, _Unsure):
        return None
    finally:
        con.close()
