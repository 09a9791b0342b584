"""What other stored drafts hold that a draft's evidence checks need: the invoice numbers they use."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import or_, select
from sqlmodel import Session

from desktop.domain.codes import normalise_invoice
from desktop.storage import tables
from desktop.storage.records import as_bytes, conn_of

D = tables.drafts.c
L = tables.lines.c


def draft_label(draft_id: int, title: str | None) -> str:
    return title.strip() if title and title.strip() else f"#{draft_id}"


def _text(value: bytes | str | None) -> str | None:
    """A stored text read as bytes: a damaged draft's value (not UTF-8) cannot stop another draft's check."""
    if value is None or isinstance(value, str):
        return value
    return bytes(value).decode("utf-8", errors="replace")


def _numbers(session: Session, *, draft_id: int | None) -> Iterator[tuple[int, str, str]]:
    """(draft id, draft label, normalised invoice number) of every invoice number the lines of the drafts
    (not in the trash; all but `draft_id`) use, by draft id. Texts are read as bytes, so a damaged draft
    is read as far as it can be, never an error here."""
    stmt = (
        select(D.id, as_bytes(D.title), as_bytes(L.invoice_number), as_bytes(L.invoices))
        .join(tables.lines, L.draft_id == D.id)
        .where(D.deleted_at.is_(None), or_(L.invoice_number.is_not(None), L.invoices.is_not(None)))
        .order_by(D.id)
    )
    if draft_id is not None:
        stmt = stmt.where(D.id != draft_id)
    for other_id, raw_title, raw_number, raw_invoices in conn_of(session).execute(stmt):
        number, invoices = _text(raw_number), _text(raw_invoices)
        numbers = [number] if number else []
        if invoices:
            try:
                items = json.loads(invoices)
            except ValueError:
                items = []
            if isinstance(items, list):
                numbers += [i["number"] for i in items if isinstance(i, dict) and isinstance(i.get("number"), str)]
        for value in numbers:
            key = normalise_invoice(value)
            if key:
                yield int(other_id), draft_label(other_id, _text(raw_title)), key


def invoice_numbers_elsewhere(session: Session, *, draft_id: int | None) -> dict[str, str]:
    """Normalised invoice number -> the name of another draft (not in the trash) whose lines use it, in
    their invoice number or their invoices (the first such draft by id)."""
    found: dict[str, str] = {}
    for _, label, key in _numbers(session, draft_id=draft_id):
        found.setdefault(key, label)
    return found


def shared_invoice_numbers(session: Session) -> dict[int, frozenset[tuple[str, str]]]:
    """For each draft (not in the trash) using an invoice number another draft uses too: the pairs
    (normalised number, the other draft's name as invoice_numbers_elsewhere gives it)."""
    users: dict[str, dict[int, str]] = {}
    for draft_id, label, key in _numbers(session, draft_id=None):
        users.setdefault(key, {}).setdefault(draft_id, label)
    shared: dict[int, set[tuple[str, str]]] = {}
    for key, by_draft in users.items():
        if len(by_draft) < 2:
            continue
        for draft_id in by_draft:
            first_other = next(label for other, label in by_draft.items() if other != draft_id)
            shared.setdefault(draft_id, set()).add((key, first_other))
    return {draft_id: frozenset(pairs) for draft_id, pairs in shared.items()}
