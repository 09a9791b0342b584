"""Which draft uses which file of the file store (the `draft_files` table), and which files are in use."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import Connection, delete, select
from sqlmodel import Session

from desktop.domain.changes import InsertLines, ReplaceLine, RestoreLines, SetAttachments, SetValue
from desktop.domain.evidence import draft_file_hashes
from desktop.domain.model import Draft, EquipmentLine
from desktop.storage import tables
from desktop.storage.bulk import insert_rows
from desktop.storage.records import as_bytes, conn_of

F = tables.draft_files.c


def file_sizes(draft: Draft) -> dict[str, int]:
    """sha256 -> size of every file the draft refers to (size 0 when the draft does not say)."""
    sizes = dict.fromkeys(draft_file_hashes(draft), 0)
    for a in draft.attachments:
        if a.sha256 and a.size:
            sizes[a.sha256] = a.size
    for line in draft.equipment:
        for f in line.files:
            if f.sha256 and f.size:
                sizes[f.sha256] = f.size
    return sizes


def link_files(conn: Connection, draft_id: int, files: Mapping[str, int]) -> None:
    """The draft uses `files` (sha256 -> size) from now on. Links are only added: a file the draft
    stops using stays linked (an undo, an older revision may bring it back) until the draft is purged."""
    if not files:
        return
    known = set(conn.execute(select(F.sha256).where(F.draft_id == draft_id, F.sha256.in_(list(files)))).scalars())
    insert_rows(conn, tables.draft_files, ("draft_id", "sha256", "size"),
                [(draft_id, d, size) for d, size in sorted(files.items()) if d not in known])


def change_file_sizes(change: object) -> dict[str, int]:
    """sha256 -> size of the files a change to a stored draft brings in (empty for most changes)."""
    holder = Draft()
    if isinstance(change, SetValue) and change.path.endswith(".files") and isinstance(change.value, list):
        holder.equipment = [EquipmentLine(files=list(change.value))]
    elif isinstance(change, InsertLines | ReplaceLine):
        holder.equipment = list(change.lines) if isinstance(change, InsertLines) else [change.line]
    elif isinstance(change, RestoreLines):
        holder.equipment = [line for _, line in change.items]
    elif isinstance(change, SetAttachments):
        holder.attachments = list(change.attachments)
    else:
        return {}
    return file_sizes(holder)


def unlink_draft(conn: Connection, draft_id: int) -> None:
    conn.execute(delete(tables.draft_files).where(F.draft_id == draft_id))


def files_of(session: Session, *, draft_id: int) -> dict[str, int]:
    rows = conn_of(session).execute(select(F.sha256, F.size).where(F.draft_id == draft_id))
    return {str(digest): int(size) for digest, size in rows}


def files_in_use(session: Session) -> set[str]:
    """Every digest a stored draft (in the trash too) refers to: the table, and to be safe the drafts'
    attachments and lines themselves (read as bytes: a damaged draft keeps what can be read of it)."""
    conn = conn_of(session)
    used = {d for (d,) in conn.execute(select(F.sha256))}
    for (raw,) in conn.execute(select(as_bytes(tables.attachments.c.sha256))):
        if raw:
            used.add(bytes(raw).decode("utf-8", errors="replace"))
    files = tables.lines.c.files
    for (raw,) in conn.execute(select(as_bytes(files)).where(files.is_not(None))):
        try:
            items = json.loads(bytes(raw).decode("utf-8", errors="replace"))
        except ValueError:
            continue
        if isinstance(items, list):
            used.update(i["sha256"] for i in items if isinstance(i, dict) and isinstance(i.get("sha256"), str))
    return used
