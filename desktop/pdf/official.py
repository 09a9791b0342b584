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
from desktop.domain.money import format_wan, format_yuan
from desktop.pdf.blocks import TextBlock, base_style
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import clean

LABEL_FILL = "#f3f5f8"
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def zh_text(value: object) -> str:
    """User text as a Chinese document prints it: cleaned, corner brackets as “” quotes."""
    return clean(value).translate(_QUOTES)


def doc_date(day: date | None, lang: str) -> str:
    """2025年9月1日 in Chinese documents, 2025-09-01 in English ones; empty for no date."""
    if day is None:
        return ""
    if lang == "en":
        return day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日"


def city_name(key: str | None, lang: str) -> str:
    """广州市 (not 广州); the city's English name in English; the key as written when unknown."""
    if key is None:
        return ""
    city = BY_KEY.get(key)
    if city is None:
        return key
    zh = city.zh if city.zh.endswith(("市", "区")) else city.zh + "市"
    if lang == "en":
        return city.en
    if lang == "bilingual":
        return f"{zh} / {city.en}"
    return zh


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


def form_table(
    rows: Sequence[Sequence[object]], widths: Sequence[float], st: Styles, *,
    label_columns: Sequence[int] = (0,), header_rows: int = 0, aligns: Sequence[str] | None = None,
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (), min_height: float = 22,
) -> Table:
    """A ruled form: every cell wrapped by our own line breaker; label columns (and header rows)
    shaded. A cell given as a Flowable is used as it is."""
    data: list[list[Flowable | str]] = []
    for r, row in enumerate(rows):
        out: list[Flowable | str] = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                out.append(value)
                continue
            is_label = c in label_columns or r < header_rows
            align = "centre" if r < header_rows else (aligns[c] if aligns is not None else "left")
            out.append(cell(value, st.cell_label if is_label else st.cell, align))
        data.append(out)
    table = Table(data, colWidths=list(widths), minRowHeights=[min_height] * len(data))
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *(("BACKGROUND", (c, 0), (c, -1), LABEL_FILL) for c in label_columns),
        *(("SPAN", a, b) for a, b in spans),
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), LABEL_FILL))
    table.setStyle(base_style(st.font, style))
    return table
