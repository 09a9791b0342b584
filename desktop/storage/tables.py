"""The database tables (SQLModel), one place for every column.

Layout:
- `drafts`: one row per draft, with the applicant and project fields as plain columns (each field of
  the form is a one-row UPDATE), the version counter, the rule pack the draft was last checked against
  (id and version, pinned) and the cached figures of the drafts list.
- `equipment_lines`: one row per line, `position` 0..n-1 dense within a draft (the line's index).
- `attachments`: one row per attachment, `position` likewise.
- `revisions`: JSON snapshots of a draft in the exchange format (grant-draft/1 or /2), with time and reason.
- `draft_files`: which draft uses which file of the program's file store (by SHA-256): the store keeps
  a file as long as one draft uses it.

A line's evidence (grant-draft/2) sits in its row: the contract and the single values as columns, the
invoices, payments and files as JSON arrays in the exchange format's own form (NULL when empty), so a
line without evidence costs nothing more than before and a changed list is one UPDATE of one row.

Exact values. Money is integer fen (分) in `*_fen`. A draft in progress may hold a price that fen cannot
say exactly (1.005, or 1250000 written without decimals, or a number too large for 64 bits); then the
decimal as written goes in the matching `*_text` column as well, and it wins when reading. So values
round-trip losslessly, and for the usual two-decimal price the text column stays NULL. Exchange rates
(not money, any precision) are decimal text. Dates are ISO `YYYY-MM-DD` text, times are UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Our own metadata: Alembic compares against exactly these tables and nothing else.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime, stored naive in UTC (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use datetime.now(UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(SQLModel):
    metadata = metadata


def _when(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable))


def _big(nullable: bool = True) -> Any:
    """A 64-bit integer (money in fen, quantities, sizes): SQLite's INTEGER, PostgreSQL's BIGINT."""
    return Field(default=None, sa_column=Column(Integer().with_variant(BigInteger(), "postgresql"), nullable=nullable))


def _parent() -> Any:
    return Field(sa_column=Column(Integer, ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False))


class DraftRow(Base, table=True):
    __tablename__ = "drafts"

    id: int | None = Field(default=None, primary_key=True)
    version: int = 1
    created_at: datetime = _when()
    updated_at: datetime = _when()
    deleted_at: datetime | None = _when(nullable=True)
    program: str
    notice: str | None = None  # the application notice the draft answers (grant-draft/2; r0005)
    # the company record the draft follows while it is a draft (r0005; companies.py). No foreign key (see
    # the migration): deleting a company clears it.
    company_id: int | None = None
    # where the application is (app_status.py): draft, submitted, entered, approved, rejected; the day it
    # got there, the amount granted (fen) and the user's note
    app_state: str = "draft"
    app_state_on: str | None = None
    granted_fen: int | None = None
    app_note: str | None = None
    title: str | None = None
    # applicant
    applicant_name: str | None = None
    applicant_credit_code: str | None = None
    applicant_city: str | None = None
    applicant_address: str | None = None
    applicant_legal_representative: str | None = None
    applicant_contact_name: str | None = None
    applicant_contact_phone: str | None = None
    applicant_contact_email: str | None = None
    applicant_center_level: str | None = None
    applicant_center_name: str | None = None
    applicant_center_approved_on: str | None = None
    # project
    project_title: str | None = None
    project_category: str | None = None
    project_summary: str | None = None
    project_start_date: str | None = None
    project_end_date: str | None = None
    project_requested_subsidy_fen: int | None = _big()
    project_requested_subsidy_text: str | None = None
    # the exchange-format version the draft was read as (2 once it holds evidence; see domain/evidence.py)
    format_version: int = 1
    # the facts of the application's parts (grant-draft/2), each as JSON text (NULL when empty)
    company_facts: str | None = None
    project_facts: str | None = None
    # lines held (kept by every change that adds or removes lines)
    line_count: int = 0
    # the pinned rule pack and the cached figures of the drafts list (update_summary)
    pack_id: str | None = None
    pack_version: str | None = None
    status: str = "unchecked"
    errors: int | None = None
    warnings: int | None = None
    max_subsidy_fen: int | None = _big()
    requested_fen: int | None = _big()
    # who did what (team.py): who changed it last, the review step ("review" or "approved"), by whom, when
    updated_by: str | None = None
    review_state: str | None = None
    review_by: str | None = None
    review_at: datetime | None = _when(nullable=True)


class CompanyRow(Base, table=True):
    """A company kept once (companies.py): its identity as columns, its facts (the exchange format's
    company_facts) and standing documents as JSON text."""

    __tablename__ = "companies"

    id: int | None = Field(default=None, primary_key=True)
    version: int = 1
    created_at: datetime = _when()
    updated_at: datetime = _when()
    name: str
    credit_code: str | None = None
    city: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    facts: str | None = None  # JSON object: CompanyFacts in the exchange format
    documents: str = "[]"  # JSON array of {kind, name, number, valid_from, valid_until}


class AppEventRow(Base, table=True):
    """Each move of an application (submitted, reopened, entered, approved, rejected), kept for ever."""

    __tablename__ = "application_events"
    __table_args__ = (Index("ix_application_events_draft_id", "draft_id"),)

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(sa_column=Column(Integer, ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False))
    at: datetime = _when()
    state: str
    on_date: str | None = None
    granted_fen: int | None = None
    note: str | None = None
    revision_id: int | None = None  # the revision kept when the draft was submitted


class LineRow(Base, table=True):
    __tablename__ = "equipment_lines"
    __table_args__ = (Index("ix_equipment_lines_draft_position", "draft_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = _parent()
    position: int
    name: str | None = None
    model: str | None = None
    supplier: str | None = None
    kind: str | None = None
    use: str | None = None
    condition: str | None = None
    quantity: int | None = _big()
    unit_price_fen: int | None = _big()
    unit_price_text: str | None = None
    currency: str | None = None
    exchange_rate: str | None = None
    purchase_date: str | None = None
    invoice_number: str | None = None
    # evidence (grant-draft/2)
    contract_number: str | None = None
    contract_date: str | None = None
    invoices: str | None = None  # JSON array of {number, date, amount}
    payments: str | None = None  # JSON array of {date, amount, method}
    acceptance_date: str | None = None
    asset_tag: str | None = None
    location: str | None = None
    imported: bool | None = None
    customs_declaration: str | None = None
    files: str | None = None  # JSON array of {kind, sha256, name, size}


class AttachmentRow(Base, table=True):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_draft_position", "draft_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = _parent()
    position: int
    kind: str | None = None
    name: str | None = None
    sha256: str | None = None
    size: int | None = _big()
    path: str | None = None
    lines: str = "[]"  # JSON array of line indexes


class RevisionRow(Base, table=True):
    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_draft_id", "draft_id"),)

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = _parent()
    created_at: datetime = _when()
    reason: str
    label: str | None = None
    version: int
    snapshot: str  # the draft in the exchange format (grant-draft/1), UTF-8 JSON text
    author: str | None = None  # who kept it (team.current_author)


class DraftFileRow(Base, table=True):
    __tablename__ = "draft_files"
    __table_args__ = (Index("ix_draft_files_sha256", "sha256"),)

    draft_id: int = Field(
        sa_column=Column(Integer, ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    )
    sha256: str = Field(primary_key=True)
    size: int = Field(sa_column=Column(Integer().with_variant(BigInteger(), "postgresql"), nullable=False))


class FileBlobRow(Base, table=True):
    """A whole evidence file kept in a team database (r0006; file_blobs.py): written last, after all its
    chunks, so a row here means the bytes are all there. Used on PostgreSQL; empty on SQLite, whose files
    stay in the store beside the database file."""

    __tablename__ = "file_blobs"

    sha256: str = Field(primary_key=True)
    size: int = _big(nullable=False)
    chunks: int
    stored_at: datetime = _when()


class FileChunkRow(Base, table=True):
    """One piece of an evidence file's bytes, in order (`seq` from 0), at most file_blobs.CHUNK bytes."""

    __tablename__ = "file_chunks"

    sha256: str = Field(primary_key=True)
    seq: int = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary(), nullable=False))


class LeaseRow(Base, table=True):
    """Who has a draft open for editing, until when (renewed while the editor is open; an editor that dies
    stops renewing and its lease runs out)."""

    __tablename__ = "draft_leases"

    draft_id: int = Field(
        sa_column=Column(Integer, ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    )
    holder: str
    token: str
    since: datetime = _when()
    expires_at: datetime = _when()


drafts = DraftRow.__table__  # type: ignore[attr-defined]
lines = LineRow.__table__  # type: ignore[attr-defined]
attachments = AttachmentRow.__table__  # type: ignore[attr-defined]
revisions = RevisionRow.__table__  # type: ignore[attr-defined]
draft_files = DraftFileRow.__table__  # type: ignore[attr-defined]
leases = LeaseRow.__table__  # type: ignore[attr-defined]
file_blobs = FileBlobRow.__table__  # type: ignore[attr-defined]
file_chunks = FileChunkRow.__table__  # type: ignore[attr-defined]
companies = CompanyRow.__table__  # type: ignore[attr-defined]
application_events = AppEventRow.__table__  # type: ignore[attr-defined]
