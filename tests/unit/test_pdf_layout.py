"""What a reader of the printed application notices: punctuation at a line start, text that does not
copy out as written, a heading left alone at the foot of a page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from desktop.pdf.document import fingerprint
from desktop.pdf.fonts import text_width
from desktop.pdf.strings import t
from desktop.pdf.styles import make_styles
from desktop.pdf.text import para, wrap_lines
from tests.unit.pdf_helpers import demo, outline, page_texts, render, squash

NO_START = "，。、；：！？）》」』】"


def _line_starts(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        words = line[1] if isinstance(line, tuple) else line.words
        text = "".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words)
        if text:
            out.append(text[0])
    return out


@pytest.mark.parametrize("markup", [False, True])
def test_chinese_punctuation_never_starts_a_line(markup: bool) -> None:
    st = make_styles()
    for n in range(8, 30):
        for mark in "，；。、：":
            text = "研" * n + mark + "发" * 40
            body = para(text) + ("<br/>附" if markup else "")
            width = text_width("研" * n, st.body.fontSize) + 0.5  # the mark is the first that does not fit
            starts = _line_starts(Paragraph(body, st.body), width)
            assert not set(starts[1:]) & set(NO_START), (n, mark, starts)


def test_no_line_of_the_demo_begins_with_a_comma() -> None:
    for page in page_texts(render(demo())):
        for line in page.splitlines():
            assert not line.strip().startswith(tuple(NO_START)), line


def test_copied_text_is_the_text_written() -> None:
    draft = demo()
    draft.equipment[0].model = "MODEL-" + "X" * 60  # a long run, wrapped in its cell
    pages = page_texts(render(draft))
    assert all("\u200b" not in page for page in pages)
    assert fingerprint(draft) in pages[0]  # the whole SHA-256 on the cover, copyable as it is


@pytest.mark.parametrize("lang", ["zh", "en", "bilingual"])
def test_declaration_heading_stays_with_its_text(lang: str) -> None:
    pdf = render(demo(), lang=lang)
    reader = PdfReader(io.BytesIO(pdf))
    page = dict(outline(reader))[t("sec6", lang)]
    text = squash(reader.pages[page].extract_text() or "")
    assert squash(t("decl_intro", lang, " ")) in text
    assert squash(t("sign_rep", "zh" if lang != "en" else "en")) in text


def test_table_cells_keep_closing_marks_off_a_line_start() -> None:
    text = "补助对象为研发仪器设备（含配套软件）（环球时报 2025-08-19《Chinese provinces, cities ramp up efforts " \
        "to promote intelligent manufacturing》）"
    for width in range(40, 300, 2):
        lines = wrap_lines(text, width, 8)
        assert all(text_width(line, 8) <= width + 1e-6 for line in lines), width
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width
        assert not [line for line in lines[1:] if line[:1] in NO_START], (width, lines)
