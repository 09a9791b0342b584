"""The preview of an import: the lines it would add, the problems by row and column, the notes.

Nothing here touches a draft; `Preview.apply` returns a new draft with the good lines added, and only
the caller decides to call it.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.model import Draft, EquipmentLine
from desktop.importers.convert import MONEY_FIELDS, PRICE_FIELDS, REQUIRED, RowConverter
from desktop.importers.header import Header, column_letter, in_wan
from desktop.importers.problems import Note, Problem
from desktop.importers.sources import Progress, SourceRow, Table
from desktop.importers.values import WAN, is_blank

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

    @property
    def complete(self) -> bool:
        """Every data row became a line."""
        return not self.problems and not self.missing

    def apply(self, draft: Draft) -> Draft:
        """A new draft: `draft` with the good lines added after its own."""
        return dataclasses.replace(draft, equipment=[*draft.equipment, *self.lines])


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


def missing_fields(mapping: dict[int, str]) -> tuple[str, ...]:
    fed = set(mapping.values())
    missing = [f for f in REQUIRED if f not in fed]
    if not fed & set(PRICE_FIELDS):
        missing.append("unit_price")
    return tuple(missing)


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


def build_preview(table: Table, header: Header, mapping: dict[int, str], remembered: bool = False,
                  progress: Progress | None = None) -> Preview:
    preview = Preview(table.source, table.kind, table.sheet, table.sheets, table.encoding, table.delimiter,
                      header, dict(mapping), remembered)
    notes = preview.notes
    if remembered:
        notes.append(Note("remembered"))
    scales: dict[int, Decimal] = {}
    for column, name in mapping.items():
        if name in MONEY_FIELDS and in_wan(header.label(column)):
            scales[column] = WAN
            notes.append(Note("wan", args=(("column", f"{column_letter(column)} {header.label(column)}"),)))
    unmapped = [f"{column_letter(c)} {t}" for c, t in enumerate(header.texts) if t and c not in mapping]
    if unmapped:
        notes.append(Note("unmapped", args=(("columns", ", ".join(unmapped)),)))
    preview.missing = missing_fields(mapping)
    if preview.missing:
        return preview
    _fill_merged(table, header, notes)
    _convert_rows(table.rows[header.index + 1:], header, mapping, scales, table.epoch1904, preview, progress)
    return preview


def _convert_rows(rows: list[SourceRow], header: Header, mapping: dict[int, str], scales: dict[int, Decimal],
                  epoch1904: bool, preview: Preview, progress: Progress | None) -> None:
    converter = RowConverter(mapping, header.texts, scales, epoch1904)
    hidden: list[int] = []
    totals: list[int] = []
    repeated: list[int] = []
    derived: dict[str, list[int]] = {}
    name_column = converter.columns["name"]
    name_header = header.label(name_column)
    total = max(len(rows), 1)
    lines, line_rows, derivations = preview.lines, preview.line_rows, preview.derivations
    for index, (number, values, is_hidden) in enumerate(rows):
        if progress is not None and index % 5000 == 4999:
            progress(index * 100 // total)
        if is_hidden:
            hidden.append(number)
            continue
        if is_totals_row(values):
            totals.append(number)
            continue
        if name_column < len(values) and values[name_column] == name_header and not is_blank(name_header):
            repeated.append(number)
            continue
        if converter.is_empty(values):
            continue
        line, problems, codes = converter.convert(number, values)
        if line is None:
            preview.problems.extend(problems)
            preview.bad_rows.append(number)
            continue
        lines.append(line)
        line_rows.append(number)
        derivations.append(codes)
        for code in codes:
            derived.setdefault(code, []).append(number)
    for code, numbers in derived.items():
        preview.notes.append(Note(code, numbers))
    for code, numbers in (("hidden", hidden), ("totals", totals), ("repeated_header", repeated)):
        if numbers:
            preview.notes.append(Note(code, numbers))
