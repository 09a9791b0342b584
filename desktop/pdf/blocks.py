"""Small building blocks: bookmarked section headings and label/value tables."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from desktop.pdf.strings import t
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import clean, para


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


def value_or_blank(value: object, lang: str) -> str:
    text = clean(value).strip()
    return text if text else t("not_given", lang)


def field_table(pairs: Sequence[tuple[str, object]], width: float, st: Styles, lang: str) -> Table:
    """A two-column table of labels and values, ruled like a form."""
    data = [
        [Paragraph(para(label), st.label), Paragraph(para(value_or_blank(value, lang)), st.value)]
        for label, value in pairs
    ]
    label_width = width * (0.34 if lang != "zh" else 0.26)
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
