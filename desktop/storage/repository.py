"""Repository functions: keyword-only, each taking a session and working inside its transaction.

The caller owns the transaction (`Database.session()` commits on success, rolls back on error), so a
function that raises leaves nothing behind once the session rolls back. Equipment lines and attachments
go in and out through SQLAlchemy Core (executemany), never one ORM object per line. Times are UTC.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, select, update
from sqlmodel import Session

from desktop.domain.money import to_fen
from desktop.storage import rows, tables
from desktop.storage.edits import apply_change
from desktop.storage.records import (
    ConflictError,
    DamagedDraft,
    DraftNotFound,
    DraftSummary,
    FieldDiff,
    NotInTrash,
    RevisionInfo,
    RevisionNotFound,
    StoredDraft,
    conn_of,
    now,
)
from desktop.storage.revisions import diff_revisions, list_revisions, restore_revision, snapshot
from desktop.storage.summary import summary_from_raw, summary_query
from desktop.storage.whole import create_draft, get_draft, load_draft, save_draft

__all__ = [
    "ConflictError", "DamagedDraft", "DraftNotFound", "DraftSummary", "FieldDiff", "NotInTrash", "RevisionInfo",
    "RevisionNotFound", "StoredDraft", "apply_change", "create_draft", "delete_draft", "diff_revisions",
    "draft_summary", "duplicate_draft", "get_draft", "is_damaged", "list_drafts", "list_revisions", "purge_draft",
    "restore_draft", "restore_revision", "save_draft", "snapshot", "update_summary",
]

D = tables.drafts.c
L = tables.lines.c
A = tables.attachments.c


def list_drafts(
    session: Session, *, search: str | None = None, status: str | None = None, trash: bool = False
) -> list[DraftSummary]:
    """The drafts (or those in the trash), most recently changed first. `search` matches the title
    and the applicant's name, ignoring case. A row that cannot be read is listed as damaged (its
    `damaged` says why) and never hides the others (summary.py)."""
    conn = conn_of(session)
    if conn.dialect.name == "sqlite":
        sql, params = summary_query(search=search, status=status, trash=trash)
        return [summary_from_raw(r) for r in conn.exec_driver_sql(sql, params)]
    query = select(tables.drafts).where(D.deleted_at.is_not(None) if trash else D.deleted_at.is_(None))
    if search:
        query = query.where(
            D.title.icontains(search, autoescape=True) | D.applicant_name.icontains(search, autoescape=True)
        )
    if status:
        query = query.where(D.status == status)
    query = query.order_by(D.updated_at.desc(), D.id.desc())
    return [
        DraftSummary(
            id=r["id"], title=r["title"], applicant=r["applicant_name"], status=r["status"],
            errors=r["errors"], warnings=r["warnings"],
            max_subsidy=rows.money_value(r["max_subsidy_fen"], None),
            requested=rows.money_value(r["requested_fen"], None),
            updated_at=r["updated_at"], deleted_at=r["deleted_at"], line_count=r["line_count"],
            notice=r["notice"], company_id=r["company_id"], app_state=r["app_state"],
            granted=rows.money_value(r["granted_fen"], None),
        )
        for r in conn.execute(query).mappings()
    ]


def draft_summary(session: Session, *, draft_id: int) -> DraftSummary:
    """One draft's row of the list (damaged or not, in the trash or not); DraftNotFound if there is none."""
    conn = conn_of(session)
    if conn.dialect.name == "sqlite":
        sql, params = summary_query(draft_id=draft_id)
        found = conn.exec_driver_sql(sql, params).first()
        if found is None:
            raise DraftNotFound(draft_id)
        return summary_from_raw(found)
    trash = conn.execute(select(D.deleted_at).where(D.id == draft_id)).scalar() is not None
    for summary in list_drafts(session, trash=trash):
        if summary.id == draft_id:
            return summary
    raise DraftNotFound(draft_id)


def _summary_fen(value: Decimal) -> int | None:
    """The figure in fen for the list; None (shown as unknown) when SQLite's 64 bits cannot hold it."""
    fen = to_fen(value)
    return fen if abs(fen) < 2**63 else None


def update_summary(
    session: Session, *, draft_id: int, status: str, errors: int, warnings: int, max_subsidy: Decimal,
    requested: Decimal, pack_id: str, pack_version: str,
) -> None:
    """Cache the checker's figures for the drafts list and pin the pack (the version is not bumped)."""
    result = conn_of(session).execute(
        update(tables.drafts).where(D.id == draft_id).values(
            status=status, errors=errors, warnings=warnings, max_subsidy_fen=_summary_fen(max_subsidy),
            requested_fen=_summary_fen(requested), pack_id=pack_id, pack_version=pack_version,
        )
    )
    if result.rowcount != 1:
        raise DraftNotFound(draft_id)


_SUMMARY = ("pack_id", "pack_version", "status", "errors", "warnings", "max_subsidy_fen", "requested_fen")


def duplicate_draft(session: Session, *, draft_id: int, title: str | None = None) -> StoredDraft:
    """A new draft with the same content (a template); `title` replaces the title when given."""
    row, draft = load_draft(conn_of(session), draft_id)
    if title is not None:
        draft.title = title
    return create_draft(session, draft=draft, **{k: row[k] for k in _SUMMARY})


def _set_deleted(session: Session, draft_id: int, deleted: bool) -> None:
    result = conn_of(session).execute(
        update(tables.drafts).where(D.id == draft_id).values(deleted_at=now() if deleted else None)
    )
    if result.rowcount != 1:
        raise DraftNotFound(draft_id)


def delete_draft(session: Session, *, draft_id: int) -> None:
    """Move a draft to the trash (it keeps everything; restore_draft brings it back)."""
    _set_deleted(session, draft_id, True)


def restore_draft(session: Session, *, draft_id: int) -> None:
    """Take a draft out of the trash."""
    _set_deleted(session, draft_id, False)


def purge_draft(session: Session, *, draft_id: int) -> None:
    """Delete a draft in the trash for good, with its lines, attachments and revisions. A damaged draft
    (one that cannot be read: it could never be opened again) may be purged without the trash."""
    conn = conn_of(session)
    in_trash = conn.execute(select(D.deleted_at.is_not(None)).where(D.id == draft_id)).scalar()
    if in_trash is None:
        raise DraftNotFound(draft_id)
    if not in_trash and not is_damaged(session, draft_id=draft_id):
        raise NotInTrash(draft_id)
    for table in (tables.lines, tables.attachments, tables.revisions, tables.draft_files, tables.leases):
        conn.execute(delete(table).where(table.c.draft_id == draft_id))
    conn.execute(delete(tables.drafts).where(D.id == draft_id))


def is_damaged(session: Session, *, draft_id: int) -> bool:
    """Whether the stored draft cannot be read (its list row or the draft itself)."""
    if draft_summary(session, draft_id=draft_id).damaged:
        return True
    try:
        load_draft(conn_of(session), draft_id)
    except DamagedDraft:
        return True
    return False
