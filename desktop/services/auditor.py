"""Hand-off to the auditor: the 支出明细及票据清单 (one row per counted line with every contract, invoice
and payment reference, in a fixed column order) and an evidence ZIP organised by line and kind with a
SHA256SUMS manifest (`sha256sum -c SHA256SUMS` checks it).

Counted lines are those the checker counts (eligible); their order and numbers are the draft's.
"""

from __future__ import annotations

import hashlib
import io
import stat
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop.domain import choices
from desktop.domain.fieldpath import ANY, line_text
from desktop.domain.fields import CATALOGUE, column_label
from desktop.domain.model import Draft, EquipmentLine
from desktop.files import write_atomic_with
from desktop.pdf.names import safe_file_name
from desktop.rules.assessment import Assessment
from desktop.storage.files_store import FileStore

SHEET_TITLE = "支出明细及票据清单"


def _name(field: str, column: bool = False) -> str:
    """The Chinese name of a line's field in the field catalogue (or of its ledger column)."""
    label = column_label(field) if column else CATALOGUE[line_text(ANY, field)].label
    if label is None:
        raise KeyError(f"no catalogue name for the line field {field!r}")
    return label.zh


MONEY = "#,##0.00"
SEP = "\n"  # several references in one cell, one per line
# (header, width), in this order always: auditors' templates refer to columns by letter.
# The headers of the line's own values are the field catalogue's names (the model as the ledgers call it).
COLUMNS: tuple[tuple[str, int], ...] = (
    ("序号", 6), ("草稿行号", 8), (_name("name"), 26), (_name("model", column=True), 16), (_name("supplier"), 24),
    (_name("kind"), 8), (_name("quantity"), 6), ("计入金额（元，不含税）", 16), (_name("contract.number"), 18),
    (_name("contract.date"), 12), (_name("invoices[].number"), 24), (_name("invoices[].date"), 12),
    (_name("invoices[].amount"), 16), ("发票金额合计", 16), (_name("payments[].date"), 12),
    (_name("payments[].amount"), 16), (_name("payments[].method"), 10), ("已付合计", 16),
    (_name("acceptance_date"), 12), (_name("asset_tag"), 14), (_name("location"), 18), (_name("imported"), 8),
    (_name("customs_declaration"), 20), (_name("files"), 36),
)
TOTALS_LABEL = "合计"
_WRAP = Alignment(wrap_text=True, vertical="top")  # shared: openpyxl interns styles per object
_BOLD = Font(bold=True)


def counted_lines(draft: Draft, assessment: Assessment) -> Iterator[tuple[int, EquipmentLine, Decimal]]:
    """(index, line, amount) of each line the checker counts, in the draft's order."""
    for result in assessment.lines:
        if result.eligible and result.amount is not None and result.index < len(draft.equipment):
            yield result.index, draft.equipment[result.index], result.amount


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, ",.2f")
    return str(value)


def _joined(values: list[Any]) -> str | None:
    texts = [_text(v) or "—" for v in values]
    return SEP.join(texts) if texts else None


def line_cells(number: int, index: int, line: EquipmentLine, amount: Decimal) -> list[Any]:
    """The row of one counted line, in COLUMNS order (money totals as Decimals, references as text)."""
    invoices, payments = line.invoices, line.payments
    numbers = [i.number for i in invoices]
    if line.invoice_number and line.invoice_number not in numbers:  # the grant-draft/1 field
        numbers.insert(0, line.invoice_number)
    invoiced = sum((i.amount for i in invoices if i.amount is not None), Decimal(0))
    paid = sum((p.amount for p in payments if p.amount is not None), Decimal(0))
    files = [f"{choices.label(choices.LINE_FILE_KINDS, f.kind, 'zh')}：{f.name or (f.sha256 or '')[:12]}"
             for f in line.files]
    return [
        number, index + 1, line.name, line.model, line.supplier, choices.label(choices.KINDS, line.kind, "zh") or None,
        line.quantity, amount, line.contract.number, _text(line.contract.date), _joined(numbers),
        _joined([i.date for i in invoices]), _joined([i.amount for i in invoices]),
        invoiced if invoices else None, _joined([p.date for p in payments]), _joined([p.amount for p in payments]),
        _joined([choices.label(choices.PAYMENT_METHODS, p.method, "zh") or None for p in payments]),
        paid if payments else None, _text(line.acceptance_date), line.asset_tag, line.location,
        None if line.imported is None else ("是" if line.imported else "否"), line.customs_declaration,
        _joined(files),
    ]


_MONEY_COLUMNS = {7, 13, 17}


def _cell(sheet: Any, value: Any, column: int, bold: bool = False) -> Any:
    """What to append for one cell: the value itself when openpyxl makes of it the cell wanted (unstyled
    text, a number, nothing), else a styled WriteOnlyCell (openpyxl's append tries each cell object as a
    value first and fails with an exception, the bulk of the cost of a workbook of cells)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if not bold and SEP not in value and not value.startswith("=") and value not in ERROR_CODES:
            return value  # openpyxl types it as text ("s") as below
    elif not bold and (value is None or column not in _MONEY_COLUMNS):
        return value
    cell = WriteOnlyCell(sheet)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text, even when it begins with "=" (never a formula)
        if SEP in value:
            cell.alignment = _WRAP
    else:
        cell.value = value
        if column in _MONEY_COLUMNS and value is not None:
            cell.number_format = MONEY
    if bold:
        cell.font = _BOLD
    return cell


def write_expense_list(draft: Draft, assessment: Assessment, out: BinaryIO) -> int:
    """The 支出明细及票据清单 as a workbook (openpyxl write-only); the number of lines listed."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for i, (_, width) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "C2"
    sheet.append([_cell(sheet, title, i, bold=True) for i, (title, _) in enumerate(COLUMNS)])
    count, total, invoiced, paid = 0, Decimal(0), Decimal(0), Decimal(0)
    for count, (index, line, amount) in enumerate(counted_lines(draft, assessment), 1):
        values = line_cells(count, index, line, amount)
        sheet.append([_cell(sheet, v, i) for i, v in enumerate(values)])
        total += amount
        invoiced += values[13] or 0
        paid += values[17] or 0
    totals: list[Any] = [None] * len(COLUMNS)
    totals[0], totals[7], totals[13], totals[17] = TOTALS_LABEL, total, invoiced, paid
    sheet.append([_cell(sheet, v, i, bold=True) for i, v in enumerate(totals)])
    workbook.save(out)
    return count


def expense_list_bytes(draft: Draft, assessment: Assessment) -> bytes:
    buffer = io.BytesIO()
    write_expense_list(draft, assessment, buffer)
    return buffer.getvalue()


# --- the evidence ZIP --------------------------------------------------------------------------------

def _folder(number: int, index: int, line: EquipmentLine) -> str:
    return safe_file_name(line.name or "", prefix=f"{number:03d}-第{index + 1}行-", max_bytes=120, fallback="设备")


def evidence_entries(draft: Draft, assessment: Assessment) -> list[tuple[str, str]]:
    """(path in the ZIP, sha256) of every file of the counted lines (by line, then kind) and of the
    applicant's documents, in a fixed order; names made safe and never clashing."""
    out: list[tuple[str, str]] = []
    used: set[str] = set()

    def add(folder: str, kind: str, k: int, name: str | None, digest: str | None) -> None:
        if not digest:
            return
        base = f"{folder}/{kind}/{safe_file_name(name or digest[:16], prefix=f'{k:02d}-', max_bytes=150)}"
        path = base
        n = 2
        while path in used:
            path, n = f"{base}~{n}", n + 1
        used.add(path)
        out.append((path, digest))

    for number, (index, line, _) in enumerate(counted_lines(draft, assessment), 1):
        folder = _folder(number, index, line)
        for kind in choices.LINE_FILE_KINDS:
            for k, f in enumerate((f for f in line.files if f.kind == kind), 1):
                add(folder, kind, k, f.name, f.sha256)
    for k, a in enumerate(draft.attachments, 1):
        add("申报主体材料", a.kind or "other", k, a.name, a.sha256)
    return out


def write_evidence_zip(
    draft: Draft, assessment: Assessment, store: FileStore, output: Any, *, created: datetime | None = None
) -> list[str]:
    """The evidence ZIP (whole or not at all): the files from the store, the expense list, SHA256SUMS.
    Returns the digests not in the store (listed in MISSING.txt inside the ZIP, not invented)."""
    entries = evidence_entries(draft, assessment)
    stamp = (1980, 1, 1, 0, 0, 0) if created is None else created.timetuple()[:6]
    sheet = expense_list_bytes(draft, assessment)
    missing: list[str] = []

    def info(name: str) -> zipfile.ZipInfo:
        i = zipfile.ZipInfo(name, date_time=stamp)
        i.compress_type = zipfile.ZIP_DEFLATED
        i.external_attr = (stat.S_IFREG | 0o644) << 16
        return i

    def produce(fh: BinaryIO) -> None:
        sums = [(hashlib.sha256(sheet).hexdigest(), f"{SHEET_TITLE}.xlsx")]
        with zipfile.ZipFile(fh, "w") as z:
            z.writestr(info(f"{SHEET_TITLE}.xlsx"), sheet)
            for path, digest in entries:
                if not store.has(digest):
                    missing.append(f"{digest}  {path}")
                    continue
                z.writestr(info(path), store.read(digest))
                sums.append((digest, path))
            if missing:
                head = "未在文件库中的文件 / files not in the store:\n"
                z.writestr(info("MISSING.txt"), head + "\n".join(missing) + "\n")
            z.writestr(info("SHA256SUMS"), "".join(f"{d}  {p}\n" for d, p in sums))

    write_atomic_with(output, produce)
    return missing
