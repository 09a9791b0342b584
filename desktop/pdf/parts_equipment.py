"""设备购置明细表: the counted lines only, in the template's columns and order (the excluded lines
and why are in the self-check report). Contract, invoice and payment come from the line's evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Final

from desktop.domain import choices
from desktop.domain.model import Draft, EquipmentLine
from desktop.domain.money import format_yuan
from desktop.pdf.grid import Column, GridLayout, GridTable
from desktop.pdf.official import doc_date
from desktop.pdf.progress import Tally
from desktop.pdf.strings import t
from desktop.pdf.styles import HEADER_FILL
from desktop.rules.assessment import Assessment, LineResult

Cell = Callable[[EquipmentLine, LineResult, str], str]


def _dates(days: Sequence[date | None], lang: str) -> str:
    shown = sorted({d for d in days if d is not None})
    return "\n".join(doc_date(d, lang) for d in shown)


def _invoice_numbers(line: EquipmentLine, result: LineResult, lang: str) -> str:
    numbers = [i.number.strip() for i in line.invoices if i.number and i.number.strip()]
    if not numbers and line.invoice_number:
        numbers = [line.invoice_number.strip()]
    return "\n".join(dict.fromkeys(numbers))


def _invoice_dates(line: EquipmentLine, result: LineResult, lang: str) -> str:
    days = [i.date for i in line.invoices] or [line.purchase_date]
    return _dates(days, lang)


def _number(value: Decimal | int | None) -> str:
    return "" if value is None else f"{value:,}"


def _unit_price(line: EquipmentLine, result: LineResult, lang: str) -> str:
    """The price in its own currency, named when it is not CNY (the amount column is in CNY)."""
    price = _number(line.unit_price)
    code = (line.currency or "CNY").upper()
    return price if code == "CNY" or not price else f"{code} {price}"


def _currency(line: EquipmentLine, result: LineResult, lang: str) -> str:
    code = line.currency or "CNY"
    return code if line.exchange_rate is None else f"{code}\n{line.exchange_rate}"


def _imported(line: EquipmentLine, result: LineResult, lang: str) -> str:
    if line.imported is None:
        return ""
    return t("yes" if line.imported else "no", lang, "/")


def _kind(line: EquipmentLine, result: LineResult, lang: str) -> str:
    return choices.label(choices.KINDS, line.kind, "zh" if lang == "bilingual" else lang) if line.kind else ""


# id -> (label key, relative width, alignment, one line only, value)
COLUMN_SPECS: Final[dict[str, tuple[str, float, str, bool, Cell | None]]] = {
    "no": ("eq_no", 3.0, "right", True, None),
    "name": ("eq_name", 14.0, "left", False, lambda ln, r, lang: ln.name or ""),
    "model": ("eq_model", 9.0, "left", False, lambda ln, r, lang: ln.model or ""),
    "supplier": ("eq_supplier", 12.0, "left", False, lambda ln, r, lang: ln.supplier or ""),
    "kind": ("eq_kind", 6.0, "left", False, _kind),
    "quantity": ("eq_quantity", 4.0, "right", True, lambda ln, r, lang: _number(ln.quantity)),
    "unit_price": ("eq_unit_price", 9.0, "right", True, _unit_price),
    "currency": ("eq_currency", 6.0, "left", True, _currency),
    "amount": ("eq_amount", 10.0, "right", True,
               lambda ln, r, lang: "" if r.amount is None else format_yuan(r.amount)),
    "contract_number": ("eq_contract_number", 10.0, "left", True, lambda ln, r, lang: ln.contract.number or ""),
    "contract_date": ("eq_contract_date", 8.0, "left", True, lambda ln, r, lang: doc_date(ln.contract.date, lang)),
    "invoice_number": ("eq_invoice_number", 12.0, "left", True, _invoice_numbers),
    "invoice_date": ("eq_invoice_date", 8.0, "left", True, _invoice_dates),
    "payment_date": ("eq_payment_date", 8.0, "left", True,
                     lambda ln, r, lang: _dates([p.date for p in ln.payments], lang)),
    "imported": ("eq_imported", 7.0, "centre", False, _imported),
    "acceptance_date": ("eq_acceptance_date", 8.0, "left", True,
                        lambda ln, r, lang: doc_date(ln.acceptance_date, lang)),
    "asset_tag": ("eq_asset_tag", 9.0, "left", True, lambda ln, r, lang: ln.asset_tag or ""),
}


def _head(own: tuple[str, str] | None, key: str, lang: str) -> str:
    if own is None:
        return t(key, lang, "\n")
    zh, en = own
    return en if lang == "en" else f"{zh}\n{en}" if lang == "bilingual" else zh


def equipment_list(
    draft: Draft, assessment: Assessment, columns: Sequence[str], lang: str, width: float, max_height: float,
    progress: Tally, heading: Callable[[str], tuple[str, str] | None] = lambda column: None,
) -> GridTable | None:
    """The list of counted lines with a 合计 row; None when no line is counted. `heading(column)`: the
    notice's own (zh, en) heading of a column, else None (the program's)."""
    counted = [r for r in assessment.lines if r.eligible]
    if not counted:
        return None
    specs = [COLUMN_SPECS[c] for c in columns]
    heads = [Column(_head(heading(c), key, lang), share, align, nowrap)
             for c, (key, share, align, nowrap, _) in zip(columns, specs, strict=True)]

    def rows() -> Iterator[tuple[str, ...]]:
        for n, result in enumerate(counted, start=1):
            line = draft.equipment[result.index]
            yield tuple(str(n) if get is None else get(line, result, lang) for *_, get in specs)
        total = [""] * len(columns)
        first_text = next((i for i, c in enumerate(columns) if c not in ("no",)), 0)
        total[first_text] = f"{t('eq_total', lang)}（{len(counted):,}）" if lang != "en" else (
            f"{t('eq_total', lang)} ({len(counted):,})")
        if "amount" in columns:
            total[columns.index("amount")] = format_yuan(assessment.totals.eligible)
        if "quantity" in columns:
            sets = sum(draft.equipment[r.index].quantity or 0 for r in counted)
            total[columns.index("quantity")] = f"{sets:,}"
        yield tuple(total)

    fills = [None] * len(counted) + [HEADER_FILL]
    layout = GridLayout(heads, rows(), width, max_height, size=8, fills=fills, progress=progress, keep_last=True)
    return GridTable(layout, progress=progress)
