"""A damaged draft's stored values, raw: every column of its drafts row, its lines, attachments and
revisions as JSON, with text that is not UTF-8 and binary values shown safely, so what can be saved of
it can be read by a person (or a support engineer) even when the program cannot read the draft."""

from __future__ import annotations

import json
import math
from typing import Any

from sqlalchemy import Connection
from sqlmodel import Session

from desktop.storage.records import DraftNotFound, conn_of
from desktop.storage.summary import raw_column

RAW_FORMAT = "grant-draft-raw/1"
_CHILDREN = (("equipment_lines", "lines"), ("attachments", "attachments"), ("revisions", "revisions"))


def safe_value(kind: str, value: Any) -> Any:
    """A stored value as JSON can hold it: text that is not UTF-8 as {"invalid_utf8": the text with the
    bad bytes escaped, "hex": the bytes}; a binary value as {"blob_hex": ...}; an odd real as text."""
    if kind == "text" and isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return {"invalid_utf8": value.decode("utf-8", "backslashreplace"), "hex": value.hex()}
    if isinstance(value, bytes):
        return {"blob_hex": value.hex()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"real": repr(value)}
    return value


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]


def _raw_rows(conn: Connection, table: str, where: str, draft_id: int) -> list[dict[str, Any]]:
    names = _columns(conn, table)
    sql = f'SELECT {", ".join(raw_column(n, table) for n in names)} FROM "{table}" WHERE {where} = ?'
    out = []
    for r in conn.exec_driver_sql(sql + " ORDER BY rowid", (draft_id,)):
        out.append({n: safe_value(r[2 * i], r[2 * i + 1]) for i, n in enumerate(names)})
    return out


def raw_draft(session: Session, *, draft_id: int) -> dict[str, Any]:
    """Everything stored for one draft, raw (see above); DraftNotFound if there is no such draft."""
    conn = conn_of(session)
    found = _raw_rows(conn, "drafts", "id", draft_id)
    if not found:
        raise DraftNotFound(draft_id)
    out: dict[str, Any] = {"format": RAW_FORMAT, "draft_id": draft_id, "draft": found[0]}
    for table, key in _CHILDREN:
        out[key] = _raw_rows(conn, table, "draft_id", draft_id)
    return out


def raw_draft_json(session: Session, *, draft_id: int) -> bytes:
    return (json.dumps(raw_draft(session, draft_id=draft_id), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
