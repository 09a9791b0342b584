"""The preview of an import: the lines it would add, the problems by row and column, the notes.

Nothing here touches a draft; `Preview.apply` returns a new draft with the good lines added, and only
the caller decides to call it.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from desktop.domain.model import Draft, EquipmentLine
from desktop.domain.money import round_half_up
from desktop.importers.convert import MONEY_FIELDS, PRICE_FIELDS, REQUIRED, Converted, RowConverter
from desktop.importers.errors import ImportRefused
from desktop.importers.header import Header, column_letter, in_wan, normalise
from desktop.importers.problems import Note, Problem
from desktop.importers.table import SourceRow, Table
from desktop.importers.values import WAN, day_month_order, is_blank
from desktop.progress import Progress

# Notes whose rows became lines (the rest name rows left out).
KEPT_NOTES = frozenset({"derived_unit_from_amount", "derived_unit_from_gross", "derived_amount_from_gross", "merged",
                        "category_removed", "rate_derived", "paper_invoice", "discount", "services_included",
                        "cards_grouped", "price_from_amount"})
_NOTE_PREFIXES = ("注:", "注：", "注1", "注 ", "说明:", "说明：", "备注:", "备注：", "note:", "notes:", "note ")
_COLUMN_NUMBER = re.compile(r"^[(（]?\d{1,2}[)）]?$|^[甲乙丙丁]$|^栏次$")
_UNITS_ROW = re.compile(r"(金额)?单位\s*[:：]\s*(人民币)?\s*万元|[(（]\s*万元\s*[)）]"
                        r"|in\s*(cny|rmb)?\s*10,?000|rmb\s*'?0000")
_TOTALS_PREFIXES = ("合计", "总计", "小计", "共计", "累计")
_TOTALS_WORDS = frozenset({"total", "totals", "subtotal", "grandtotal", "sum"})


@dataclass
class Preview:
    source: str
    kind: str
    sheet: str | None
    sheets: tuple[str, ...]
    encoding: str | None
    delimiter: str | None
    header: Header
    mapping: dict[int, str]
    remembered: bool = False
    lines: list[EquipmentLine] = field(default_factory=list)
    line_rows: list[int] = field(default_factory=list)  # the spreadsheet row of each line
    derivations: list[tuple[str, ...]] = field(default_factory=list)  # note codes of each line
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    bad_rows: list[int] = field(default_factory=list)
    missing: tuple[str, ...] = ()  # fields no column feeds although every line needs them
    services: list[tuple[int, EquipmentLine]] = field(default_factory=list)  # proposed as excluded
    include_services: bool = False  # the user chose to import them all the same
    files: dict[str, Path] = field(default_factory=dict)  # SHA-256 -> invoice file, to keep in the file store

    @property
    def complete(self) -> bool:
        """Every data row became a line."""
        return not self.problems and not self.missing

    @property
    def chosen_lines(self) -> list[EquipmentLine]:
        """The lines to add: the equipment lines, and the service-like rows when the user includes them."""
        if not self.include_services or not self.services:
            return list(self.lines)
        rows = sorted([*zip(self.line_rows, self.lines, strict=True), *self.services], key=lambda p: p[0])
        return [line for _, line in rows]

    def skipped(self, lang: str = "en") -> list[tuple[int, str]]:
        """Every row left out, with its reason (row numbers in order)."""
        out = [(p.row, p.text(lang)) for p in self.problems]
        for note in self.notes:
            out.extend((row, note.message(lang)) for row in note.rows
                       if note.code not in KEPT_NOTES)
        return sorted(out, key=lambda item: item[0])

    def apply(self, draft: Draft) -> Draft:
        """A new draft: `draft` with the good lines added after its own."""
        return dataclasses.replace(draft, equipment=[*draft.equipment, *self.chosen_lines])


def is_totals_row(values: list[object]) -> bool:
    for value in values:
        if value is None:
            continue
        if type(value) is not str:
            return False
        word = "".join(unicodedata.normalize("NFKC", value).lower().split()).rstrip(":")
        if not word:
            continue
        return word.startswith(_TOTALS_PREFIXES) or word in _TOTALS_WORDS
    return False


@dataclass(frozen=True, slots=True)
class Options:
    """What the user decides: group one-card-per-unit rows, import the service-like rows, the date order."""

    group_cards: bool = False
    include_services: bool = False
    date_order: str | None = None  # "dmy" or "mdy" for dates such as 03.11.2025


def is_own_export(header: Header) -> bool:
    """The header of this program's export-lines: its lines were decided in the program, read as written."""
    from desktop.importers.xlsx_export import COLUMNS

    return header.top is None and header.texts == tuple(title for title, _ in COLUMNS)


def one_per_card(mapping: dict[int, str], header: Header) -> bool:
    """An asset-card list: no quantity column, but an asset code or an 原值 (original value) column."""
    fed = set(mapping.values())
    if "quantity" in fed:
        return False
    return "asset_code" in fed or any(normalise(header.label(c)) in ("原值", "资产原值") for c in mapping)


def missing_fields(mapping: dict[int, str], cards: bool = False) -> tuple[str, ...]:
    fed = set(mapping.values())
    missing = [f for f in REQUIRED if f not in fed and not (f == "quantity" and cards)]
    if not fed & set(PRICE_FIELDS):
        missing.append("unit_price")
    return tuple(missing)


def is_notes_row(values: list[object]) -> bool:
    """注：…, 说明：…: a note written across the table (one or two cells with words)."""
    filled = [value for value in values if value is not None]
    if not filled or len({str(x) for x in filled}) > 2 or type(filled[0]) is not str:  # a merged note: one text
        return False
    word = unicodedata.normalize("NFKC", filled[0]).strip().lower()
    return word.startswith(_NOTE_PREFIXES) or word in ("注", "说明", "备注")


def is_column_numbers(values: list[object]) -> bool:
    """A row of column numbers under a header (1 2 3 …, (1) (2), 甲 乙, 栏次)."""
    filled = [value for value in values if value is not None]
    if len(filled) < 3:
        return False
    return all((type(x) is int or type(x) is str or isinstance(x, Decimal))
               and _COLUMN_NUMBER.match(unicodedata.normalize("NFKC", str(x)).strip()) for x in filled)


def units_row(rows: list[SourceRow]) -> tuple[int, str] | None:
    """A title or units row above the header stating 万元: (its row number, the words)."""
    for row in rows:
        for value in row.values:
            if type(value) is str and _UNITS_ROW.search(unicodedata.normalize("NFKC", value).lower()):
                return row.number, value.strip()
    return None


def _fill_merged(table: Table, header: Header, notes: list[Note]) -> None:
    """A merged cell below the header (one supplier over three rows) gives its value to each row."""
    below = [m for m in table.merged if m[1] > header.row]
    if not below:
        return
    by_number = {row.number: row for row in table.rows}
    refs: list[str] = []
    rows: set[int] = set()
    for min_col, min_row, max_col, max_row in below:
        top = by_number.get(min_row)
        if top is None or len(top.values) < min_col or top.values[min_col - 1] is None:
            continue
        value = top.values[min_col - 1]
        for number in range(min_row, max_row + 1):
            target = by_number.get(number)
            if target is None:
                continue
            if len(target.values) < max_col:
                target.values.extend([None] * (max_col - len(target.values)))
            for col in range(min_col, max_col + 1):
                target.values[col - 1] = value
            rows.add(number)
        refs.append(f"{column_letter(min_col - 1)}{min_row}:{column_letter(max_col - 1)}{max_row}")
    if refs:
        shown = ", ".join(refs[:3]) + ("…" if len(refs) > 3 else "")
        notes.append(Note("merged", sorted(rows), (("ref", shown),)))


def _date_order(table: Table, header: Header, mapping: dict[int, str], options: Options) -> str | None:
    """The order of the date column's day-month-year dates: as the user said, else as its values decide."""
    column = next((c for c, f in mapping.items() if f == "purchase_date"), None)
    if column is None or options.date_order is not None:
        return options.date_order
    seen: set[str] = set()
    for row in table.rows[header.index + 1:]:
        if column < len(row.values):
            said = day_month_order(row.values[column])
            if said is not None:
                seen.add(said)
    decided = seen & {"dmy", "mdy"}
    if len(decided) == 1:
        return decided.pop()
    if decided or "either" in seen:
        where = f"{column_letter(column)} ({header.label(column)})"
        why_en = ("holds both day-first and month-first dates" if decided else
                  "has dates such as 03.11.2025 that read both day-first and month-first, and none decides it")
        why_zh = ("日/月与月/日两种写法都有" if decided else
                  "的日期（如 03.11.2025）既可读作日/月也可读作月/日，无法判断")
        raise ImportRefused(
            table.source, f"column {where} {why_en}; say which with --date-order dmy (day first) or mdy (month first)",
            f"{column_letter(column)} 列（{header.label(column)}）{why_zh}；"
            "请用 --date-order dmy（日在前）或 mdy（月在前）指明",
        )
    return None


def build_preview(table: Table, header: Header, mapping: dict[int, str], remembered: bool = False,
                  progress: Progress | None = None, options: Options | None = None,
                  notes: list[Note] | None = None) -> Preview:
    options = options or Options()
    preview = Preview(table.source, table.kind, table.sheet, table.sheets, table.encoding, table.delimiter,
                      header, dict(mapping), remembered, include_services=options.include_services)
    if table.sheet_looks:
        others = "; ".join(f'"{n}": {en}' for n, _, en in table.sheet_looks if n != table.sheet)
        others_zh = "；".join(f"「{n}」：{zh}" for n, zh, _ in table.sheet_looks if n != table.sheet)
        preview.notes.append(Note("sheet_chosen", args=(("sheet", table.sheet or ""), ("others", others),
                                                        ("others_zh", others_zh))))
    if header.top is not None:
        preview.notes.append(Note("header_two_rows", args=(("rows", header.rows_text),)))
    preview.notes.extend(notes or ())
    if remembered:
        preview.notes.append(Note("remembered"))
    scales: dict[int, Decimal] = {}
    stated = units_row(table.rows[:header.index - (1 if header.top is not None else 0)])
    for column, name in mapping.items():
        if name not in MONEY_FIELDS:
            continue
        label = header.label(column)
        if column in header.wan_columns or in_wan(label):
            scales[column] = WAN
            preview.notes.append(Note("wan", args=(("column", f"{column_letter(column)} {label}"),)))
        elif stated is not None and not re.search(r"[(（]\s*元\s*[)）]", label):
            scales[column] = WAN
    if stated is not None and any(scales.get(c) for c, f in mapping.items() if f in MONEY_FIELDS):
        preview.notes.append(Note("wan_table", args=(("row", str(stated[0])), ("text", stated[1]))))
    unmapped = [f"{column_letter(c)} {t}" for c, t in enumerate(header.texts) if t and c not in mapping]
    if unmapped:
        preview.notes.append(Note("unmapped", args=(("columns", ", ".join(unmapped)),)))
    cards = one_per_card(mapping, header)
    preview.missing = missing_fields(mapping, cards)
    if preview.missing:
        return preview
    order = _date_order(table, header, mapping, options)
    _fill_merged(table, header, preview.notes)
    converter = RowConverter(mapping, header.texts, scales, table.epoch1904, order, cards, is_own_export(header))
    _convert_rows(table.rows[header.index + 1:], header, converter, preview, progress, options)
    if cards:
        preview.notes.insert(0, Note("one_per_card"))
    if order is not None and options.date_order is None:
        column = next(c for c, f in mapping.items() if f == "purchase_date")
        preview.notes.append(Note("date_order", args=(("column", column_letter(column)), ("order", order))))
    return preview


@dataclass(slots=True)
class _Entry:
    row: int
    line: EquipmentLine
    amount: Decimal | None
    codes: tuple[str, ...]
    service: bool
    rows: list[int]


def _convert_rows(rows: list[SourceRow], header: Header, converter: RowConverter, preview: Preview,
                  progress: Progress | None, options: Options) -> None:
    said: dict[str, list[int]] = {}
    name_column = converter.columns["name"]
    name_header = header.label(name_column)
    total = max(len(rows), 1)
    entries: list[_Entry] = []
    reversals: list[tuple[int, Converted]] = []
    for index, (number, values, is_hidden) in enumerate(rows):
        if progress is not None and index % 5000 == 4999:
            progress.report(index * 100 // total, 100, "lines")
        if is_hidden:
            said.setdefault("hidden", []).append(number)
            continue
        if is_notes_row(values):
            said.setdefault("notes_row", []).append(number)
            continue
        if is_totals_row(values):
            said.setdefault("totals", []).append(number)
            continue
        if name_column < len(values) and values[name_column] == name_header and not is_blank(name_header):
            said.setdefault("repeated_header", []).append(number)
            continue
        if is_column_numbers(values):
            said.setdefault("column_numbers", []).append(number)
            continue
        if converter.is_empty(values):
            continue
        got = converter.convert(number, values)
        if got.status is not None:
            said.setdefault(got.status, []).append(number)
            continue
        if got.negative:
            last = entries[-1] if entries else None
            if (got.quantity is None and last is not None and last.amount is not None and got.amount is not None
                    and last.line.quantity and (got.invoice is None or got.invoice == last.line.invoice_number)
                    and last.amount + got.amount > 0):
                last.amount += got.amount
                last.line.unit_price = round_half_up(last.amount / last.line.quantity)
                last.rows.append(number)
                said.setdefault("discount", []).append(number)
            else:
                reversals.append((number, got))
            continue
        if got.line is None:
            preview.problems.extend(got.problems)
            preview.bad_rows.append(number)
            continue
        entries.append(_Entry(number, got.line, got.amount, got.derived, got.service, [number]))
        for code in got.derived:
            said.setdefault(code, []).append(number)
    _match_reversals(entries, reversals, said)
    if converter.one_per_card:
        _group_cards(entries, options, preview)
    for entry in entries:
        if entry.service:
            preview.services.append((entry.row, entry.line))
            said.setdefault("services_included" if options.include_services else "services", []).append(entry.row)
        else:
            preview.lines.append(entry.line)
            preview.line_rows.append(entry.row)
            preview.derivations.append(entry.codes)
    for column in sorted(converter.many_decimals):
        preview.notes.append(Note("price_from_amount", args=(("column", column),)))
    for code, numbers in said.items():
        preview.notes.append(Note(code, sorted(numbers)))


def _match_reversals(entries: list[_Entry], reversals: list[tuple[int, Converted]], said: dict[str, list[int]]) -> None:
    """A red invoice's negative line takes out the line it reverses in full (same name and amount)."""
    for number, got in reversals:
        match = next((e for e in entries if got.amount is not None and e.amount == -got.amount
                      and e.line.name == got.name and (got.quantity is None or e.line.quantity == -got.quantity)),
                     None)
        if match is None:
            said.setdefault("red_invoice", []).append(number)
            continue
        entries.remove(match)
        said.setdefault("reversed", []).extend([*match.rows, number])


def _group_cards(entries: list[_Entry], options: Options, preview: Preview) -> None:
    groups: dict[tuple[object, ...], list[_Entry]] = {}
    for entry in entries:
        line = entry.line
        key = (line.name, line.model, line.invoice_number, line.unit_price, line.supplier, line.purchase_date,
               line.currency, entry.service)
        groups.setdefault(key, []).append(entry)
    several = [g for g in groups.values() if len(g) > 1]
    if not several:
        return
    if not options.group_cards:
        preview.notes.append(Note("cards_groupable", args=(("n", str(len(several))),)))
        return
    rows: list[int] = []
    for group in several:
        first = group[0]
        first.line.quantity = sum(e.line.quantity or 0 for e in group)
        if first.amount is not None:
            first.amount = sum((e.amount or Decimal(0) for e in group), Decimal(0))
        for other in group[1:]:
            first.rows.extend(other.rows)
            entries.remove(other)
        rows.extend(first.rows)
    preview.notes.append(Note("cards_grouped", sorted(rows), (("n", str(len(several))),)))
