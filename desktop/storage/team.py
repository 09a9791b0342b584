"""Several people on one database: who did what (authors, the review step), who is editing what (leases)
and a cheap "something changed" token an open drafts window polls.

Author: the name chosen in the settings (set_author), else GRANT_ASSISTANT_AUTHOR, else the database user
(the user in a server database's URL), else the computer's user name.

Leases: a row per draft being edited, holding who, since when and until when. An editor renews its lease
every RENEW_SECONDS while it is open; one whose program dies stops renewing and its lease runs out after
LEASE_SECONDS, so a draft is never shown as taken for ever. A lease does not lock anything: the version
counter still refuses a stale save (records.bump); the lease tells people before they collide.

Times are the computer's UTC clock (passed in by the tests)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from desktop.storage import tables
from desktop.storage.records import DraftNotFound, conn_of, now

LEASE_SECONDS = 90
RENEW_SECONDS = 30
REVIEW_STATES = ("review", "approved")
D = tables.drafts.c
K = tables.leases.c
_chosen: list[str] = []


def set_author(name: str | None) -> None:
    """The name recorded as the author of what this program does from now on (None or "": the default)."""
    _chosen.clear()
    if name and name.strip():
        _chosen.append(name.strip())


def current_author(conn: Connection | None = None) -> str:
    if _chosen:
        return _chosen[0]
    named = os.environ.get("GRANT_ASSISTANT_AUTHOR", "").strip()
    if named:
        return named
    if conn is not None and conn.dialect.name != "sqlite" and conn.engine.url.username:
        return str(conn.engine.url.username)
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name to be had (a service account without a name)
        return "?"


@dataclass(frozen=True)
class Lease:
    draft_id: int
    holder: str
    token: str
    since: datetime
    expires_at: datetime


@dataclass(frozen=True)
class TeamInfo:
    """A draft's line of the team columns in the drafts list."""

    updated_by: str | None
    review_state: str | None
    review_by: str | None
    review_at: datetime | None
    editing: Lease | None  # someone's live lease (None: nobody is editing it)


def _lease(row: Sequence[Any]) -> Lease:
    return Lease(int(row[0]), str(row[1]), str(row[2]), row[3], row[4])


def take_lease(
    session: Session, *, draft_id: int, holder: str, token: str, at: datetime | None = None,
    seconds: int = LEASE_SECONDS,
) -> Lease:
    """Take (or renew) the lease on a draft for `token`; the lease that holds it: ours, or someone else's
    that is still live (compare its token to know). An expired lease of anyone is replaced."""
    conn = conn_of(session)
    at = at or now()
    until = at + timedelta(seconds=seconds)
    if conn.execute(select(D.id).where(D.id == draft_id)).first() is None:
        raise DraftNotFound(draft_id)
    conn.execute(delete(tables.leases).where(K.draft_id == draft_id, or_(K.expires_at <= at, K.token == token)))
    try:
        with conn.begin_nested():
            conn.execute(insert(tables.leases).values(
                draft_id=draft_id, holder=holder, token=token, since=at, expires_at=until))
    except IntegrityError:  # someone holds it (their live lease stays)
        pass
    row = conn.execute(select(K.draft_id, K.holder, K.token, K.since, K.expires_at).where(K.draft_id == draft_id)).one()
    return _lease(row)


def renew_lease(
    session: Session, *, draft_id: int, token: str, at: datetime | None = None, seconds: int = LEASE_SECONDS
) -> bool:
    """Push our lease's end on; False when it is no longer ours (it ran out and someone took it)."""
    at = at or now()
    result = conn_of(session).execute(
        update(tables.leases).where(K.draft_id == draft_id, K.token == token)
        .values(expires_at=at + timedelta(seconds=seconds))
    )
    return bool(result.rowcount)


def release_lease(session: Session, *, draft_id: int, token: str) -> None:
    conn_of(session).execute(delete(tables.leases).where(K.draft_id == draft_id, K.token == token))


def live_leases(session: Session, *, at: datetime | None = None) -> dict[int, Lease]:
    at = at or now()
    rows = conn_of(session).execute(
        select(K.draft_id, K.holder, K.token, K.since, K.expires_at).where(K.expires_at > at))
    return {lease.draft_id: lease for lease in map(_lease, rows)}


def team_info(session: Session, *, at: datetime | None = None) -> dict[int, TeamInfo]:
    """The team columns of every draft: who changed it last, its review step, who is editing it now."""
    leases = live_leases(session, at=at)
    rows = conn_of(session).execute(select(D.id, D.updated_by, D.review_state, D.review_by, D.review_at))
    return {
        int(i): TeamInfo(by, state, review_by, review_at, leases.get(int(i)))
        for i, by, state, review_by, review_at in rows
    }


def set_review(session: Session, *, draft_id: int, state: str | None, author: str | None = None) -> str:
    """Mark a draft for review ("review"), approved for submission ("approved"), or neither (None): by
    whom and when are recorded, and a revision keeps the draft as it was marked. Returns the author.
    The draft's version is not bumped (its content does not change; an open editor is not refused)."""
    from desktop.storage.revisions import snapshot

    if state is not None and state not in REVIEW_STATES:
        raise ValueError(f"unknown review state {state!r} (one of {', '.join(REVIEW_STATES)})")
    conn = conn_of(session)
    who = author or current_author(conn)
    result = conn.execute(update(tables.drafts).where(D.id == draft_id).values(
        review_state=state, review_by=who if state else None, review_at=now() if state else None))
    if result.rowcount != 1:
        raise DraftNotFound(draft_id)
    snapshot(session, draft_id=draft_id, reason=state or "review-cleared", author=who)
    return who


def change_token(session: Session) -> tuple[object, ...]:
    """Something that differs whenever any draft was added, changed, trashed, restored, purged, marked or
    leased elsewhere: one cheap aggregate query an open drafts window polls every few seconds."""
    conn = conn_of(session)
    drafts = conn.execute(select(
        func.count(), func.count(D.deleted_at), func.max(D.updated_at), func.coalesce(func.sum(D.version), 0),
        func.max(D.id), func.max(D.review_at), func.count(D.review_state),
    )).one()
    leases = conn.execute(select(func.count(), func.max(K.since)).where(and_(K.expires_at > now()))).one()
    return (*drafts, *leases)
