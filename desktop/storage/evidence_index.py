"""What other stored drafts hold that a draft's evidence checks need: the invoice numbers they use."""

from __future__ import annotations

import json

from sqlalchemy import or_, select
from sqlmodel import Session

from desktop.domain.codes import normalise_invoice
from desktop.storage import tables
from desktop.storage.records import conn_of

D = tables.drafts.c
L = tables.lines.c


def draft_label(draft_id: int, title: str | None) -> str:
    return title.strip() if title and title.strip() else f"#{draft_id}"


def invoice_numbers_elsewhere(session: Session, *, draft_id: int | None) -> dict[str, str]:
    """Normalised invoice number -> the name of another draft (not in the trash) whose lines use it, in
    their invoice number or their invoices (the first such draft by id)."""
    stmt = (
        select(D.id, D.title, L.invoice_number, L.invoices)
        .join(tables.lines, L.draft_id == D.id)
        .where(D.deleted_at.is_(None), or_(L.invoice_number.is_not(None), L.invoices.is_not(None)))
        .order_by(D.id)
    )
    if draft_id is not None:
        stmt = stmt.where(D.id != draft_id)
    found: dict[str, str] = {}
    for other_id, title, number, invoices in conn_of(session).execute(stmt):
        numbers = [number] if number else []
        if invoices:
            try:
                items = json.loads(invoices)
            except ValueError:
                items = []
            numbers += [i.get("number") for i in items if isinstance(i, dict) and isinstance(i.get("number"), str)]
        for value in numbers:
            key = normalise_invoice(value)
            if key:
                found.setdefault(key, draft_label(other_id, title))
    return found
