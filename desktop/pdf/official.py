"""How an official Chinese document writes things: dates as 2025年9月1日, cities with 市, “” quotes,
amounts in 元 or 万元 with their separators, and the building blocks of the application's forms
(ruled tables of label and value cells, wrapped by text.wrap_lines)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table

from desktop.domain.applicant_facts import Person
from desktop.domain.cities import BY_KEY
from desktop.domain.lang import Bilingual, choose
from desktop.domain.money import format_wan, format_yuan
from desktop.pdf.blocks import CELL_PADDING, ROW_LINES, TextBlock, base_style
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import clean, wrap_lines

LABEL_FILL = "#f3f5f8"
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def zh_text(value: object) -> str:
    """User text as a Chinese document prints it: cleaned, corner brackets as “” quotes."""
    return clean(value).translate(_QUOTES)


def doc_date(day: date | None, lang: str) -> str:
    """2025年9月1日 in Chinese documents, 2025-09-01 in English ones; empty for no date."""
    if day is None:
        return ""
    return choose(lang, f"{day.year}年{day.month}月{day.day}日", day.isoformat())


def city_name(key: str | None, lang: str) -> str:
    """广州市 (not 广州); the city's English name in English; the key as written when unknown."""
    city = BY_KEY.get(key or "")
    if city is None:
        return key or ""
    zh = city.zh if city.zh.endswith(("市", "区")) else city.zh + "市"
    return Bilingual(zh, city.en).pick(lang)


def person(p: Person) -> str:
    """A name and a mobile number, as one cell says them."""
    parts = [clean(p.name).strip(), clean(p.mobile).strip()]
    return "　".join(x for x in parts if x)


def yuan(value: Decimal | None) -> str:
    return "" if value is None else format_yuan(value)


def wan(value: Decimal | None) -> str:
    return "" if value is None else format_wan(value)


def cell(text: object, style: ParagraphStyle, align: str = "left") -> TextBlock:
    return TextBlock(style, zh_text(text), align=align)


def _span_width(c: int, r: int, widths: Sequence[float], spans: Sequence[Span]) -> float:
    for (c0, r0), (c1, r1) in spans:
        if c0 == c and r0 <= r <= r1:
            return sum(widths[c0 : c1 + 1])
    return widths[c]


Span = tuple[tuple[int, int], tuple[int, int]]


def form_table(
    rows: Sequence[Sequence[object]], widths: Sequence[float], st: Styles, *,
    label_columns: Sequence[int] = (0,), header_rows: int = 0, aligns: Sequence[str] | None = None,
    spans: Sequence[Span] = (), min_height: float = 22,
) -> Table:
    """A ruled form: every cell wrapped by our own line breaker; label columns (and header rows)
    shaded. A cell given as a Flowable is used as it is. A value too tall for one row (a row cannot
    break across pages) continues in as many rows as it needs."""
    data: list[list[Flowable | str]] = []
    first_of: list[int] = []  # the first output row of each row
    count_of: list[int] = []
    for r, row in enumerate(rows):
        wrapped: list[tuple[list[str], ParagraphStyle, str] | Flowable] = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                wrapped.append(value)
                continue
            is_label = c in label_columns or r < header_rows
            align = "centre" if r < header_rows else (aligns[c] if aligns is not None else "left")
            style = st.cell_label if is_label else st.cell
            inner = _span_width(c, r, widths, spans) - 2 * CELL_PADDING
            wrapped.append((wrap_lines(zh_text(value), inner, style.fontSize, style.fontName), style, align))
        tallest = max((len(w[0]) for w in wrapped if not isinstance(w, Flowable)), default=1)
        parts = max(1, -(-tallest // ROW_LINES))
        first_of.append(len(data))
        count_of.append(parts)
        for part in range(parts):
            out: list[Flowable | str] = []
            for w in wrapped:
                if isinstance(w, Flowable):
                    out.append(w if part == 0 else "")
                    continue
                lines, style, align = w
                chunk = lines[part * ROW_LINES : (part + 1) * ROW_LINES]
                out.append(TextBlock(style, lines=chunk or [""], align=align))
            data.append(out)
    out_spans: list[Span] = []
    for (c0, r0), (c1, r1) in spans:
        if r0 == r1:
            out_spans += [((c0, first_of[r0] + k), (c1, first_of[r0] + k)) for k in range(count_of[r0])]
        else:
            out_spans.append(((c0, first_of[r0]), (c1, first_of[r1] + count_of[r1] - 1)))
    table = Table(data, colWidths=list(widths), minRowHeights=[min_height] * len(data),
                  repeatRows=first_of[header_rows] if header_rows else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *(("BACKGROUND", (c, 0), (c, -1), LABEL_FILL) for c in label_columns),
        *(("SPAN", a, b) for a, b in out_spans),
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, first_of[header_rows] - 1), LABEL_FILL))
    table.setStyle(base_style(st.font, style))
    return table
