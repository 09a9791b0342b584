"""The bundled faces, TrueType outlines both, registered once for every text.

- Body (`FONT`, Song/Ming): AR PL UMing CN (Arphic Public License), kept xz-compressed in
  resources/fonts and decompressed in memory on first use; ReportLab embeds the characters a PDF uses.
- Headings (`HEI`): WenQuanYi Micro Hei.

Both faces draw Latin letters and digits, so no text ever falls back to a built-in (non-embedded) font.
"""

from __future__ import annotations

import io
import lzma
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop import paths

FONT = "UMingCN"  # the body face (Song/Ming)
HEI = "WQYMicroHei"  # the heading face (Hei)
SONG_FILE = "uming-cn.ttf.xz"

_lock = threading.Lock()
_covered: frozenset[int] | None = None


def register_fonts() -> str:
    """Register both faces (idempotent, thread-safe) and return the body face's ReportLab name.

    Each face serves its own normal, bold and italic, so `<b>` or a bullet never falls back to a
    built-in Helvetica.
    """
    global _covered
    with _lock:
        if _covered is None:
            data = lzma.decompress((paths.fonts_dir() / SONG_FILE).read_bytes())
            song = TTFont(FONT, io.BytesIO(data))
            hei = TTFont(HEI, str(paths.cjk_font_path()), subfontIndex=0)
            for face in (song, hei):
                pdfmetrics.registerFont(face)
                for bold in (0, 1):
                    for italic in (0, 1):
                        addMapping(face.fontName, bold, italic, face.fontName)
            _covered = frozenset(song.face.charToGlyph) & frozenset(hei.face.charToGlyph)
            _extend_line_start_rule()
    return FONT


def _extend_line_start_rule() -> None:
    """ReportLab's CJK line breaker keeps Japanese closing marks off a line start but not the
    full-width Chinese comma, semicolon, colon and the like; add them (module constants it reads).
    Opening brackets at a line's end are kept off by text.wrap_lines, which the application's parts use."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    # Both copies: a paragraph of one run of text is wrapped by textsplit.wordSplit, which reads its
    # own module's constant; a paragraph with markup (<br/>, <font>) by paragraph.cjkFragSplit.
    extra = "，；：！？》」』】〕〉”’…、。）"
    for module in (textsplit, paragraph):
        current: str = module.ALL_CANNOT_START
        module.ALL_CANNOT_START = current + "".join(c for c in extra if c not in current)


def covered() -> frozenset[int]:
    """The code points both faces have glyphs for."""
    register_fonts()
    assert _covered is not None
    return _covered


def text_width(text: str, size: float, font: str = FONT) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))
