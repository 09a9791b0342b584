"""Section 3: the equipment purchase list, one row per line, and its totals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportlab.lib.colors import Color

from desktop.domain import choices
from desktop.domain.model import Draft, EquipmentLine
from desktop.domain.money import format_yuan
from desktop.pdf.grid import Column, GridLayout, GridTable
from desktop.pdf.progress import Tally
from desktop.pdf.strings import t
from desktop.pdf.styles import EXCLUDED_FILL, HEADER_FILL
from desktop.rules.assessment import Assessment, LineResult, reason_label

# (label key, relative width, alignment): fixed widths, so no cell is ever measured twice.
_COLUMNS = (
    ("col_no", 3.2, "right"),
    ("col_name", 14.0, "left"),
    ("col_model", 8.8, "left"),
    ("col_supplier", 11.6, "left"),
    ("col_kind", 6.4, "left"),
    ("col_qty", 4.2, "right"),
    ("col_price", 9.6, "right"),
    ("col_currency", 6.0, "left"),
    ("col_amount", 10.4, "right"),
    ("col_date", 7.0, "left"),
    ("col_invoice", 13.1, "left"),
    ("col_counted", 8.8, "left"),
)


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,}"


def _currency(line: EquipmentLine) -> str:
    code = line.currency or "CNY"
    if line.exchange_rate is None:
        return code
    return f"{code}\n{line.exchange_rate}"


def _counted(result: LineResult, lang: str) -> str:
    if result.eligible:
        return t("yes", lang)
    reasons = "；".join(reason_label(r, lang) for r in result.reasons) if lang != "en" else "; ".join(
        reason_label(r, lang) for r in result.reasons
    )
    sep = ": " if lang == "en" else "："
    return t("no", lang) + (sep + reasons if reasons else "")


def _row(i: int, line: EquipmentLine, result: LineResult, lang: str) -> tuple[str, ...]:
    qty = "" if line.quantity is None else f"{line.quantity:,}"
    return (
        str(i + 1),
        line.name or "",
        line.model or "",
        line.supplier or "",
        choices.label(choices.KINDS, line.kind, "zh" if lang == "bilingual" else lang),
        qty,
        _number(line.unit_price),
        _currency(line),
        "" if result.amount is None else format_yuan(result.amount),
        "" if line.purchase_date is None else line.purchase_date.isoformat(),
        line.invoice_number or "",
        _counted(result, lang),
    )


def _total_row(draft: Draft, assessment: Assessment, lang: str) -> tuple[str, ...]:
    tot = assessment.totals
    label = f"{t('lines_total', lang)} ({len(draft.equipment):,} {t('lines_unit', lang)})"
    counted = f"{t('counted_total', lang, chr(10))}\n{format_yuan(tot.eligible)}"
    return ("", label, "", "", "", "", "", "", format_yuan(tot.declared), "", "", counted)


def equipment_table(
    draft: Draft, assessment: Assessment, lang: str, width: float, max_height: float, progress: Tally
) -> GridTable:
    """The list with a 合计 row at its foot (totals stay with the rows, never alone on a page)."""
    columns = [Column(t(key, lang, sep="\n"), share, align) for key, share, align in _COLUMNS]
    results = assessment.lines

    def rows() -> Iterator[tuple[str, ...]]:
        for i, line in enumerate(draft.equipment):
            yield _row(i, line, results[i], lang)
        yield _total_row(draft, assessment, lang)

    fills: list[Color | None] = [None if r.eligible else EXCLUDED_FILL for r in results]
    fills.append(HEADER_FILL)
    layout = GridLayout(columns, rows(), width, max_height, fills=fills, progress=progress, keep_last=True)
    return GridTable(layout, progress=progress)
