"""The evidence checks (grant-draft/2 drafts only; a /1 draft is checked exactly as before).

Per line (cached with the line's other findings by the incremental checker): each invoice complete and
dated inside the spending window, payments present, dated inside the window and covering what was
invoiced, a contract, customs papers for imported equipment, and for hardware a nameplate photo per unit
and an asset tag. Per draft: a nameplate photo used for several lines, an invoice number already used on
another draft (given by the caller: the checker stays pure), and the applicant's required documents
(the list is pack data).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Protocol

from desktop.domain.codes import normalise_invoice
from desktop.domain.evidence import invoice_numbers
from desktop.domain.fieldpath import line_text, path_text
from desktop.domain.model import Draft, EquipmentLine
from desktop.domain.money import EXACT, ZERO
from desktop.rules.pack import Pack

_INVOICE_PARTS = (
    ("number", ("发票号码", "number")),
    ("date", ("开票日期", "date")),
    ("amount", ("不含税金额", "amount excluding VAT")),
)


class Out(Protocol):
    def add(self, rule: str, path: str, **params: str | tuple[str, str] | Decimal) -> None: ...


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def check_line_evidence(i: int, line: EquipmentLine, pack: Pack, out: Out) -> None:
    """The findings about one line's evidence (paths under `equipment[i]`, the line number as `line`)."""
    n = str(i + 1)
    base = line_text(i)
    start, end = pack.invoice_bounds
    window = {"start": start.isoformat(), "end": end.isoformat()}
    pay_start, pay_end = pack.payment_bounds
    pay_window = {"start": pay_start.isoformat(), "end": pay_end.isoformat()}
    invoiced = ZERO
    for j, invoice in enumerate(line.invoices):
        for part, label in _INVOICE_PARTS:
            value = getattr(invoice, part)
            if value is None or (isinstance(value, str) and not value.strip()):
                out.add("evidence_invoice_incomplete", path_text(base, "invoices", j, part), line=n,
                        invoice=str(j + 1), missing=label)
                break
        if invoice.date is not None and not start <= invoice.date <= end:
            out.add("evidence_invoice_outside_window", path_text(base, "invoices", j, "date"), line=n,
                    date=invoice.date.isoformat(), **window)
        if invoice.amount is not None:
            invoiced = EXACT.add(invoiced, invoice.amount)
    paid = ZERO
    for j, payment in enumerate(line.payments):
        if payment.date is not None and not pay_start <= payment.date <= pay_end:
            out.add("evidence_payment_outside_window", path_text(base, "payments", j, "date"), line=n,
                    date=payment.date.isoformat(), **pay_window)
        if payment.amount is not None:
            paid = EXACT.add(paid, payment.amount)
    if not line.payments:
        out.add("evidence_payment_missing", path_text(base, "payments"), line=n)
    elif paid < invoiced:
        out.add("evidence_underpaid", path_text(base, "payments"), line=n, paid=paid, invoiced=invoiced)
    if _blank(line.contract.number):
        out.add("evidence_contract_missing", path_text(base, "contract", "number"), line=n)
    if line.imported and _blank(line.customs_declaration):
        out.add("evidence_customs_missing", path_text(base, "customs_declaration"), line=n)
    if line.kind == "hardware":
        photos = sum(1 for f in line.files if f.kind == "nameplate_photo")
        units = line.quantity or 0
        if photos == 0:
            out.add("evidence_nameplate_missing", path_text(base, "files"), line=n)
        elif photos < units:
            out.add("evidence_nameplate_fewer", path_text(base, "files"), line=n, photos=str(photos), units=str(units))
        if _blank(line.asset_tag):
            out.add("evidence_asset_tag_missing", path_text(base, "asset_tag"), line=n)


def check_draft_evidence(draft: Draft, pack: Pack, out: Out, elsewhere: Mapping[str, str] | None) -> None:
    """The findings that need the whole draft (or what other drafts hold: `elsewhere` maps a normalised
    invoice number to the name of another draft that uses it)."""
    photos: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(draft.equipment):
        for j, f in enumerate(line.files):
            if f.kind == "nameplate_photo" and f.sha256:
                photos.setdefault(f.sha256, []).append((i, j))
        if elsewhere:
            for path, number in invoice_numbers(line):
                other = elsewhere.get(normalise_invoice(number))
                if other is not None:
                    out.add("evidence_invoice_elsewhere", line_text(i, path), line=str(i + 1),
                            number=number.strip(), draft=other)
    for places in photos.values():
        if len(places) < 2:
            continue
        for i, j in places:
            others = sorted({str(k + 1) for k, _ in places} - {str(i + 1)}, key=int)
            where = ", ".join(others[:5]) + (f" (+{len(others) - 5})" if len(others) > 5 else "")
            out.add("evidence_nameplate_shared", line_text(i, "files", j), line=str(i + 1),
                    others=where or (str(i + 1)))
    kinds = {a.kind for a in draft.attachments if a.kind}
    for doc in pack.required_documents:
        if not kinds.intersection(doc.kinds):
            out.add("required_document_missing", "attachments", document=(doc.zh, doc.en))
