"""Small building blocks: bookmarked section headings, label/value tables, and long user text.

User text of any length must print: a Paragraph in a table cell cannot be taller than a page (a
5,000-character company name stopped the PDF), and a long Paragraph costs time growing with the
square of its length (each page split wraps the rest again). `TextBlock` wraps once, in linear time
(text.wrap_lines), and splits between lines by index; `field_table` continues a tall value over as
many rows as it needs."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from desktop.domain.lang import Lang
from desktop.pdf.fonts import text_width
from desktop.pdf.strings import t
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import clean, para, wrap_lines

# A value wrapping to more lines than this is printed as a TextBlock over several table rows.
ROW_LINES = 24
CELL_PADDING = 5


class Heading(Paragraph):  # type: ignore[misc]
    """A section heading that puts itself in the outline (bookmarks) where it is drawn."""

    def __init__(self, text: str, style: object, key: str, level: int = 0) -> None:
        super().__init__(para(text), style)
        self.key = key
        self.outline_title = clean(text)
        self.level = level

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key, fit="XYZ", left=0, top=self.canv._pagesize[1])
        self.canv.addOutlineEntry(self.outline_title, self.key, level=self.level, closed=False)
        super().draw()


class OutlineMark(Flowable):  # type: ignore[misc]
    """Nothing to see: puts `title` in the outline (bookmarks) at the top of the page it lands on."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, clean(title), level

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key, fit="XYZ", left=0, top=self.canv._pagesize[1])
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def section(key: str, title: str, st: Styles, room: float = 120) -> list[Flowable]:
    """A heading that never ends a page alone: it moves on unless `room` points follow it."""
    return [CondPageBreak(room), Heading(title, st.heading, key)]


def base_style(font: str, extra: Sequence[tuple[object, ...]] = ()) -> TableStyle:
    """Every table names the bundled font, so no cell can fall back to Helvetica."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            *extra,
        ]
    )


class TextBlock(Flowable):  # type: ignore[misc]
    """Plain user text in a paragraph style (font, size, leading, colour, space before/after),
    wrapped once per width in linear time and split between lines across pages.

    Give `text` (wrapped when laid out) or `lines` already wrapped (kept as they are)."""

    def __init__(
        self, style: ParagraphStyle, text: str | None = None, *, lines: list[str] | None = None,
        start: int = 0, end: int | None = None, first: bool = True, align: str = "left",
    ) -> None:
        super().__init__()
        self.style = style
        self.align = align  # left | right | centre
        self.text = clean(text) if text is not None else None
        self.lines = lines
        self.start = start
        self.end = end
        self.first = first  # the part that carries the space before

    def _wrapped(self, width: float) -> list[str]:
        if self.text is not None and (self.lines is None or getattr(self, "_wrap_width", None) != width):
            self.lines = wrap_lines(self.text, width, self.style.fontSize, self.style.fontName)
            self._wrap_width = width
        return self.lines or [""]

    def _count(self, width: float) -> int:
        lines = self._wrapped(width)
        return (len(lines) if self.end is None else self.end) - self.start

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._count(avail_width) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._wrapped(avail_width)
        end = len(lines) if self.end is None else self.end
        fits = int((avail_height + 1e-6) // self.style.leading)
        if fits < 1:
            return []
        if fits >= end - self.start:
            return [self]
        cut = self.start + fits
        head = TextBlock(self.style, lines=lines, start=self.start, end=cut, first=self.first, align=self.align)
        tail = TextBlock(self.style, lines=lines, start=cut, end=end, first=False, align=self.align)
        return [head, tail]

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return float(self.style.spaceBefore) if self.first else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        st = self.style
        lines = self._wrapped(self.width)
        end = len(lines) if self.end is None else self.end
        canv = self.canv
        text = canv.beginText()
        text.setFont(st.fontName, st.fontSize)
        text.setFillColor(st.textColor)
        y = self.height - st.fontSize
        for line in lines[self.start : end]:
            if line:
                x = 0.0
                if self.align != "left":
                    room = self.width - text_width(line, st.fontSize, st.fontName)
                    x = room if self.align == "right" else room / 2
                text.setTextOrigin(x, y)
                text.textOut(line)
            y -= st.leading
        canv.drawText(text)


def value_or_blank(value: object, lang: str) -> str:
    text = clean(value).strip()
    return text if text else t("not_given", lang)


def field_table(pairs: Sequence[tuple[str, object]], width: float, st: Styles, lang: str) -> Table:
    """A two-column table of labels and values, ruled like a form."""
    label_width = width * (0.26 if Lang.parse(lang).chinese else 0.34)
    inner = width - label_width - 2 * CELL_PADDING
    data: list[list[Flowable]] = []
    for label, value in pairs:
        text = value_or_blank(value, lang)
        lines = wrap_lines(text, inner, st.value.fontSize) if len(text) > 40 else [text]
        if len(lines) <= ROW_LINES:
            data.append([Paragraph(para(label), st.label), Paragraph(para(text), st.value)])
            continue
        # Too tall for one row (a row cannot break across pages): the value continues in more rows.
        for at in range(0, len(lines), ROW_LINES):
            shown = Paragraph(para(label), st.label) if at == 0 else Paragraph("", st.label)
            data.append([shown, TextBlock(st.value, lines=lines[at : at + ROW_LINES])])
    table = Table(data, colWidths=[label_width, width - label_width], repeatRows=0)
    table.setStyle(
        base_style(
            st.font,
            [
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (0, -1), "#f3f5f8"),
            ],
        )
    )
    return table
