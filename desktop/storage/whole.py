"""Whole drafts in and out: create, load and save (lines and attachments through Core executemany)."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from desktop.domain.model import Draft
from desktop.storage import rows, tables
from desktop.storage.bulk import insert_rows
from desktop.storage.draft_files import file_sizes, link_files
from desktop.storage.records import DamagedDraft, DraftNotFound, StoredDraft, bump, conn_of, now
from desktop.storage.team import current_author

D = tables.drafts.c
L = tables.lines.c
A = tables.attachments.c


def _insert_children(conn: Connection, draft_id: int, draft: Draft) -> None:
    link_files(conn, draft_id, file_sizes(draft))  # which stored files the draft uses (kept until purged)
    if draft.equipment:
        insert_rows(conn, tables.lines, rows.LINE_INSERT_COLUMNS, rows.line_tuples(draft_id, 0, draft.equipment))
    if draft.attachments:
        values = rows.attachment_tuples(draft_id, draft.attachments)
        insert_rows(conn, tables.attachments, rows.ATTACHMENT_INSERT_COLUMNS, values)


def create_draft(session: Session, *, draft: Draft, **summary: Any) -> StoredDraft:
    """Store a new draft (version 1) and return it with its id."""
    conn = conn_of(session)
    stamp = now()
    values = {
        **rows.draft_columns(draft), **summary, "version": 1, "created_at": stamp, "updated_at": stamp,
        "line_count": len(draft.equipment), "updated_by": current_author(conn),
    }
    draft_id = int(conn.execute(insert(tables.drafts).values(values).returning(D.id)).scalar_one())
    _insert_children(conn, draft_id, draft)
    return StoredDraft(draft_id, 1, draft, stamp, stamp, None, summary.get("pack_id"), summary.get("pack_version"))


def _draft_row(conn: Connection, draft_id: int) -> Any:
    row = conn.execute(select(tables.drafts).where(D.id == draft_id)).mappings().first()
    if row is None:
        raise DraftNotFound(draft_id)
    return row


def load_draft(conn: Connection, draft_id: int) -> tuple[Any, Draft]:
    """The drafts row and the whole Draft; DamagedDraft when a stored value cannot be read."""
    try:
        return _load_draft(conn, draft_id)
    except DBAPIError as exc:
        if "decode" not in str(exc.orig).lower():  # a lock or a full disk is not this draft's damage
            raise
        column = re.search(r"column '?(\w+)", str(exc.orig))
        what = column.group(1) if column else "a text value"
        raise DamagedDraft(draft_id, f"{what} is not valid UTF-8 text") from None
    except (ValueError, TypeError, ArithmeticError, KeyError, AssertionError) as exc:
        raise DamagedDraft(draft_id, _reason(exc)) from None


def _reason(exc: Exception) -> str:
    """What a value that could not be read was, in words (the exception's own text kept short)."""
    text = str(exc)[:120]
    if isinstance(exc, json.JSONDecodeError):
        return f"a stored list is not valid JSON ({text})"
    if isinstance(exc, ArithmeticError):
        return "a stored amount or rate is not a number"
    if isinstance(exc, ValueError) and re.search(r"isoformat|date|time|year|month|day|hour|minute|second", text):
        return f"a stored date or time is not valid ({text})"
    return f"a stored value cannot be read ({type(exc).__name__}: {text})"


def _load_draft(conn: Connection, draft_id: int) -> tuple[Any, Draft]:
    row = _draft_row(conn, draft_id)
    draft = rows.draft_from_columns(row)
    line_cols = [L[c] for c in rows.LINE_COLUMNS]
    draft.equipment = rows.lines_from_rows(  # fetched at once: row by row costs psycopg a call per row
        conn.execute(select(*line_cols).where(L.draft_id == draft_id).order_by(L.position)).all()
    )
    att_cols = [A[c] for c in rows.ATTACHMENT_COLUMNS]
    draft.attachments = rows.attachments_from_rows(
        conn.execute(select(*att_cols).where(A.draft_id == draft_id).order_by(A.position))
    )
    return row, draft


def get_draft(session: Session, *, draft_id: int) -> StoredDraft:
    row, draft = load_draft(conn_of(session), draft_id)
    return StoredDraft(
        row["id"], row["version"], draft, row["created_at"], row["updated_at"], row["deleted_at"],
        row["pack_id"], row["pack_version"],
    )


def save_draft(session: Session, *, draft_id: int, draft: Draft, expected_version: int) -> int:
    """Replace the whole stored draft; the new version. ConflictError if the stored one moved on."""
    conn = conn_of(session)
    version = bump(conn, draft_id, expected_version, **rows.draft_columns(draft), line_count=len(draft.equipment))
    conn.execute(delete(tables.lines).where(L.draft_id == draft_id))
    conn.execute(delete(tables.attachments).where(A.draft_id == draft_id))
    _insert_children(conn, draft_id, draft)
    return version
