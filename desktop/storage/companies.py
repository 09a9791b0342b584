"""Companies kept once (tables.CompanyRow) and the drafts that follow them (drafts.company_id).

A company's facts are stored in the exchange format's own JSON (applicant_facts.CompanyFacts, read as
strictly as a draft file), its standing documents as a JSON array. Deleting a company clears the link of
its drafts (they keep their own copy of its values).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlmodel import Session

from desktop.domain.company import Company, StandingDocument
from desktop.domain.exchange import line_evidence_data, read_field
from desktop.domain.model import Contact, Draft
from desktop.storage import tables
from desktop.storage.records import conn_of, now

C = tables.companies.c
D = tables.drafts.c


class CompanyNotFound(LookupError):
    def __init__(self, company_id: int) -> None:
        super().__init__(f"no company with id {company_id}")
        self.company_id = company_id


class CompanyChanged(Exception):
    """The stored company changed since it was read (another window saved it)."""

    def __init__(self, company_id: int) -> None:
        super().__init__(f"company {company_id} was changed elsewhere: open it again to see its values")


@dataclass(frozen=True, slots=True)
class StoredCompany:
    id: int
    version: int
    company: Company


@dataclass(frozen=True, slots=True)
class CompanySummary:
    id: int
    name: str
    credit_code: str | None
    drafts: int


def _facts_text(company: Company) -> str | None:
    holder = Draft(company_facts=company.facts)
    data = line_evidence_data(holder, "company_facts")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _documents_text(docs: list[StandingDocument]) -> str:
    return json.dumps([
        {"kind": d.kind, "name": d.name, "number": d.number,
         "valid_from": None if d.valid_from is None else d.valid_from.isoformat(),
         "valid_until": None if d.valid_until is None else d.valid_until.isoformat()}
        for d in docs
    ], ensure_ascii=False, separators=(",", ":"))


def _documents(text: str) -> list[StandingDocument]:
    out = []
    for item in json.loads(text):
        out.append(StandingDocument(
            kind=item.get("kind"), name=item.get("name"), number=item.get("number"),
            valid_from=None if item.get("valid_from") is None else date.fromisoformat(item["valid_from"]),
            valid_until=None if item.get("valid_until") is None else date.fromisoformat(item["valid_until"]),
        ))
    return out


def _columns(company: Company) -> dict[str, Any]:
    c = company.contact
    return {
        "name": company.name, "credit_code": company.credit_code, "city": company.city,
        "address": company.address, "legal_representative": company.legal_representative,
        "contact_name": c.name, "contact_phone": c.phone, "contact_email": c.email,
        "facts": _facts_text(company), "documents": _documents_text(company.documents),
    }


def _company(row: Any) -> Company:
    facts = read_field(Draft, "company_facts", json.loads(row["facts"]), "company_facts") if row["facts"] else None
    company = Company(
        name=row["name"], credit_code=row["credit_code"], city=row["city"], address=row["address"],
        legal_representative=row["legal_representative"],
        contact=Contact(row["contact_name"], row["contact_phone"], row["contact_email"]),
        documents=_documents(row["documents"]),
    )
    if facts is not None:
        company.facts = facts
    return company


def create_company(session: Session, *, company: Company) -> int:
    when = now()
    result = conn_of(session).execute(
        tables.companies.insert().values(version=1, created_at=when, updated_at=when, **_columns(company))
        .returning(C.id)
    )
    return int(result.scalar_one())


def get_company(session: Session, *, company_id: int) -> StoredCompany:
    row = conn_of(session).execute(select(tables.companies).where(C.id == company_id)).mappings().first()
    if row is None:
        raise CompanyNotFound(company_id)
    return StoredCompany(row["id"], row["version"], _company(row))


def list_companies(session: Session) -> list[CompanySummary]:
    """Every company by name, with how many drafts (not in the trash) follow it."""
    counts = (
        select(D.company_id, func.count().label("n")).where(D.deleted_at.is_(None), D.company_id.is_not(None))
        .group_by(D.company_id).subquery()
    )
    query = (
        select(C.id, C.name, C.credit_code, func.coalesce(counts.c.n, 0))
        .select_from(tables.companies.outerjoin(counts, counts.c.company_id == C.id))
        .order_by(C.name, C.id)
    )
    return [CompanySummary(int(r[0]), r[1], r[2], int(r[3])) for r in conn_of(session).execute(query)]


def save_company(session: Session, *, company_id: int, company: Company, expected_version: int) -> int:
    """Replace the stored company; its new version (ConflictError when it moved on meanwhile)."""
    conn = conn_of(session)
    result = conn.execute(
        update(tables.companies).where(C.id == company_id, C.version == expected_version)
        .values(version=expected_version + 1, updated_at=now(), **_columns(company))
    )
    if result.rowcount != 1:
        get_company(session, company_id=company_id)  # CompanyNotFound when it is gone
        raise CompanyChanged(company_id)
    return expected_version + 1


def delete_company(session: Session, *, company_id: int) -> None:
    conn = conn_of(session)
    conn.execute(update(tables.drafts).where(D.company_id == company_id).values(company_id=None))
    if conn.execute(delete(tables.companies).where(C.id == company_id)).rowcount != 1:
        raise CompanyNotFound(company_id)


def link_draft(session: Session, *, draft_id: int, company_id: int | None) -> None:
    if company_id is not None:
        get_company(session, company_id=company_id)
    conn_of(session).execute(update(tables.drafts).where(D.id == draft_id).values(company_id=company_id))


def company_of(session: Session, *, draft_id: int) -> int | None:
    value = conn_of(session).execute(select(D.company_id).where(D.id == draft_id)).scalar()
    return None if value is None else int(value)


def open_drafts_of(session: Session, *, company_id: int) -> list[int]:
    """The drafts that follow the company now: linked, not in the trash, still drafts (not submitted)."""
    query = select(D.id).where(
        D.company_id == company_id, D.deleted_at.is_(None), D.app_state == "draft"
    ).order_by(D.id)
    return [int(r[0]) for r in conn_of(session).execute(query)]


def notices_of(session: Session, *, company_id: int) -> list[str]:
    """The notices the company's open drafts name (their deadlines are the ones its documents must meet)."""
    query = select(D.notice).where(
        D.company_id == company_id, D.deleted_at.is_(None), D.app_state == "draft", D.notice.is_not(None)
    ).distinct().order_by(D.notice)
    return [str(r[0]) for r in conn_of(session).execute(query)]


def find_company(session: Session, *, credit_code: str | None, name: str | None) -> int | None:
    """The company with this credit code (else, when the code is not given, with this very name)."""
    if credit_code:
        query = select(C.id).where(C.credit_code == credit_code)
    elif name:
        query = select(C.id).where(C.name == name)
    else:
        return None
    value = conn_of(session).execute(query.order_by(C.id).limit(1)).scalar()
    return None if value is None else int(value)
