"""Finding the header row of a ledger and matching its columns to line fields by name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from desktop.domain.fields import LEDGER_NAMES
from desktop.importers.table import SourceRow

# Field -> header names: the field catalogue's ledger names (desktop/domain/fields.py).
ALIASES: dict[str, tuple[str, ...]] = LEDGER_NAMES
FIELDS: tuple[str, ...] = (*ALIASES, "paper_number")
_RANK = {alias: (field, rank) for field, names in ALIASES.items() for rank, alias in enumerate(names)}

_UNIT_PARENS = re.compile(r"\((元|万元|yuan|¥|%|台|台套|套)\)")
_NOT_WORD = re.compile(r"[\W_]+")
SCAN_ROWS = 40


def normalise(header: Any) -> str:
    if header is None:
        return ""
    text = unicodedata.normalize("NFKC", str(header)).lower()
    return _NOT_WORD.sub("", _UNIT_PARENS.sub("", text))


def in_wan(header: Any) -> bool:
    """A header such as 金额（万元）: the column is in units of 10,000 yuan."""
    return header is not None and "万元" in unicodedata.normalize("NFKC", str(header))


def column_letter(index: int) -> str:
    """0-based column index -> A, B, …, AA."""
    return str(get_column_letter(index + 1))


@dataclass(frozen=True, slots=True)
class Header:
    index: int  # position of the (lower) header row in the table's row list
    row: int  # its spreadsheet row number
    texts: tuple[str, ...]  # each column's header as written ("" for none); over two rows, as matched
    top: int | None = None  # the upper row's number when the header spreads over two merged rows
    wan_columns: frozenset[int] = frozenset()  # columns whose header (either row) says 万元

    @property
    def layout_key(self) -> str:
        """The same for every file whose header row reads the same (its names and their order)."""
        names = "\x1f".join(normalise(t) for t in self.texts).rstrip("\x1f")
        return hashlib.sha256(names.encode()).hexdigest()[:20]

    def label(self, column: int) -> str:
        return self.texts[column] if column < len(self.texts) else ""

    @property
    def rows_text(self) -> str:
        return f"{self.top}-{self.row}" if self.top is not None else str(self.row)


def auto_mapping(texts: Sequence[Any], exclude: frozenset[int] = frozenset()) -> dict[int, str]:
    """Column index -> field, each field given to its best-named column (leftmost on a tie); columns in
    `exclude` (hidden ones) take no field. Beside 数电发票号码, a 发票号码 column is the paper invoice's
    number (used with 发票代码 when the 数电 number is blank)."""
    best: dict[str, tuple[int, int]] = {}
    paper: int | None = None
    for column, header in enumerate(texts):
        if column in exclude:
            continue
        key = normalise(header)
        hit = _RANK.get(key)
        if hit is None:
            continue
        field, rank = hit
        if field == "invoice_number" and key == "发票号码":
            paper = column if paper is None else paper
        if field not in best or rank < best[field][0]:
            best[field] = (rank, column)
    mapping = {column: field for field, (_, column) in best.items()}
    if paper is not None and paper not in mapping:
        mapping[paper] = "paper_number"
    return mapping


def _texts(row: SourceRow) -> list[str]:
    return ["" if v is None else str(v).strip() for v in row.values]


def _spread(upper: list[str], number: int, merged: Sequence[tuple[int, int, int, int]]) -> list[str]:
    """The upper header row with each horizontally merged cell's text over every column it covers."""
    out = list(upper)
    for min_col, min_row, max_col, max_row in merged:
        if min_row <= number <= max_row and max_col > min_col and min_col - 1 < len(out) and out[min_col - 1]:
            out.extend([""] * (max_col - len(out)))
            for col in range(min_col, max_col + 1):
                out[col - 1] = out[min_col - 1]
    return out


def combine(upper: list[str], lower: list[str]) -> tuple[list[str], list[str]]:
    """Two header rows as one: per column the name that matches a field (upper + lower, lower, upper),
    else the lower text, else the upper; and the raw "upper lower" texts (for units such as 万元)."""
    width = max(len(upper), len(lower))
    upper = upper + [""] * (width - len(upper))
    lower = lower + [""] * (width - len(lower))
    out, raw = [], []
    for up, lo in zip(upper, lower, strict=True):
        raw.append(f"{up} {lo}".strip())
        if up and lo and up != lo:
            out.append(next((c for c in (up + lo, lo, up) if normalise(c) in _RANK), lo))
        else:
            out.append(lo or up)
    return out, raw


def _all_words(row: SourceRow) -> bool:
    return all(v is None or type(v) is str for v in row.values)


def find_header(rows: Sequence[SourceRow], merged: Sequence[tuple[int, int, int, int]] = ()) -> Header | None:
    """The row among the first few dozen that names the most fields (at least two); or two rows read
    together (a header over two merged rows) when together they name more."""
    chosen: tuple[int, int, int] | None = None  # score, index, 1 when two rows
    for index, row in enumerate(rows[:SCAN_ROWS]):
        score = len(auto_mapping(row.values))
        two = 0
        if index + 1 < len(rows) and rows[index + 1].number == row.number + 1 and _all_words(rows[index + 1]):
            together, _ = combine(_spread(_texts(row), row.number, merged), _texts(rows[index + 1]))
            both = len(auto_mapping(together))
            if both > score:
                score, two = both, 1
        if score >= 2 and (chosen is None or score > chosen[0]):
            chosen = (score, index, two)
    if chosen is None:
        return None
    _, index, two = chosen
    texts_list: list[str]
    raw: list[str]
    if two:
        upper = rows[index]
        texts_list, raw = combine(_spread(_texts(upper), upper.number, merged), _texts(rows[index + 1]))
        index += 1
        top: int | None = upper.number
    else:
        texts_list = raw = _texts(rows[index])
        top = None
    texts: tuple[str, ...] = tuple(texts_list)
    while texts and not texts[-1]:
        texts = texts[:-1]
    wan = frozenset(c for c, t in enumerate(raw) if in_wan(t))
    return Header(index, rows[index].number, texts, top, wan)


def shown_headers(rows: Sequence[SourceRow], limit: int = 8) -> str:
    """The first row with words in it, for a message about unmatched columns."""
    for row in rows[:SCAN_ROWS]:
        words = [str(v).strip() for v in row.values if v is not None and str(v).strip()]
        if len(words) >= 2:
            return "、".join(words[:limit]) + ("…" if len(words) > limit else "")
    return ""


def score_rows(rows: Sequence[SourceRow]) -> tuple[int, str, str]:
    """How well a sheet's first rows look like an equipment list (0: not at all), and what it looks like
    (zh, en): a column for the name counts most, then a price or a quantity, then each other field."""
    if not rows:
        return 0, "空表", "empty"
    header = find_header(rows)
    if header is None:
        seen = shown_headers(rows)
        return 0, f"没有表头（首行文字：{seen or '无'}）", f"no header row (first words: {seen or 'none'})"
    fields = set(auto_mapping(header.texts).values())
    names = "、".join(t for t in header.texts if t)
    if len(names) > 60:
        names = names[:59] + "…"
    if "name" not in fields:
        return (0, f"第 {header.row} 行表头：{names}（没有设备名称列）",
                f"header on row {header.row}: {names} (no column for the equipment name)")
    priced = fields & {"unit_price", "amount", "gross_unit_price", "gross_amount", "quantity"}
    if not priced:
        return (0, f"第 {header.row} 行表头：{names}（没有价格或数量列）",
                f"header on row {header.row}: {names} (no column for a price or a quantity)")
    return (100 + 10 * len(priced) + len(fields), f"第 {header.row} 行表头：{names}（设备清单）",
            f"header on row {header.row}: {names} (equipment lines)")
