"""One change applied to the stored draft in place: only the rows it concerns.

A changed cell is one UPDATE of one line row; inserting lines shifts the later positions with one
UPDATE and inserts the new rows; removing, restoring and moving lines renumber only the positions
between the first and last line concerned. Each call also bumps the draft's version (the first
statement, so a stale version is refused before anything is written).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, select, update
from sqlmodel import Session

from desktop.domain.changes import (
    Change,
    InsertLines,
    LineOrderChange,
    MoveLines,
    RemoveLines,
    ReplaceLine,
    RestoreLines,
    SetAttachments,
    SetValue,
    relinked,
)
from desktop.domain.fieldpath import FieldPath, line_text
from desktop.domain.model import EquipmentLine
from desktop.storage import rows, tables
from desktop.storage.bulk import insert_rows
from desktop.storage.draft_files import change_file_sizes, link_files
from desktop.storage.records import DraftNotFound, bump, conn_of

L = tables.lines.c
A = tables.attachments.c
D = tables.drafts.c


class DraftInTrash(DraftNotFound):
    """The draft was moved to the trash (by another window or program) while it was being edited."""

    def __init__(self, draft_id: int) -> None:
        super().__init__(draft_id)
        self.args = (f"draft {draft_id} is in the trash",)


def _one_row(conn: Connection, statement: object, what: str) -> None:
    result = conn.execute(statement)  # type: ignore[call-overload]
    if result.rowcount != 1:
        raise IndexError(f"{what}: no such row in the stored draft")


def _set_value(conn: Connection, draft_id: int, change: SetValue) -> None:
    where, index, name = rows.parse_path(change.path)
    if where == "draft":
        column, kind = rows.DRAFT_FIELDS[name]
        values = rows.field_columns(column, kind, change.value)
        conn.execute(update(tables.drafts).where(D.id == draft_id).values(values))
    elif where == "facts":  # the facts of the application's parts: one JSON column, rewritten
        column = FieldPath.parse(name).head
        stored = conn.execute(select(D[column]).where(D.id == draft_id)).scalar()
        column, text = rows.facts_after(stored, name, change.value)
        conn.execute(update(tables.drafts).where(D.id == draft_id).values({column: text}))
    elif where == "equipment":
        values = rows.line_field_columns(name, change.value)
        stmt = update(tables.lines).where(L.draft_id == draft_id, L.position == index).values(values)
        _one_row(conn, stmt, change.path)
    else:
        value = rows.scalar_out(rows.ATTACHMENT_KINDS[name], change.value)
        stmt = update(tables.attachments).where(A.draft_id == draft_id, A.position == index).values({name: value})
        _one_row(conn, stmt, change.path)


def _shift(conn: Connection, draft_id: int, low: int, high: int | None, by: int) -> None:
    """Add `by` to the positions in [low, high) (high None: to the end)."""
    if by == 0 or (high is not None and high <= low):
        return
    cond = [L.draft_id == draft_id, L.position >= low]
    if high is not None:
        cond.append(L.position < high)
    conn.execute(update(tables.lines).where(*cond).values(position=L.position + by))


def _count(conn: Connection, draft_id: int, by: int) -> None:
    conn.execute(update(tables.drafts).where(D.id == draft_id).values(line_count=D.line_count + by))


def _line_count(conn: Connection, draft_id: int) -> int:
    return int(conn.execute(select(D.line_count).where(D.id == draft_id)).scalar_one())


def _insert_at(conn: Connection, draft_id: int, items: list[tuple[int, EquipmentLine]]) -> None:
    """Put lines at their final indexes (ascending): the lines between two of them move up together."""
    targets = [i for i, _ in items]
    if targets != sorted(set(targets)) or targets[0] < 0 or targets[-1] >= _line_count(conn, draft_id) + len(items):
        raise IndexError(f"lines {targets}: cannot be placed in the stored draft")
    # The old line at position p ends up at p + m + 1 when targets[m] - m <= p < targets[m+1] - m - 1.
    thresholds = [t - m for m, t in enumerate(targets)]
    for m in range(len(thresholds) - 1, -1, -1):  # from the top down, so no range is moved twice
        high = thresholds[m + 1] if m + 1 < len(thresholds) else None
        _shift(conn, draft_id, thresholds[m], high, m + 1)
    values = [rows.line_tuples(draft_id, position, [line])[0] for position, line in items]
    insert_rows(conn, tables.lines, rows.LINE_INSERT_COLUMNS, values)
    _count(conn, draft_id, len(items))


def _remove(conn: Connection, draft_id: int, indexes: tuple[int, ...]) -> None:
    gone = sorted(set(indexes))
    result = conn.execute(delete(tables.lines).where(L.draft_id == draft_id, L.position.in_(gone)))
    if result.rowcount != len(gone):
        raise IndexError(f"lines {gone}: not all of them are in the stored draft")
    for j, low in enumerate(gone):  # from the bottom up: the lines between two removed ones move down together
        high = gone[j + 1] if j + 1 < len(gone) else None
        _shift(conn, draft_id, low + 1, high, -(j + 1))
    _count(conn, draft_id, -len(gone))


def _move(conn: Connection, draft_id: int, change: MoveLines) -> None:
    start, count, dest = change.start, change.count, change.dest
    if count <= 0 or start == dest:
        return
    if min(start, dest) < 0 or max(start, dest) + count > _line_count(conn, draft_id):
        raise IndexError(f"moving lines {start}..{start + count - 1} to {dest}: outside the stored draft")
    # Park the block at negative positions, close the gap, then put the block at its destination.
    block = update(tables.lines).where(
        L.draft_id == draft_id, L.position >= start, L.position < start + count
    ).values(position=-1 - (L.position - start))
    if conn.execute(block).rowcount != count:
        raise IndexError(f"lines {start}..{start + count - 1}: not all of them are in the stored draft")
    if dest < start:
        _shift(conn, draft_id, dest, start, count)
    else:
        _shift(conn, draft_id, start + count, dest + count, -count)
    conn.execute(
        update(tables.lines).where(L.draft_id == draft_id, L.position < 0).values(position=dest - 1 - L.position)
    )


def _set_attachments(conn: Connection, draft_id: int, change: SetAttachments) -> None:
    conn.execute(delete(tables.attachments).where(A.draft_id == draft_id))
    if change.attachments:
        values = rows.attachment_tuples(draft_id, change.attachments)
        insert_rows(conn, tables.attachments, rows.ATTACHMENT_INSERT_COLUMNS, values)


def _relink(conn: Connection, draft_id: int, change: LineOrderChange) -> None:
    """The attachments follow their lines (desktop.domain.changes.relink, on the stored rows)."""
    found = conn.execute(
        select(A.id, A.lines).where(A.draft_id == draft_id).order_by(A.position)
    ).all()
    saved = change.links if isinstance(change, RestoreLines) else None
    usable = saved is not None and len(saved) == len(found)
    for k, (row_id, text) in enumerate(found):
        links = json.loads(text or "[]")
        if not links and not usable:
            continue
        new = relinked(links, change, saved[k] if usable and saved else None)
        if new != links:
            conn.execute(update(tables.attachments).where(A.id == row_id).values(lines=json.dumps(new)))


def apply_change(
    session: Session, *, draft_id: int, change: Change, expected_version: int, live_only: bool = False
) -> int:
    """Apply one change to the stored draft; the new version. ConflictError if the stored version is not
    `expected_version`; DraftNotFound if there is no such draft (deleted for good), and with `live_only`
    DraftInTrash if it is in the trash; KeyError / IndexError (nothing written once the session rolls back)
    if the change does not fit the stored draft."""
    conn = conn_of(session)
    version = bump(conn, draft_id, expected_version)
    if live_only and conn.execute(select(D.deleted_at).where(D.id == draft_id)).scalar() is not None:
        raise DraftInTrash(draft_id)  # checked after the bump took the write lock; rolled back with it
    if isinstance(change, SetValue):
        _set_value(conn, draft_id, change)
    elif isinstance(change, InsertLines):
        if change.lines:
            _insert_at(conn, draft_id, [(change.index + k, line) for k, line in enumerate(change.lines)])
    elif isinstance(change, RestoreLines):
        if change.items:
            _insert_at(conn, draft_id, sorted(change.items, key=lambda item: item[0]))
    elif isinstance(change, RemoveLines):
        if change.indexes:
            _remove(conn, draft_id, change.indexes)
    elif isinstance(change, ReplaceLine):
        stmt = update(tables.lines).where(L.draft_id == draft_id, L.position == change.index)
        _one_row(conn, stmt.values(rows.line_values(change.line)), line_text(change.index))
    elif isinstance(change, MoveLines):
        _move(conn, draft_id, change)
    elif isinstance(change, SetAttachments):
        _set_attachments(conn, draft_id, change)
    else:
        raise TypeError(f"not a draft change: {change!r}")
    if isinstance(change, InsertLines | RemoveLines | RestoreLines | MoveLines):
        _relink(conn, draft_id, change)
    link_files(conn, draft_id, change_file_sizes(change))  # the files it brings in (evidence)
    return version
