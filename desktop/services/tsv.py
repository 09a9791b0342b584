"""Blocks of equipment cells as tab-separated text, to and from spreadsheets. No Qt.

Excel and WPS put a selection on the clipboard as rows of tab-separated cells, quoting a cell that
holds a tab, a newline or a quote (a quote inside doubled). Reading a block never guesses silently: every cell
that cannot be read is returned as a CellProblem naming its row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.domain import choices
from desktop.domain.labels import FIELD_LABELS
from desktop.domain.model import EquipmentLine
from desktop.domain.money import AMOUNT_DIGITS, AMOUNT_LIMIT, WHOLE_LIMIT, parse_decimal

# The line fields in the order of the equipment table.
FIELDS: tuple[str, ...] = (
    "name", "model", "supplier", "kind", "use", "condition", "quantity", "unit_price",
    "currency", "exchange_rate", "purchase_date", "invoice_number",
)
ENUMS: dict[str, choices.Labels] = {"kind": choices.KINDS, "use": choices.USES, "condition": choices.CONDITIONS}
CURRENCY_WORDS = {"人民币": "CNY", "元": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD",
                  "港币": "HKD", "英镑": "GBP", "RMB": "CNY"}
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONEY_NOISE = re.compile(r"[¥￥,，\s]|元$")


class CellError(ValueError):
    """A cell's text is not a value of its field; the message says what was expected (zh, en)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class CellProblem:
    row: int  # 1-based row of the pasted block
    column: int  # 1-based column of the pasted block
    field: str
    text: str
    error: CellError

    def message(self, lang: str) -> str:
        label = FIELD_LABELS[f"equipment[].{self.field}"][1 if lang == "en" else 0]
        if lang == "en":
            return f'Row {self.row}, column {self.column} ({label}): "{self.text}" — {self.error.en}'
        return f"第 {self.row} 行第 {self.column} 列（{label}）：“{self.text}” —— {self.error.zh}"


# ---- the block itself
def split_block(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text; quoted cells may hold tabs and newlines."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            end = i + 1
            buf: list[str] = []
            while end < n:
                if text[end] == '"':
                    if end + 1 < n and text[end + 1] == '"':
                        buf.append('"')
                        end += 2
                        continue
                    break
                buf.append(text[end])
                end += 1
            if end < n and (end + 1 == n or text[end + 1] in "\t\r\n"):
                cell.append("".join(buf))
                i = end + 1
                at_cell_start = False
                continue
        at_cell_start = False
        if ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def _quote(cell: str) -> str:
    if any(c in cell for c in '\t\r\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def join_block(rows: list[list[str]]) -> str:
    """Clipboard text for rows of cells (the inverse of split_block)."""
    return "".join("\t".join(_quote(c) for c in row) + "\n" for row in rows)


# ---- one cell
def format_cell(field: str, value: Any, lang: str = "zh") -> str:
    """A value as a spreadsheet cell: labels for choices, plain decimals, ISO dates."""
    if value is None:
        return ""
    if field in ENUMS:
        return choices.label(ENUMS[field], value, lang)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _enum_key(field: str, text: str) -> str:
    table = ENUMS[field]
    folded = text.casefold()
    for key, (zh, en) in table.items():
        if folded in (key.casefold(), zh.casefold(), en.casefold()):
            return key
    shown = " / ".join(f"{zh}" for zh, _ in table.values())
    shown_en = " / ".join(en for _, en in table.values())
    raise CellError(f"应为 {shown}", f"expected one of {shown_en}")


def _decimal(text: str, zh_what: str, en_what: str) -> Decimal:
    cleaned = _MONEY_NOISE.sub("", text)
    scale = Decimal(1)
    if cleaned.endswith("万"):
        cleaned, scale = cleaned[:-1], Decimal(10000)
    value = parse_decimal(cleaned)
    if value is None:
        raise CellError(f"不是{zh_what}", f"not {en_what}")
    value = value * scale if scale != 1 else value
    if value.copy_abs() >= AMOUNT_LIMIT:
        raise CellError(f"数值过大（整数部分最多 {AMOUNT_DIGITS} 位）", f"too large (at most {AMOUNT_DIGITS} digits)")
    return value


def parse_cell(field: str, text: str) -> Any:
    """The value of `field` a cell's text stands for; None for an empty cell; CellError otherwise."""
    s = text.strip()
    if not s:
        return None
    if field in ENUMS:
        return _enum_key(field, s)
    if field == "quantity":
        value = _decimal(s, "整数", "a whole number")
        if value != value.to_integral_value():
            raise CellError("数量应为整数", "the quantity must be a whole number")
        if abs(value) > WHOLE_LIMIT:
            raise CellError("数量过大", "the quantity is too large")
        return int(value)
    if field == "unit_price":
        return _decimal(s, "金额（如 1250000.00）", "an amount (like 1250000.00)")
    if field == "exchange_rate":
        return _decimal(s, "汇率（如 7.1234）", "an exchange rate (like 7.1234)")
    if field == "currency":
        code = CURRENCY_WORDS.get(s, s.upper())
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise CellError("应为三位币种代码（如 CNY、USD）", "expected a three-letter currency code (CNY, USD)")
        return code
    if field == "purchase_date":
        m = _DATE.match(s)
        try:
            if m is None:
                raise ValueError(s)
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise CellError("不是日期（如 2025-10-15）", "not a date (like 2025-10-15)") from None
    return s


# ---- rows of lines
def is_header(row: list[str], first_field: int = 0) -> bool:
    """True when a row names the columns (copied with the table's header) rather than holding values."""
    hits = 0
    for offset, cell in enumerate(row):
        index = first_field + offset
        if index >= len(FIELDS) or not cell.strip():
            continue
        zh, en = FIELD_LABELS[f"equipment[].{FIELDS[index]}"]
        if cell.strip().casefold() in (zh.casefold(), en.casefold(), FIELDS[index]):
            hits += 1
    return hits >= max(1, min(2, len([c for c in row if c.strip()])))


def rows_to_values(
    rows: list[list[str]], first_field: int = 0
) -> tuple[list[dict[str, Any]], list[CellProblem]]:
    """For each row, {field: value} of the cells that fall on a field, and every cell that did not read.

    Cells past the last field are reported too (a block wider than the table is not cut silently)."""
    values: list[dict[str, Any]] = []
    problems: list[CellProblem] = []
    for r, row in enumerate(rows, start=1):
        out: dict[str, Any] = {}
        for c, text in enumerate(row, start=1):
            index = first_field + c - 1
            if index >= len(FIELDS):
                if text.strip():
                    problems.append(CellProblem(r, c, FIELDS[-1], text, CellError(
                        "超出表格的最后一列", "beyond the last column of the table")))
                continue
            field = FIELDS[index]
            try:
                out[field] = parse_cell(field, text)
            except CellError as exc:
                problems.append(CellProblem(r, c, field, text, exc))
                out[field] = None
        values.append(out)
    return values, problems


def line_with(base: EquipmentLine | None, values: dict[str, Any]) -> EquipmentLine:
    line = EquipmentLine() if base is None else EquipmentLine(**{f: getattr(base, f) for f in FIELDS})
    for field, value in values.items():
        setattr(line, field, value)
    return line


def lines_to_rows(lines: list[EquipmentLine], fields: list[str], lang: str = "zh") -> list[list[str]]:
    return [[format_cell(f, getattr(line, f), lang) for f in fields] for line in lines]
