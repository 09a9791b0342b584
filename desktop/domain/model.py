"""The draft as the exchange format defines it (grant-draft/1 and /2), as mutable dataclasses.

Fields marked `since=2` (a line's evidence: contract, invoices, payments, acceptance, asset tag,
customs papers, files) exist only in grant-draft/2: a grant-draft/1 file that carries them is refused
like any unknown key. The evidence records (Contract, Invoice, Payment, LineFile) are immutable and a
line's evidence lists are replaced whole, never changed in place: a copied line (duplicate, undo) may
share them safely.

Every field carries its JSON kind in `metadata`; the reader, the writer and the JSON Schema are all
driven by that one description, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.domain import choices
from desktop.domain.applicant_facts import CompanyFacts, ProjectFacts

FORMAT_PREFIX = "grant-draft/"
FORMAT_V1 = "grant-draft/1"
FORMAT = "grant-draft/2"  # the newest version, the one written whenever the draft needs it
FORMAT_VERSIONS = {FORMAT_V1: 1, FORMAT: 2}


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


def _since2(kind: str, **extra: Any) -> Any:
    return _f(kind, since=2, **extra)


@dataclass(frozen=True, slots=True)
class Contract:
    number: str | None = _text(title="Contract number")
    date: date | None = _f("date", title="Date the contract was signed")


@dataclass(frozen=True, slots=True)
class Invoice:
    number: str | None = _text(title="Invoice number (digits of the VAT or e-invoice)")
    date: date | None = _f("date", title="Invoice date")
    amount: Decimal | None = _f("money", title="Amount excluding VAT, in CNY")


@dataclass(frozen=True, slots=True)
class Payment:
    date: date | None = _f("date", title="Date the money left the applicant's account")
    amount: Decimal | None = _f("money", title="Amount paid, in CNY")
    method: str | None = _enum(choices.PAYMENT_METHODS)


@dataclass(frozen=True, slots=True)
class LineFile:
    kind: str | None = _enum(choices.LINE_FILE_KINDS)
    sha256: str | None = _f("sha256", title="SHA-256 of the file kept by the program")
    name: str | None = _text(title="The file's name as the user gave it")
    size: int | None = _f("int", title="Size in bytes")


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
    # grant-draft/2: the evidence of the line
    contract: Contract = field(
        default_factory=Contract, metadata={"kind": "object", "cls": Contract, "since": 2}
    )
    invoices: list[Invoice] = field(
        default_factory=list, metadata={"kind": "list", "cls": Invoice, "since": 2}
    )
    payments: list[Payment] = field(
        default_factory=list, metadata={"kind": "list", "cls": Payment, "since": 2}
    )
    acceptance_date: date | None = _since2("date", title="Acceptance (验收) date")
    asset_tag: str | None = _since2("text", title="Fixed-asset number (资产编号)")
    location: str | None = _since2("text", title="Where the equipment stands")
    imported: bool | None = _since2("bool", title="Imported equipment (customs papers expected)")
    customs_declaration: str | None = _since2("text", title="Customs declaration number (报关单号)")
    files: list[LineFile] = field(
        default_factory=list, metadata={"kind": "list", "cls": LineFile, "since": 2}
    )


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
class CompanyLink:
    """grant-draft/2 `company`: the company record the draft follows, enough to link it again on import."""

    credit_code: str | None = _text(title="The company's unified social credit code (how it is found again)")
    name: str | None = _text(title="The company's registered name when the draft was written")


@dataclass(slots=True)
class StatusEvent:
    state: str | None = _enum(choices.APPLICATION_EVENTS)
    on_date: date | None = _f("date")
    granted: Decimal | None = _f("money", title="Amount granted (yuan), with approved")
    note: str | None = _text()


@dataclass(slots=True)
class ApplicationStatus:
    """grant-draft/2 `status`: where the application is (a submitted draft is read only until reopened)."""

    state: str | None = _enum(choices.APPLICATION_STATES)
    on_date: date | None = _f("date", title="The day it reached this state")
    granted: Decimal | None = _f("money", title="Amount granted (yuan)")
    note: str | None = _text()
    history: list[StatusEvent] = field(
        default_factory=list, metadata={"kind": "list", "cls": StatusEvent, "title": "Every move, the oldest first"}
    )


@dataclass(slots=True)
class Draft:
    program: str = _f("program", default="gd-ai-robotics-2025")
    # grant-draft/2: the application notice the draft is checked against (its windows and deadlines);
    # null = the policy alone (spending window = the policy period)
    notice: str | None = _since2("notice", title="Id of the application notice (申报通知) the draft answers")
    title: str | None = _text()
    applicant: Applicant = field(default_factory=Applicant, metadata={"kind": "object", "cls": Applicant})
    project: Project = field(default_factory=Project, metadata={"kind": "object", "cls": Project})
    equipment: list[EquipmentLine] = field(
        default_factory=list, metadata={"kind": "list", "cls": EquipmentLine}
    )
    attachments: list[Attachment] = field(
        default_factory=list, metadata={"kind": "list", "cls": Attachment}
    )
    # grant-draft/2: the facts of the application's own parts (see domain/applicant_facts.py)
    company_facts: CompanyFacts = field(
        default_factory=CompanyFacts, metadata={"kind": "object", "cls": CompanyFacts, "since": 2}
    )
    project_facts: ProjectFacts = field(
        default_factory=ProjectFacts, metadata={"kind": "object", "cls": ProjectFacts, "since": 2}
    )
    # grant-draft/2, optional (left out of the file when null): the company the draft follows and where its
    # application is (the database keeps both; they travel with the file so an import keeps them)
    company: CompanyLink | None = _since2("object", cls=CompanyLink, optional=True,
                                          title="The company record the draft follows")
    status: ApplicationStatus | None = _since2("object", cls=ApplicationStatus, optional=True,
                                               title="Where the application is")
    # Not a key of the file: the version it was read as (1 or 2). A draft is written, and checked, as
    # grant-draft/2 when this is 2 or when any line carries evidence (see domain/evidence.py).
    format_version: int = field(default=1, compare=False, metadata={"kind": "internal"})
