"""Blocks of equipment cells as tab-separated text, to and from spreadsheets. No Qt.

Excel and WPS put a selection on the clipboard as rows of tab-separated cells, quoting a cell that
holds a tab, a newline or a quote (a quote inside doubled). A block whose first row names its columns
is mapped by those names (the ledger importer's names, and the table's own titles); without one, cells
go by position from the current column. Every cell is read by the program's one value reader
(desktop.domain.values); a cell that cannot be read is returned as a CellProblem naming the table's
line and the column.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain import choices
from desktop.domain import values as reader
from desktop.domain.fieldpath import ANY, line_text
from desktop.domain.fields import FIELD_LABELS, number_limit, text_limit, without_refused
from desktop.domain.lang import choose
from desktop.domain.model import EquipmentLine
from desktop.importers.header import Header, auto_mapping, normalise
from desktop.importers.mapping import MappingStore

# The line fields in the order of the equipment table.
FIELDS: tuple[str, ...] = (
    "name", "model", "supplier", "kind", "use", "condition", "quantity", "unit_price",
    "currency", "exchange_rate", "purchase_date", "invoice_number",
)
ENUMS: dict[str, choices.Labels] = {"kind": choices.KINDS, "use": choices.USES, "condition": choices.CONDITIONS}
CURRENCY_WORDS = reader.CURRENCY_NAMES
# The table's own short column titles (a block copied from this program with its header).
SHORT_TITLES = {"purchase_date": ("购置日期", "Purchase date"), "unit_price": ("单价", "Unit price"),
                "invoice_number": ("发票号", "Invoice no."), "exchange_rate": ("汇率", "Rate")}


class CellError(ValueError):
    """A cell's text is not a value of its field; the message says what is wrong and what is accepted."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def text(self, lang: str) -> str:
        return choose(lang, self.zh, self.en)


def column_name(field: str, lang: str) -> str:
    return choose(lang, *FIELD_LABELS[line_text(ANY, field)])


@dataclass(frozen=True, slots=True)
class CellProblem:
    line: int  # 1-based line of the equipment table the cell was meant for
    field: str | None  # None: the cell fell beyond the table's last column
    text: str
    error: CellError

    def message(self, lang: str) -> str:
        label = column_name(self.field, lang) if self.field else choose(lang, "最后一列之外", "beyond the last column")
        return choose(lang, f"第 {self.line} 行「{label}」：{self.error.zh}",
                      f"Line {self.line}, {label}: {self.error.en}")


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
    raise CellError(f"“{text}”不是可选项：请选择 {shown}", f'"{text}" is not one of the choices: choose {shown_en}')


def _read(field: str, s: str) -> Any:
    if field == "quantity":
        return reader.read_quantity(s)
    if field == "unit_price":
        return reader.read_money(s, fen=True)
    if field == "exchange_rate":
        return reader.read_rate(s)
    if field == "currency":
        return reader.read_currency(s)
    return reader.read_date(s)


def parse_cell(field: str, text: str) -> Any:
    """The value of `field` a cell's text stands for; None for an empty cell; CellError otherwise."""
    s = text.strip()
    if not s:
        return None
    if field in ENUMS:
        return _enum_key(field, s)
    if field in ("quantity", "unit_price", "exchange_rate", "currency", "purchase_date"):
        try:
            value = _read(field, s)
        except reader.Unreadable as exc:
            raise CellError(exc.message("zh"), exc.message("en")) from None
        limit = number_limit(line_text(ANY, field))
        if limit is not None and value > limit.maximum:
            top = f"{limit.maximum:,}"
            raise CellError(f"「{s}」超过上限 {top}", f'"{s}" is above the limit of {top}')
        return value
    return _text_cell(field, s)


def _text_cell(field: str, s: str) -> str:
    """A name or number as written, without hidden control or direction characters; not past its limit."""
    path = line_text(ANY, field)
    s = without_refused(path, s).strip()
    limit = text_limit(path)
    if limit is not None and len(s) > limit.max_length:
        n = limit.max_length
        raise CellError(f"有 {len(s)} 个字符，超过上限 {n} 个：请删减",
                        f"has {len(s)} characters, more than {n}; shorten it")
    return s


# ---- which column holds what
def _own_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for f in FIELDS:
        zh, en = FIELD_LABELS[line_text(ANY, f)]
        for name in (zh, en, f, *SHORT_TITLES.get(f, ())):
            names[normalise(name)] = f
    return names


_OWN = _own_names()


def header_fields(row: list[str]) -> dict[int, str | None]:
    """For each non-empty cell of a row read as a header: the table field it names, or None (a column the
    table has no place for, such as 金额 or 税率, or a name not known)."""
    ledger = auto_mapping(row)
    out: dict[int, str | None] = {}
    taken: set[str] = set()
    for c, cell in enumerate(row):
        if not cell.strip():
            continue
        found = _OWN.get(normalise(cell)) or ledger.get(c)
        found = found if found in FIELDS and found not in taken else None
        if found:
            taken.add(found)
        out[c] = found
    return out


def is_header(row: list[str], first_field: int = 0) -> bool:
    """True when a row names the columns (copied with its header) rather than holding values: at least half
    of its filled cells name fields."""
    named = header_fields(row)
    hits = sum(1 for f in named.values() if f)
    return hits >= 1 and 2 * hits >= len(named)


@dataclass(slots=True)
class PastePlan:
    """How a block goes into the table: its value rows, and which block column feeds which field."""

    rows: list[list[str]]
    columns: dict[int, str]  # block column -> field
    header: list[str] | None = None  # the header row, when the block had one
    unused: list[int] = dataclasses.field(default_factory=list)  # header columns that feed no field
    first_field: int = 0
    remembered: bool = False  # the columns are those confirmed before for this header

    @property
    def certain(self) -> bool:
        """A header whose every named column was recognised (or was confirmed before) needs no
        confirmation; no header either."""
        return self.header is None or self.remembered or not self.unused

    @property
    def layout_key(self) -> str:
        """The importer's key for this header layout (the same file remembers mappings for both)."""
        return Header(0, 0, tuple(c.strip() for c in self.header or ())).layout_key

    def remember(self, store: MappingStore) -> None:
        store.remember(self.layout_key, tuple(self.header or ()), self.columns)


def plan_paste(block: str, first_field: int = 0, store: MappingStore | None = None) -> PastePlan:
    """How a block goes in: by its header's names (or the mapping confirmed before for the same header,
    from `store`), else by position from `first_field`."""
    rows = [r for r in split_block(block) if any(c.strip() for c in r)]
    if rows and is_header(rows[0], first_field):
        named = header_fields(rows[0])
        columns = {c: f for c, f in named.items() if f}
        unused = [c for c, f in named.items() if not f]
        plan = PastePlan(rows[1:], columns, rows[0], unused, first_field)
        recalled = store.recall(plan.layout_key, len(rows[0])) if store is not None and unused else None
        if recalled:
            plan.columns = {c: f for c, f in recalled.items() if f in FIELDS}
            plan.unused = [c for c in named if c not in plan.columns]
            plan.remembered = True
        return plan
    width = max((len(r) for r in rows), default=0)
    columns = {c: FIELDS[first_field + c] for c in range(width) if first_field + c < len(FIELDS)}
    return PastePlan(rows, columns, None, [], first_field)


def _cleaned(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def rows_to_values(
    rows: list[list[str]], first_field: int = 0, *, columns: dict[int, str] | None = None, first_line: int = 1,
) -> tuple[list[dict[str, Any]], list[CellProblem]]:
    """For each row, {field: value} of the cells that fall on a field, and every cell that did not read,
    named by the table line it was meant for (`first_line` for the first row) and the column.

    Without `columns`, cells go by position from `first_field`; cells past the last field are reported
    (a block wider than the table is not cut silently)."""
    values: list[dict[str, Any]] = []
    problems: list[CellProblem] = []
    for r, row in enumerate(rows):
        line = first_line + r
        out: dict[str, Any] = {}
        for c, text in enumerate(row):
            if columns is not None:
                target: str | None = columns.get(c)
                if target is None:
                    continue
            else:
                index = first_field + c
                if index >= len(FIELDS):
                    if text.strip():
                        problems.append(CellProblem(line, None, text, CellError(
                            f"“{text}”在表格最后一列之外，未粘贴", f'"{text}" is beyond the last column; not pasted')))
                    continue
                target = FIELDS[index]
            try:
                out[target] = parse_cell(target, _cleaned(text))
            except CellError as exc:
                problems.append(CellProblem(line, target, text, exc))
                out[target] = None
        values.append(out)
    return values, problems


def line_with(base: EquipmentLine | None, values: dict[str, Any]) -> EquipmentLine:
    line = EquipmentLine() if base is None else EquipmentLine(**{f: getattr(base, f) for f in FIELDS})
    for field, value in values.items():
        setattr(line, field, value)
    return line


def lines_to_rows(lines: list[EquipmentLine], fields: list[str], lang: str = "zh") -> list[list[str]]:
    return [[format_cell(f, getattr(line, f), lang) for f in fields] for line in lines]
