"""A fast table for thousands of rows: fixed column widths, cells wrapped once, rows drawn straight
on the canvas, the header repeated on every page, page breaks only between rows.

Platypus' Table measures every cell on every split and is several times slower on long lists (see
DESIGN.md). Here the layout is computed once (`GridLayout`); a `GridTable` is a window [start, end)
over it, so splitting a 10,000-row table costs a bisection, not a copy.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reportlab.lib.colors import Color
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from desktop.pdf.fonts import FONT, text_width
from desktop.pdf.progress import Tally
from desktop.pdf.styles import HEADER_FILL, INK, RULE
from desktop.pdf.text import clean, wrap_lines


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # relative width
    align: str = "left"  # left | right | centre
    nowrap: bool = False  # numbers and dates: the column is as wide as its widest value, never split


@dataclass(frozen=True)
class Row:
    cells: tuple[list[str], ...]
    height: float
    fill: Color | None = None


class GridLayout:
    """Every row of the table wrapped to its column widths, with the running total of heights."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Iterable[Sequence[object]],
        width: float,
        max_height: float,
        *,
        size: float = 7.5,
        fills: Sequence[Color | None] | None = None,
        progress: Tally | None = None,
        keep_last: bool = False,
    ) -> None:
        self.keep_last = keep_last  # the last row (a total) never starts a page alone
        self.columns = list(columns)
        self.pad_x = 2.5
        if any(c.nowrap for c in self.columns):
            texts = [tuple(clean(v) for v in r) for r in rows]
            rows = texts
            self.widths, size = self._sized(texts, width, size)
        else:
            total = sum(c.share for c in self.columns)
            self.widths = [width * c.share / total for c in self.columns]
        self.width = width
        self.size = size
        self.leading = round(size * 1.32, 2)
        self.pad_y = 2.6
        inner = [w - 2 * self.pad_x for w in self.widths]
        self.header = tuple(wrap_lines(clean(c.title), w, size) for c, w in zip(self.columns, inner, strict=True))
        self.header_height = self._height(self.header)
        limit = max_height - self.header_height - 1
        per_chunk = max(1, int((limit - 2 * self.pad_y) // self.leading))
        self.rows: list[Row] = []
        wrapped: dict[tuple[int, str], list[str]] = {}  # the same value in the same column wraps alike

        def wrap(col: int, value: object) -> list[str]:
            text = clean(value)
            key = (col, text)
            lines = wrapped.get(key)
            if lines is None:
                lines = wrapped[key] = wrap_lines(text, inner[col], size)
            return lines

        for n, values in enumerate(rows):
            fill = fills[n] if fills is not None else None
            cells = tuple(wrap(col, v) for col, v in enumerate(values))
            height = self._height(cells)
            if height <= limit:
                self.rows.append(Row(cells, height, fill))
            else:  # taller than a page: continue the row on the next page, between two lines
                tallest = max(len(c) for c in cells)
                for at in range(0, tallest, per_chunk):
                    part = tuple(c[at : at + per_chunk] for c in cells)
                    self.rows.append(Row(part, self._height(part), fill))
            if progress is not None:
                progress.advance()
        self.tops = [0.0, *accumulate(r.height for r in self.rows)]

    def _sized(self, rows: Sequence[Sequence[str]], width: float, size: float) -> tuple[list[float], float]:
        """Widths where every `nowrap` column holds its widest value on one line (the text shrinks
        when they would take more than three quarters of the table), the rest shared by `share`."""
        fixed = [c.nowrap for c in self.columns]
        widest = [0.0] * len(self.columns)
        for values in rows:
            for n, value in enumerate(values):
                if fixed[n] and value:
                    widest[n] = max(widest[n], max(text_width(x, 1.0) for x in value.split("\n")))
        total = sum(c.share for c in self.columns)
        while True:
            need = [widest[n] * size + 2 * self.pad_x + 0.5 for n in range(len(fixed))]
            base = [width * c.share / total for c in self.columns]
            widths = [max(b, need[n]) if fixed[n] else b for n, b in enumerate(base)]
            taken = sum(w for n, w in enumerate(widths) if fixed[n])
            if taken <= 0.75 * width or size <= 4:
                break
            size = max(4.0, size * 0.75 * width / taken)
        rest = width - taken
        free = sum(c.share for c in self.columns if not c.nowrap)
        return [w if fixed[n] else rest * self.columns[n].share / free for n, w in enumerate(widths)], size

    def _height(self, cells: Sequence[list[str]]) -> float:
        lines = max((len(c) for c in cells), default=1)
        return max(lines, 1) * self.leading + 2 * self.pad_y

    def span(self, start: int, end: int) -> float:
        return self.tops[end] - self.tops[start]


class GridTable(Flowable):  # type: ignore[misc]
    """Rows [start, end) of a layout, with the header on top."""

    def __init__(
        self, layout: GridLayout, start: int = 0, end: int | None = None, progress: Tally | None = None
    ) -> None:
        super().__init__()
        self.layout = layout
        self.start = start
        self.end = len(layout.rows) if end is None else end
        self.progress = progress

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.layout.width
        self.height = self.layout.header_height + self.layout.span(self.start, self.end)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lay = self.layout
        room = avail_height - lay.header_height
        if room <= 0:
            return []
        last = bisect_right(lay.tops, lay.tops[self.start] + room + 1e-6, self.start, self.end + 1) - 1
        if last <= self.start:
            return []
        if last >= self.end:
            return [self]
        if lay.keep_last and last == len(lay.rows) - 1 and last - 1 > self.start:
            last -= 1
        return [GridTable(lay, self.start, last, self.progress), GridTable(lay, last, self.end, self.progress)]

    def draw(self) -> None:
        lay = self.layout
        canv = self.canv
        xs = [0.0, *accumulate(lay.widths)]
        top = self.height
        bands: list[tuple[float, float]] = [(top, top - lay.header_height)]
        y = top - lay.header_height
        for row in lay.rows[self.start : self.end]:
            bands.append((y, y - row.height))
            y -= row.height
        canv.saveState()
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, bands[0][1], lay.width, lay.header_height, stroke=0, fill=1)
        for (hi, lo), row in zip(bands[1:], lay.rows[self.start : self.end], strict=True):
            if row.fill is not None:
                canv.setFillColor(row.fill)
                canv.rect(0, lo, lay.width, hi - lo, stroke=0, fill=1)
        canv.setFillColor(INK)
        text = canv.beginText()
        text.setFont(FONT, lay.size)
        self._cells(text, xs, bands[0][0], lay.header, header=True)
        for (hi, _), row in zip(bands[1:], lay.rows[self.start : self.end], strict=True):
            self._cells(text, xs, hi, row.cells, header=False)
        canv.drawText(text)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        path = canv.beginPath()
        for hi, _ in bands:
            path.moveTo(0, hi)
            path.lineTo(lay.width, hi)
        path.moveTo(0, y)
        path.lineTo(lay.width, y)
        for x in xs:
            path.moveTo(x, top)
            path.lineTo(x, y)
        canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()
        if self.progress is not None:
            self.progress.advance(self.end - self.start)

    def _cells(
        self, text: PDFTextObject, xs: list[float], top: float, cells: Sequence[list[str]], header: bool
    ) -> None:
        lay = self.layout
        size, lead = lay.size, lay.leading
        first = top - lay.pad_y - size * 0.98
        for col, lines in enumerate(cells):
            align = "centre" if header else lay.columns[col].align
            left, right = xs[col] + lay.pad_x, xs[col + 1] - lay.pad_x
            y = first
            for line in lines:
                if line:
                    if align == "left":
                        x = left
                    elif align == "right":
                        x = right - text_width(line, size)
                    else:
                        x = (left + right - text_width(line, size)) / 2
                    text.setTextOrigin(x, y)
                    text.textOut(line)
                y -= lead
