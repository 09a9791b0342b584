"""Where an application is: 草稿 → 已提交 (locked, a revision kept) → 已入库 / 已立项 / 未通过.

Every move is recorded in application_events with its day, the amount granted and a note. A submitted
draft is locked (records.bump refuses its edits); editing it again needs an explicit `reopen`, which is
recorded like any other move and bumps the version (so open windows see the change).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from sqlalchemy import insert, select, update
from sqlmodel import Session

from desktop.domain import choices
from desktop.domain.money import to_fen
from desktop.storage import tables
from desktop.storage.records import DraftNotFound, conn_of, now
from desktop.storage.revisions import snapshot

STATES: Final = choices.APPLICATION_STATES
# The moves allowed (back to "draft" only through reopen).
MOVES: Final = {
    "draft": ("submitted",),
    "submitted": ("entered", "approved", "rejected"),
    "entered": ("approved", "rejected"),
    "approved": (),
    "rejected": (),
}
D = tables.drafts.c
E = tables.application_events.c


class StateRefused(ValueError):
    """A move the application cannot make (the message says which moves it can)."""


@dataclass(frozen=True, slots=True)
class AppEvent:
    at: datetime
    state: str
    on_date: date | None
    granted: Decimal | None
    note: str | None
    revision_id: int | None


def state_of(session: Session, *, draft_id: int) -> str:
    value = conn_of(session).execute(select(D.app_state).where(D.id == draft_id)).scalar()
    if value is None:
        raise DraftNotFound(draft_id)
    return str(value)


def _record(session: Session, draft_id: int, state: str, on_date: date | None, granted: Decimal | None,
            note: str | None, revision_id: int | None = None) -> None:
    conn_of(session).execute(insert(tables.application_events).values(
        draft_id=draft_id, at=now(), state=state, on_date=None if on_date is None else on_date.isoformat(),
        granted_fen=None if granted is None else to_fen(granted), note=note, revision_id=revision_id,
    ))


def set_state(
    session: Session, *, draft_id: int, state: str, on_date: date | None = None, granted: Decimal | None = None,
    note: str | None = None,
) -> None:
    """Move the application to `state` (StateRefused when it cannot go there from where it is)."""
    if state not in STATES:
        raise StateRefused(f'unknown state "{state}"; one of {", ".join(STATES)}')
    current = state_of(session, draft_id=draft_id)
    if state not in MOVES[current]:
        allowed = ", ".join(MOVES[current]) or ("none (reopen it first)" if current != "draft" else "submitted")
        hint = "; to edit a submitted draft, reopen it" if state == "draft" else ""
        raise StateRefused(f"draft {draft_id} is {current}: it can move to {allowed}, not {state}{hint}")
    if granted is not None and (granted < 0 or state != "approved"):
        raise StateRefused("an amount granted is given with the state approved, and is not negative")
    revision_id = None
    if state == "submitted":  # the submitted draft is kept as a revision
        revision_id = snapshot(session, draft_id=draft_id, reason="submitted").id
    values: dict[str, object] = {
        "app_state": state, "app_state_on": (on_date or date.today()).isoformat(), "app_note": note,
        "version": D.version + 1, "updated_at": now(),
    }
    if granted is not None:
        values["granted_fen"] = to_fen(granted)
    conn_of(session).execute(update(tables.drafts).where(D.id == draft_id).values(**values))
    _record(session, draft_id, state, on_date or date.today(), granted, note, revision_id)


def reopen(session: Session, *, draft_id: int, note: str | None = None) -> None:
    """Unlock a submitted draft for editing; recorded as a move back to draft."""
    current = state_of(session, draft_id=draft_id)
    if current == "draft":
        raise StateRefused(f"draft {draft_id} is not submitted: there is nothing to reopen")
    conn_of(session).execute(update(tables.drafts).where(D.id == draft_id).values(
        app_state="draft", app_state_on=date.today().isoformat(), app_note=note, granted_fen=None,
        version=D.version + 1, updated_at=now(),
    ))
    _record(session, draft_id, "reopened", date.today(), None, note)


def history(session: Session, *, draft_id: int) -> list[AppEvent]:
    rows = conn_of(session).execute(
        select(E.at, E.state, E.on_date, E.granted_fen, E.note, E.revision_id)
        .where(E.draft_id == draft_id).order_by(E.id)
    )
    return [
        AppEvent(r[0], r[1], None if r[2] is None else date.fromisoformat(r[2]),
                 None if r[3] is None else Decimal(r[3]).scaleb(-2), r[4], r[5])
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class AppState:
    state: str
    on_date: date | None
    granted: Decimal | None
    note: str | None


def current(session: Session, *, draft_id: int) -> AppState:
    row = conn_of(session).execute(
        select(D.app_state, D.app_state_on, D.granted_fen, D.app_note).where(D.id == draft_id)
    ).first()
    if row is None:
        raise DraftNotFound(draft_id)
    return AppState(str(row[0]), None if row[1] is None else date.fromisoformat(row[1]),
                    None if row[2] is None else Decimal(row[2]).scaleb(-2), row[3])


Move = tuple[str, date | None, Decimal | None, str | None]  # state, day, amount granted, note


def restore(session: Session, *, draft_id: int, state: AppState, events: list[Move]) -> None:
    """Put back where an imported application was, with its history as the file carried it (a submitted
    draft is locked again; its import is the revision kept). Nothing is checked against MOVES: the file
    says what happened."""
    if state.state not in STATES:
        raise StateRefused(f'unknown state "{state.state}"; one of {", ".join(STATES)}')
    conn_of(session).execute(update(tables.drafts).where(D.id == draft_id).values(
        app_state=state.state, app_state_on=None if state.on_date is None else state.on_date.isoformat(),
        app_note=state.note, granted_fen=None if state.granted is None else to_fen(state.granted),
        version=D.version + 1, updated_at=now(),
    ))
    for move, on_date, granted, note in events:
        _record(session, draft_id, move, on_date, granted, note)


@dataclass(frozen=True, slots=True)
class Lock:
    """Why a draft is read only: its state, since when, and who submitted it (the author of the revision
    kept at submission; None when unknown, e.g. a draft imported already submitted)."""

    state: str
    on_date: date | None
    by: str | None


def lock_of(session: Session, *, draft_id: int) -> Lock | None:
    """The draft's lock, None while it is a draft (DraftNotFound when it is gone)."""
    now_ = current(session, draft_id=draft_id)
    if now_.state == "draft":
        return None
    R = tables.revisions.c
    by = conn_of(session).execute(
        select(R.author).select_from(tables.application_events.join(tables.revisions, R.id == E.revision_id))
        .where(E.draft_id == draft_id, E.state == "submitted").order_by(E.id.desc()).limit(1)
    ).scalar()
    return Lock(now_.state, now_.on_date, None if by is None else str(by))
