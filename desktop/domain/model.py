"""The draft as the exchange format defines it (grant-draft/1), as mutable dataclasses.

Every field carries its JSON kind in `metadata`; the reader, the writer and the JSON Schema are all
driven by that one description, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.domain import choices

FORMAT = "grant-draft/1"


def _f(kind: str, default: Any = None, **extra: Any) -> Any:
    return field(default=default, metadata={"kind": kind, **extra})


def _text(**extra: Any) -> Any:
    return _f("text", **extra)


def _enum(table: choices.Labels) -> Any:
    return _f("enum", choices=tuple(table))


@dataclass(slots=True)
class Contact:
    name: str | None = _text(title="Contact person")
    phone: str | None = _text(title="Phone")
    email: str | None = _text(title="E-mail")


@dataclass(slots=True)
class Applicant:
    name: str | None = _text(title="Registered name of the applicant")
    credit_code: str | None = _text(title="Unified social credit code (18 characters)")
    city: str | None = _f("city", title="City key (or its Chinese name on input)")
    address: str | None = _text()
    legal_representative: str | None = _text()
    contact: Contact = field(default_factory=Contact, metadata={"kind": "object", "cls": Contact})
    center_level: str | None = _enum(choices.CENTER_LEVELS)
    center_name: str | None = _text()
    center_approved_on: date | None = _f("date")


@dataclass(slots=True)
class Project:
    title: str | None = _text()
    category: str | None = _enum(choices.CATEGORIES)
    summary: str | None = _text()
    start_date: date | None = _f("date")
    end_date: date | None = _f("date")
    requested_subsidy: Decimal | None = _f("money", title="Requested subsidy in CNY; null = the maximum")


@dataclass(slots=True)
class EquipmentLine:
    name: str | None = _text()
    model: str | None = _text()
    supplier: str | None = _text()
    kind: str | None = _enum(choices.KINDS)
    use: str | None = _enum(choices.USES)
    condition: str | None = _enum(choices.CONDITIONS)
    quantity: int | None = _f("int")
    unit_price: Decimal | None = _f("money", title="Unit price excluding VAT, in `currency`")
    currency: str | None = _f("currency", title="ISO 4217 code; null means CNY")
    exchange_rate: Decimal | None = _f("decimal", title="CNY per one unit of `currency`")
    purchase_date: date | None = _f("date", title="Invoice date")
    invoice_number: str | None = _text()


@dataclass(slots=True)
class Attachment:
    kind: str | None = _enum(choices.ATTACHMENT_KINDS)
    name: str | None = _text()
    sha256: str | None = _f("sha256")
    size: int | None = _f("int")
    path: str | None = _text(title="Where the file was when it was added (this program's addition)")
    lines: list[int] = field(
        default_factory=list,
        metadata={"kind": "int_list", "title": "Indexes of the equipment lines it documents"},
    )


@dataclass(slots=True)
class Draft:
    program: str = _f("program", default="gd-ai-robotics-2025")
    title: str | None = _text()
    applicant: Applicant = field(default_factory=Applicant, metadata={"kind": "object", "cls": Applicant})
    project: Project = field(default_factory=Project, metadata={"kind": "object", "cls": Project})
    equipment: list[EquipmentLine] = field(
        default_factory=list, metadata={"kind": "list", "cls": EquipmentLine}
    )
    attachments: list[Attachment] = field(
        default_factory=list, metadata={"kind": "list", "cls": Attachment}
    )
