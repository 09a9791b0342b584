"""What a ledger file reads into, whatever it is (sources.py reads CSV/TXT, xlsx_source.py workbooks):
its rows with their spreadsheet numbers, and what was learnt about the file on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


class SourceRow(NamedTuple):
    number: int  # the spreadsheet's row number (1-based)
    values: list[Any]  # by column, 0-based; None for an empty cell
    hidden: bool = False


@dataclass
class Table:
    source: str
    rows: list[SourceRow]
    kind: str = "csv"  # "xlsx" or "csv"
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_col, min_row, max_col, max_row
    epoch1904: bool = False
    hidden_columns: frozenset[int] = frozenset()  # 0-based
    sheet_looks: tuple[tuple[str, str, str], ...] = ()  # sheet chosen by content: (name, look zh, look en)
