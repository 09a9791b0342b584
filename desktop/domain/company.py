"""A company kept once: the applicant's identity, its facts and its standing documents, reused by every
draft of that company. Built on the exchange format's own types (Contact, applicant_facts.CompanyFacts).

`apply_company` copies the company into a draft (the draft keeps a full copy, its snapshot: a submitted
draft is never touched again, services/companies.py). The standing documents (营业执照, the centre's
approval ...) that lapse before the notice's deadline are found by the checker (rules/notice_checks.py).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.domain import choices
from desktop.domain.applicant_facts import CompanyFacts
from desktop.domain.model import Contact, Draft


def _f(kind: str, default: Any = None, **extra: Any) -> Any:
    return field(default=default, metadata={"kind": kind, **extra})


@dataclass(frozen=True, slots=True)
class StandingDocument:
    kind: str | None = _f("enum", choices=tuple(choices.ATTACHMENT_KINDS))
    name: str | None = _f("text", title="What the document is, e.g. 营业执照（副本）")
    number: str | None = _f("text", title="Its number, e.g. the approval's 文号")
    valid_from: date | None = _f("date")
    valid_until: date | None = _f("date", title="Last day it is valid; null = no end")


@dataclass(slots=True)
class Company:
    name: str = ""
    credit_code: str | None = None
    city: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    contact: Contact = field(default_factory=Contact)
    facts: CompanyFacts = field(default_factory=CompanyFacts)
    documents: list[StandingDocument] = field(default_factory=list)


def apply_company(draft: Draft, company: Company) -> None:
    """The company's identity and facts written into the draft (its own copy of them)."""
    a = draft.applicant
    a.name, a.credit_code, a.city = company.name, company.credit_code, company.city
    a.address, a.legal_representative = company.address, company.legal_representative
    a.contact = copy.deepcopy(company.contact)
    draft.company_facts = copy.deepcopy(company.facts)


def company_from_draft(draft: Draft) -> Company:
    """A company record started from a draft's applicant (the consultant's first draft of a client)."""
    a = draft.applicant
    return Company(
        name=a.name or "", credit_code=a.credit_code, city=a.city, address=a.address,
        legal_representative=a.legal_representative, contact=copy.deepcopy(a.contact),
        facts=copy.deepcopy(draft.company_facts),
    )

