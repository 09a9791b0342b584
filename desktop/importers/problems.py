"""What a preview reports: problems (a cell that cannot be imported) and notes (what was done)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.domain.lang import Lang
from desktop.importers.messages import EXPECTED, NOTES, empty_word, field_name, render


@dataclass(frozen=True, slots=True)
class Problem:
    """Row `row` (the spreadsheet's number), column `column` (letter; "" when the row as a whole is
    at fault) under header `header`, meant for line field `field`: found `found`, expected `expected()`."""

    row: int
    column: str
    header: str
    field: str
    found: str
    code: str
    args: tuple[tuple[str, str], ...] = ()

    def expected(self, lang: str = "en") -> str:
        return render(EXPECTED, self.code, {"field": self.field, **dict(self.args)}, lang)

    def where(self, lang: str = "en") -> str:
        column = self.column or ""
        head = self.header or field_name(self.field, lang)
        if Lang.parse(lang).english:
            return f"row {self.row}, column {column} ({head})" if column else f"row {self.row} ({head})"
        return f"第 {self.row} 行 {column} 列（{head}）" if column else f"第 {self.row} 行（{head}）"

    def text(self, lang: str = "en") -> str:
        found = f'"{self.found}"' if self.found else empty_word(lang)
        if Lang.parse(lang).english:
            return f"{self.where(lang)}: found {found}, expected {self.expected(lang)}"
        return f"{self.where(lang)}：内容为 {found}，应为{self.expected(lang)}"


def rows_text(rows: Sequence[int], limit: int = 12) -> str:
    """6-9, 12, 15 (+40 more): row numbers as runs."""
    runs: list[tuple[int, int]] = []
    for n in rows:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    parts = [str(a) if a == b else f"{a}-{b}" for a, b in runs[:limit]]
    more = len(runs) - limit
    return ", ".join(parts) + (f" (+{more})" if more > 0 else "")


@dataclass(slots=True)
class Note:
    """Something the importer did that the user should know, and the rows it applies to."""

    code: str
    rows: list[int] = field(default_factory=list)
    args: tuple[tuple[str, str], ...] = ()

    def message(self, lang: str = "en") -> str:
        """What was done, without the rows."""
        return render(NOTES, self.code, dict(self.args), lang)

    def text(self, lang: str = "en") -> str:
        message = self.message(lang)
        if not self.rows:
            return message
        if Lang.parse(lang).english:
            return f"{message} ({'row' if len(self.rows) == 1 else 'rows'} {rows_text(self.rows)})"
        return f"{message}（第 {rows_text(self.rows)} 行）"
