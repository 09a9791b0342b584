"""What the repository hands out (records, errors) and the small steps every function shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, LargeBinary, select, update
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session

from desktop.domain.model import Draft
from desktop.storage import tables
from desktop.storage.summary import DraftSummary as DraftSummary  # defined without SQLAlchemy; re-exported


class DraftNotFound(LookupError):
    def __init__(self, draft_id: int) -> None:
        super().__init__(f"no draft with id {draft_id}")
        self.draft_id = draft_id


class DamagedDraft(Exception):
    """A stored draft whose values cannot be read (text that is not UTF-8, a garbled time, date, number
    or JSON value). The other drafts are not affected; damaged.raw_draft gives its raw values."""

    def __init__(self, draft_id: int, reason: str) -> None:
        super().__init__(
            f"draft {draft_id} is damaged and cannot be read ({reason}); its raw stored values can be exported "
            "(drafts export) and it can be deleted for good (drafts purge)"
        )
        self.draft_id = draft_id
        self.reason = reason


class RevisionNotFound(LookupError):
    def __init__(self, revision_id: int) -> None:
        super().__init__(f"no revision with id {revision_id}")
        self.revision_id = revision_id


class ConflictError(Exception):
    """The stored draft changed since it was read (another window or process saved it)."""

    def __init__(self, current_version: int, expected_version: int | None = None) -> None:
        super().__init__(
            f"the draft was changed elsewhere (stored version {current_version}, "
            f"this edit was based on version {expected_version})"
        )
        self.current_version = current_version
        self.expected_version = expected_version


class NotInTrash(Exception):
    """Purging is only for drafts already in the trash."""

    def __init__(self, draft_id: int) -> None:
        super().__init__(f"draft {draft_id} is not in the trash; delete it first")
        self.draft_id = draft_id


@dataclass
class StoredDraft:
    id: int
    version: int
    draft: Draft
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    pack_id: str | None = None
    pack_version: str | None = None


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    draft_id: int
    created_at: datetime
    reason: str
    label: str | None
    version: int
    author: str | None = None  # who kept it (None: kept before authors were recorded)


@dataclass(frozen=True)
class FieldDiff:
    """One difference between two revisions. `change` is "changed", "added" or "removed".

    `path` is the exchange-format path (`equipment[3].quantity`); values are in their JSON form
    (money and dates as strings). An added or removed line is one entry with path `equipment[i]`
    and the whole line (an object) as `after` or `before`.
    """

    path: str
    before: Any
    after: Any
    change: str = "changed"


def now() -> datetime:
    return datetime.now(UTC)


def conn_of(session: Session) -> Connection:
    """The session's connection: every statement of one call runs in the session's transaction."""
    return session.connection()


def current_version(conn: Connection, draft_id: int) -> int:
    """The stored version; DraftNotFound if there is no such draft."""
    found = conn.execute(select(tables.drafts.c.version).where(tables.drafts.c.id == draft_id)).scalar()
    if found is None:
        raise DraftNotFound(draft_id)
    return int(found)


def check_version(conn: Connection, draft_id: int, expected_version: int) -> None:
    stored = current_version(conn, draft_id)
    if stored != expected_version:
        raise ConflictError(stored, expected_version)


def _author(conn: Connection) -> str:
    from desktop.storage.team import current_author

    return current_author(conn)


class DraftLocked(ConflictError):
    """The draft was submitted: it is locked until it is reopened (app_status.reopen), which is recorded."""

    def __init__(self, current_version: int, expected_version: int | None, state: str) -> None:
        super().__init__(current_version, expected_version)
        self.state = state
        self.args = (f"the draft is {state}: it is locked; reopen it to edit (the reopening is recorded)",)


def bump(conn: Connection, draft_id: int, expected_version: int, **values: Any) -> int:
    """Claim the next version if the stored one is `expected_version` and the draft is not locked (one
    conditional UPDATE, which also takes the write lock first); ConflictError (DraftLocked for a
    submitted draft) or DraftNotFound otherwise. Returns the new version."""
    d = tables.drafts.c
    result = conn.execute(
        update(tables.drafts)
        .where(d.id == draft_id, d.version == expected_version, d.app_state == "draft")
        .values(version=d.version + 1, updated_at=now(), updated_by=_author(conn), **values)
    )
    if result.rowcount != 1:
        state = conn.execute(select(d.app_state).where(d.id == draft_id)).scalar()
        if state is not None and state != "draft":
            raise DraftLocked(current_version(conn, draft_id), expected_version, str(state))
        raise ConflictError(current_version(conn, draft_id), expected_version)
    return expected_version + 1


class as_bytes(FunctionElement[bytes]):
    """A text column read as its bytes, so text that is not UTF-8 (a damaged SQLite page) can be read as
    far as it goes: CAST(x AS BLOB) on SQLite; convert_to(x, 'UTF8') on PostgreSQL, whose CAST to bytea
    would parse backslashes as escapes (and whose text is always valid UTF-8)."""

    type = LargeBinary()
    inherit_cache = True


@compiles(as_bytes)
def _as_bytes_default(element: as_bytes, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS BLOB)"


@compiles(as_bytes, "postgresql")
def _as_bytes_postgresql(element: as_bytes, compiler: Any, **kw: Any) -> str:
    return f"convert_to({compiler.process(element.clauses, **kw)}, 'UTF8')"
