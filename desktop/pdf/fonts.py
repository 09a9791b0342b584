"""The bundled CJK font (WenQuanYi Micro Hei, TrueType outlines), registered once for every text."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop import paths

FONT = "WQYMicroHei"

_lock = threading.Lock()
_covered: frozenset[int] | None = None


def register_fonts() -> str:
    """Register the bundled font (idempotent, thread-safe) and return its ReportLab name.

    The same face serves normal, bold and italic, so `<b>` or a bullet never falls back to a
    built-in (non-embedded) Helvetica.
    """
    global _covered
    with _lock:
        if _covered is None:
            font = TTFont(FONT, str(paths.cjk_font_path()), subfontIndex=0)
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            _covered = frozenset(font.face.charToGlyph)
            _extend_line_start_rule()
    return FONT


def _extend_line_start_rule() -> None:
    """ReportLab's CJK line breaker keeps Japanese closing marks off a line start but not the
    full-width Chinese comma, semicolon, colon and the like; add them (module constants it reads)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    # Both copies: a paragraph of one run of text is wrapped by textsplit.wordSplit, which reads its
    # own module's constant; a paragraph with markup (<br/>, <font>) by paragraph.cjkFragSplit.
    extra = "，；：！？》」』】〕〉”’…、。）"
    for module in (textsplit, paragraph):
        current: str = module.ALL_CANNOT_START
        module.ALL_CANNOT_START = current + "".join(c for c in extra if c not in current)


def covered() -> frozenset[int]:
    """The code points the font has glyphs for."""
    register_fonts()
    assert _covered is not None
    return _covered


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT, size))
