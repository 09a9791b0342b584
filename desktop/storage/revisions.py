"""Revisions: snapshots of a draft in the exchange format, their list, differences and restoring."""

from __future__ import annotations

import difflib
import json
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlmodel import Session

from desktop.domain.exchange import draft_to_data, dumps, loads
from desktop.storage import tables
from desktop.storage.records import (
    FieldDiff,
    RevisionInfo,
    RevisionNotFound,
    check_version,
    conn_of,
    current_version,
    now,
)
from desktop.storage.whole import load_draft, save_draft

REASONS = ("manual", "export", "restore", "import", "review", "approved", "review-cleared", "submitted")
R = tables.revisions.c


def snapshot(
    session: Session, *, draft_id: int, reason: str, label: str | None = None, author: str | None = None
) -> RevisionInfo:
    """Keep the draft as it is stored now, with the time, the reason and who (team.current_author)."""
    from desktop.storage.team import current_author

    if reason not in REASONS:
        raise ValueError(f"unknown revision reason {reason!r} (one of {', '.join(REASONS)})")
    conn = conn_of(session)
    row, draft = load_draft(conn, draft_id)
    stamp = now()
    values = {
        "draft_id": draft_id, "created_at": stamp, "reason": reason, "label": label,
        "version": row["version"], "snapshot": dumps(draft), "author": author or current_author(conn),
    }
    revision_id = int(conn.execute(insert(tables.revisions).values(values).returning(R.id)).scalar_one())
    return RevisionInfo(revision_id, draft_id, stamp, reason, label, row["version"], values["author"])


def list_revisions(session: Session, *, draft_id: int) -> list[RevisionInfo]:
    """The draft's revisions, newest first."""
    conn = conn_of(session)
    current_version(conn, draft_id)
    query = (
        select(R.id, R.draft_id, R.created_at, R.reason, R.label, R.version, R.author)
        .where(R.draft_id == draft_id)
        .order_by(R.created_at.desc(), R.id.desc())
    )
    return [RevisionInfo(*r) for r in conn.execute(query)]


def _revision(conn: Connection, revision_id: int) -> tuple[int, str]:
    row = conn.execute(select(R.draft_id, R.snapshot).where(R.id == revision_id)).first()
    if row is None:
        raise RevisionNotFound(revision_id)
    return int(row[0]), str(row[1])


def revision_data(session: Session, *, revision_id: int) -> dict[str, Any]:
    """A revision's draft as the exchange format's JSON object."""
    data: dict[str, Any] = json.loads(_revision(conn_of(session), revision_id)[1])
    return data


def _diff_objects(path: str, before: Any, after: Any, out: list[FieldDiff]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            _diff_objects(f"{path}.{key}" if path else key, before.get(key), after.get(key), out)
    elif isinstance(before, list) and isinstance(after, list) and path in ("equipment", "attachments"):
        _diff_lists(path, before, after, out)
    elif before != after:
        out.append(FieldDiff(path, before, after))


def _diff_lists(path: str, before: list[Any], after: list[Any], out: list[FieldDiff]) -> None:
    """Lines matched by content, so one inserted line is reported as one line added, not as every later
    line changed; lines replaced in place are compared field by field. Paths index the newer list,
    except for removed lines (their index in the older list)."""
    keys_a = [json.dumps(x, sort_keys=True) for x in before]
    keys_b = [json.dumps(x, sort_keys=True) for x in after]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(a1 - a0, b1 - b0) if op == "replace" else 0
        for k in range(paired):
            _diff_objects(f"{path}[{b0 + k}]", before[a0 + k], after[b0 + k], out)
        for k in range(a0 + paired, a1):
            out.append(FieldDiff(f"{path}[{k}]", before[k], None, "removed"))
        for k in range(b0 + paired, b1):
            out.append(FieldDiff(f"{path}[{k}]", None, after[k], "added"))


def diff_revisions(session: Session, *, from_revision: int, to_revision: int) -> list[FieldDiff]:
    """What changed from one revision to another, field by field."""
    out: list[FieldDiff] = []
    _diff_objects("", revision_data(session, revision_id=from_revision),
                  revision_data(session, revision_id=to_revision), out)
    return out


def diff_with_current(session: Session, *, draft_id: int, revision_id: int) -> list[FieldDiff]:
    """What changed from a revision to the draft as stored now."""
    out: list[FieldDiff] = []
    _diff_objects("", revision_data(session, revision_id=revision_id),
                  draft_to_data(load_draft(conn_of(session), draft_id)[1]), out)
    return out


def restore_revision(session: Session, *, draft_id: int, revision_id: int, expected_version: int) -> int:
    """Make a revision the current draft (keeping the current state first as a "restore" revision);
    the new version. ConflictError if the stored version is not `expected_version`."""
    conn = conn_of(session)
    owner, text = _revision(conn, revision_id)
    if owner != draft_id:
        raise RevisionNotFound(revision_id)
    check_version(conn, draft_id, expected_version)
    snapshot(session, draft_id=draft_id, reason="restore", label=f"before restoring revision {revision_id}")
    return save_draft(session, draft_id=draft_id, draft=loads(text), expected_version=expected_version)
