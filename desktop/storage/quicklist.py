"""The drafts list read with the standard library alone, so the drafts window can show it before
SQLAlchemy and SQLModel (a few hundred milliseconds to import) have loaded.

`quick_list_drafts` answers exactly what repository.list_drafts answers for the same database (the same
query and row reading, summary.py: a row that cannot be read is listed as damaged; a test holds the two
together), over a read-only sqlite3 connection in one read transaction. It answers None whenever it
cannot be sure: a location that is an SQLAlchemy URL or no file yet, a file that is not a drafts
database at the schema this program ships, any SQLite error. It checks nothing and changes
nothing: the caller opens the database fully (database.open_database: integrity check, schema check
or upgrade, daily backup) right after showing the list, and lists again from there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.storage import schema
from desktop.storage.summary import DraftSummary, summary_from_raw, summary_query


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
        sql, params = summary_query(search=search, trash=trash)
        return [summary_from_raw(r) for r in con.execute(sql, params)]
    except sqlite3.Error:
        return None
    finally:
        con.close()
