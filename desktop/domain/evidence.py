"""A line's evidence (grant-draft/2): what it holds, and which format version a draft needs.

A draft read from a grant-draft/1 file stays a /1 draft (written as /1, checked as the format page
says for /1) until evidence is added to one of its lines; from then on it is a /2 draft. A draft read
from a /2 file stays /2 even when its evidence is removed again.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.domain.applicant_facts import holds_something
from desktop.domain.fieldpath import path_text
from desktop.domain.model import Draft, EquipmentLine, LineFile


def line_has_evidence(line: EquipmentLine) -> bool:
    """True when any grant-draft/2 field of the line holds something."""
    c = line.contract
    return bool(
        line.invoices or line.payments or line.files or c.number is not None or c.date is not None
        or line.acceptance_date is not None or line.asset_tag is not None or line.location is not None
        or line.imported is not None or line.customs_declaration is not None
    )


def draft_version(draft: Draft) -> int:
    """The format version the draft is written and checked as: 2 once it is, names a notice, a company or
    a status, or holds evidence or the facts of the application's parts (company_facts, project_facts)."""
    if draft.format_version >= 2 or draft.notice is not None or draft.company is not None or draft.status is not None:
        return 2
    if has_application_facts(draft):
        return 2
    return 2 if any(line_has_evidence(line) for line in draft.equipment) else 1


def has_application_facts(draft: Draft) -> bool:
    """True when the draft holds any fact of the application's parts (company_facts, project_facts)."""
    return holds_something(draft.company_facts) or holds_something(draft.project_facts)


def invoice_numbers(line: EquipmentLine) -> Iterator[tuple[str, str]]:
    """(path, number) of each invoice number written on the line: the /1 field and the /2 invoices."""
    if line.invoice_number and line.invoice_number.strip():
        yield "invoice_number", line.invoice_number
    for j, invoice in enumerate(line.invoices):
        if invoice.number and invoice.number.strip():
            yield path_text("invoices", j, "number"), invoice.number


def files_of_kind(line: EquipmentLine, kind: str) -> list[LineFile]:
    return [f for f in line.files if f.kind == kind]


def draft_file_hashes(draft: Draft) -> set[str]:
    """Every SHA-256 the draft refers to: its attachments' and its lines' files."""
    found = {a.sha256 for a in draft.attachments if a.sha256}
    for line in draft.equipment:
        found.update(f.sha256 for f in line.files if f.sha256)
    return found
