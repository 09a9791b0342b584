"""One row of the drafts list, as the repository hands it out, and how it is read from SQLite without
SQLAlchemy (so the list can also be read before it is loaded: see quicklist.py). repository.list_drafts
and quicklist.quick_list_drafts run the same query through `summary_query` and read each row with
`summary_from_raw`, so they answer the same.

One bad row never hides the others: every value is fetched raw (text as bytes, with its SQLite type)
and checked here, and a row that cannot be read becomes a summary with `damaged` saying why (its id
kept, the other fields empty) instead of an exception for the whole list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class DraftSummary:
    id: int
    title: str | None
    applicant: str | None
    status: str
    errors: int | None
    warnings: int | None
    max_subsidy: Decimal | None
    requested: Decimal | None
    updated_at: datetime | None  # None only for a damaged row
    deleted_at: datetime | None
    line_count: int
    damaged: str | None = None  # why the row cannot be read (None: a healthy row)
    notice: str | None = None  # the application notice (its deadline is the notices' business)
    company_id: int | None = None
    app_state: str = "draft"  # app_status.STATES
    granted: Decimal | None = None
    company: str | None = None  # the linked company's name


DAMAGED_STATUS = "damaged"

COLUMNS = (
    "id", "title", "applicant_name", "status", "errors", "warnings", "max_subsidy_fen", "requested_fen",
    "updated_at", "deleted_at", "line_count", "notice", "company_id", "app_state", "granted_fen",
)
# repository.list_drafts's filter as SQLAlchemy rendered it for SQLite (icontains with autoescape: "/"
# escapes "/", "%" and "_" in the search text).
_SEARCH = (
    " AND ((lower(drafts.title) LIKE '%' || lower(?) || '%' ESCAPE '/')"
    " OR (lower(drafts.applicant_name) LIKE '%' || lower(?) || '%' ESCAPE '/'))"
)
_ORDER = " ORDER BY drafts.updated_at DESC, drafts.id DESC"


def raw_column(name: str, table: str = "drafts") -> str:
    """A column's SQLite type and its value, text as bytes (so text that is not UTF-8 reaches Python)."""
    c = f'{table}."{name}"'
    return f"typeof({c}), CASE WHEN typeof({c}) = 'text' THEN CAST({c} AS BLOB) ELSE {c} END"


def _escape_like(text: str) -> str:
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def summary_query(
    *, search: str | None = None, status: str | None = None, trash: bool = False, draft_id: int | None = None
) -> tuple[str, tuple[Any, ...]]:
    """The SQL (qmark parameters) selecting the raw columns of the drafts list, or of one draft."""
    sql = (
        f"SELECT {', '.join(raw_column(c) for c in COLUMNS)}, {raw_column('name', 'companies')} FROM drafts"
        " LEFT JOIN companies ON companies.id = drafts.company_id"
    )
    params: tuple[Any, ...] = ()
    if draft_id is not None:
        return sql + " WHERE drafts.id = ?", (draft_id,)
    sql += f" WHERE drafts.deleted_at IS {'NOT ' if trash else ''}NULL"
    if search:
        sql += _SEARCH
        params = (_escape_like(search),) * 2
    if status:
        sql += " AND drafts.status = ?"
        params += (status,)
    return sql + _ORDER, params


class _Bad(Exception):
    pass


def _text(kind: str, value: Any, column: str, nullable: bool = True) -> str | None:
    if kind == "null" and nullable:
        return None
    if kind != "text" or not isinstance(value, bytes):
        raise _Bad(f"{column} holds {kind}, not text")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise _Bad(f"{column} is not valid UTF-8 text") from None


def _int(kind: str, value: Any, column: str, nullable: bool = True) -> int | None:
    if kind == "null" and nullable:
        return None
    if kind != "integer" or not isinstance(value, int):
        raise _Bad(f"{column} holds {kind}, not a whole number")
    return value


def _time(kind: str, value: Any, column: str, nullable: bool = True) -> datetime | None:
    """As tables.UTCDateTime reads it: SQLite's DATETIME text, read as UTC."""
    text = _text(kind, value, column, nullable)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=UTC)
    except ValueError:
        raise _Bad(f"{column} is not a time ({text[:40]!r})") from None


def _money(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen).scaleb(-2)


# how each column is read, in COLUMNS order after the id (a row's first problem is the one named), then
# the linked company's name: (reader, column, nullable)
_READ = (
    (_text, "title", True), (_text, "applicant_name", True), (_text, "status", False), (_int, "errors", True),
    (_int, "warnings", True), (_int, "max_subsidy_fen", True), (_int, "requested_fen", True),
    (_time, "updated_at", False), (_time, "deleted_at", True), (_int, "line_count", False),
    (_text, "notice", True), (_int, "company_id", True), (_text, "app_state", False), (_int, "granted_fen", True),
    (_text, "companies.name", True),
)
_AT = tuple(range(2, 2 * len(_READ) + 2, 2))  # where each (type, value) pair of _READ starts in a row


def summary_from_raw(r: Sequence[Any]) -> DraftSummary:
    """A DraftSummary from the (type, value) pairs `summary_query` selects; never raises: a row that
    cannot be read is a damaged summary."""
    draft_id = r[1]
    try:
        values: list[Any] = [read(r[i], r[i + 1], column, nullable)
                             for i, (read, column, nullable) in zip(_AT, _READ, strict=True)]
        (title, applicant, status, errors, warnings, max_subsidy, requested, updated_at, deleted_at, line_count,
         notice, company_id, app_state, granted, company) = values
        return DraftSummary(
            id=draft_id, title=title, applicant=applicant, status=status or "", errors=errors, warnings=warnings,
            max_subsidy=_money(max_subsidy), requested=_money(requested), updated_at=updated_at,
            deleted_at=deleted_at, line_count=line_count or 0, notice=notice, company_id=company_id,
            app_state=app_state or "draft", granted=_money(granted), company=company,
        )
    except _Bad as exc:
        return DraftSummary(
            id=draft_id, title=None, applicant=None, status=DAMAGED_STATUS, errors=None, warnings=None,
            max_subsidy=None, requested=None, updated_at=None, deleted_at=None, line_count=0, damaged=str(exc),
        )
