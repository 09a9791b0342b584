"""Page geometry, colours and paragraph styles. Every style names the bundled font (and its bullet
font), so nothing falls back to ReportLab's non-embedded Helvetica."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.pdf.fonts import HEI, register_fonts

PORTRAIT = A4
LANDSCAPE = landscape(A4)
# Print margins: a wider inner (left) margin for binding, room for the header and footer.
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 25 * mm
MARGIN_BOTTOM = 22 * mm
LANDSCAPE_MARGIN_SIDE = 18 * mm
HEADER_Y_FROM_TOP = 14 * mm
FOOTER_Y = 11 * mm

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e8ecf2")
EXCLUDED_FILL = colors.HexColor("#f6f1e4")
ERROR_INK = colors.HexColor("#a4161a")
ERROR_FILL = colors.HexColor("#fbe9e9")
WATERMARK_INK = colors.HexColor("#c00000")


@dataclass(frozen=True)
class Styles:
    font: str  # the body face (Song); headings use `hei`
    hei: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    number: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    centre: ParagraphStyle
    part_title: ParagraphStyle  # the title of a form (单位基本情况表), centred, in Hei
    cell: ParagraphStyle  # text in a form's cell
    cell_label: ParagraphStyle  # a form's label cell


def _style(name: str, font: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading, bulletFontName=font, bulletFontSize=size,
        wordWrap="CJK", textColor=kw.pop("textColor", INK), **kw,
    )


def make_styles() -> Styles:
    font = register_fonts()
    return Styles(
        font=font,
        hei=HEI,
        title=_style("title", HEI, 24, 34, alignment=TA_CENTER, spaceAfter=6),
        subtitle=_style("subtitle", HEI, 13, 20, alignment=TA_CENTER, textColor=MUTED),
        heading=_style("heading", HEI, 14, 20, spaceBefore=10, spaceAfter=8, keepWithNext=1),
        subheading=_style("subheading", HEI, 11, 16, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        body=_style("body", font, 10.5, 17, alignment=TA_LEFT, spaceAfter=4),
        note=_style("note", font, 8.5, 12.5, textColor=MUTED, spaceBefore=4),
        label=_style("label", font, 9.5, 13.5, textColor=MUTED),
        value=_style("value", font, 10, 14),
        number=_style("number", font, 10, 14, alignment=TA_RIGHT),
        cover_label=_style("cover_label", font, 12, 18, alignment=TA_RIGHT, textColor=MUTED),
        cover_value=_style("cover_value", font, 12.5, 18),
        centre=_style("centre", font, 10.5, 16, alignment=TA_CENTER),
        part_title=_style("part_title", HEI, 16, 24, alignment=TA_CENTER, spaceAfter=10),
        cell=_style("cell", font, 10, 14.5),
        cell_label=_style("cell_label", font, 10, 14.5),
    )
