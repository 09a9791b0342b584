"""The equipment list as an .xlsx workbook a finance office can read and this program can import again.

Typed cells: quantities and money as numbers with number formats, dates as dates, texts as text (an
invoice number stays text, so no digit is lost); Chinese headers the importer recognises; a totals row
that the importer recognises and skips. Importing the file gives back the same lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from desktop.domain import choices
from desktop.domain.model import EquipmentLine
from desktop.domain.money import round_half_up

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0.0000######"
TOTALS_LABEL = "合计"

# (header, width) in column order; the importer maps every header but 序号 and 折合人民币金额.
COLUMNS = (
    ("序号", 6), ("设备名称", 28), ("规格型号", 18), ("供应商", 28), ("类型", 10), ("用途", 8), ("新旧", 8),
    ("数量", 8), ("不含税单价", 16), ("不含税金额", 16), ("币种", 8), ("汇率", 10), ("折合人民币金额", 18),
    ("购置日期", 12), ("发票号码", 24),
)


def _label(table: choices.Labels, key: str | None) -> str | None:
    return None if key is None else choices.label(table, key, "zh")


def _amounts(line: EquipmentLine) -> tuple[Decimal | None, Decimal | None]:
    """Quantity × unit price in the line's currency, and in CNY (× rate, rounded half-up to the fen)."""
    if line.quantity is None or line.unit_price is None:
        return None, None
    amount = line.unit_price * line.quantity
    currency = (line.currency or "CNY").upper()
    if currency == "CNY":
        return amount, round_half_up(amount)
    if line.exchange_rate is None:
        return amount, None
    return amount, round_half_up(amount * line.exchange_rate)


class _Row:
    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.cells: list[WriteOnlyCell] = []

    def add(self, value: Any, number_format: str | None = None, bold: bool = False) -> None:
        cell = WriteOnlyCell(self.sheet)
        if isinstance(value, str):
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell.data_type = "s"  # text, even when it begins with "=" (never a formula)
        else:
            cell.value = value
        if number_format is not None and value is not None:
            cell.number_format = number_format
        if bold:
            cell.font = Font(bold=True)
        self.cells.append(cell)


def write_lines_xlsx(lines: Iterable[EquipmentLine], out: BinaryIO, sheet_title: str = "设备购置清单") -> int:
    """Write the lines to `out` as a workbook; the number of lines written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    head = _Row(sheet)
    for title, _ in COLUMNS:
        head.add(title, bold=True)
        head.cells[-1].alignment = Alignment(horizontal="center")
    sheet.append(head.cells)
    count = 0
    total_quantity = 0
    total_cny = Decimal(0)
    for count, line in enumerate(lines, 1):
        amount, amount_cny = _amounts(line)
        row = _Row(sheet)
        row.add(count, "0")
        for value in (line.name, line.model, line.supplier, _label(choices.KINDS, line.kind),
                      _label(choices.USES, line.use), _label(choices.CONDITIONS, line.condition)):
            row.add(value)
        row.add(line.quantity, "0")
        row.add(line.unit_price, MONEY_FORMAT)
        row.add(amount, MONEY_FORMAT)
        row.add(line.currency)
        row.add(line.exchange_rate, RATE_FORMAT)
        row.add(amount_cny, MONEY_FORMAT)
        row.add(line.purchase_date, DATE_FORMAT)
        row.add(line.invoice_number)
        sheet.append(row.cells)
        total_quantity += line.quantity or 0
        total_cny += amount_cny or 0
    totals = _Row(sheet)
    totals.add(TOTALS_LABEL, bold=True)
    for _ in range(6):
        totals.add(None)
    totals.add(total_quantity, "0", bold=True)
    for _ in range(4):
        totals.add(None)
    totals.add(total_cny, MONEY_FORMAT, bold=True)
    sheet.append(totals.cells)
    workbook.save(out)
    return count
