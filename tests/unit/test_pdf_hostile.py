"""Hostile and huge input: markup, long words, emoji, scripts the font lacks, empty strings, 10,000 lines."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop.domain.model import Attachment
from desktop.pdf.fonts import register_fonts, text_width
from desktop.pdf.text import clean, para, wrap_lines
from tests.unit.pdf_helpers import checked, demo, many_lines, outline, page_texts, render, squash

NASTY = [
    "<b>bold</b> & </para> <para> \"quoted\" 'single' &amp; &lt;",
    "W" * 5000,
    "emoji 😀🚀 end",
    "中文 Latin العربية mixed",
    "",
    "tab\tand\x00control\x1fchars\r\nnew line",
]


def test_hostile_text_everywhere_renders() -> None:
    draft = demo()
    draft.applicant.address = NASTY[0]
    draft.applicant.legal_representative = NASTY[2]
    draft.applicant.contact.name = ""
    draft.project.title = NASTY[3] + " " + NASTY[0]
    draft.project.summary = NASTY[1] + " " + NASTY[5]
    for n, text in enumerate(NASTY):
        draft.equipment[n].name = text or None if n == 4 else text
        draft.equipment[n].supplier = NASTY[(n + 1) % len(NASTY)]
        draft.equipment[n].model = NASTY[(n + 2) % len(NASTY)]
    draft.attachments = [Attachment(kind="other", name=NASTY[0], size=12), Attachment(name="x" * 300)]
    pdf = render(draft, draft_copy=True)
    text = squash("".join(page_texts(pdf)))
    assert squash("</para>") in text
    assert "&amp;" in text
    assert "[U+1F600]" in text  # a glyph the font lacks is spelled out, not a box
    assert text.count("W") >= 4 * 5000  # four 5,000-character words, wrapped, none cut off


def test_text_helpers() -> None:
    register_fonts()
    assert clean(None) == ""
    assert clean("a\x00b\tc") == "ab c"
    assert clean("😀") == "[U+1F600]"
    assert para("<a & b>") == "&lt;a &amp; b&gt;"
    assert "\u200b" not in para("x" * 100)  # no invisible break points to copy out
    for text in ("W" * 5000, "中" * 300, "word " * 200, "", "a\n\nb"):
        for line in wrap_lines(text, 50, 8):
            assert text_width(line, 8) <= 50 + 1e-6
    assert "".join(wrap_lines("W" * 5000, 50, 8)) == "W" * 5000
    assert wrap_lines("同一设备，获得", 8 * 6, 8)[1][0] != "，"  # no comma at a line start


def test_two_thousand_character_name() -> None:
    draft = demo()
    draft.equipment[0].name = "长" * 2000  # past the name's limit (an error): printed whole as a draft copy
    pages = page_texts(render(draft, draft_copy=True))
    assert squash("".join(pages)).count("长") >= 2000  # all of it, continued over pages between lines


@pytest.mark.slow
def test_ten_thousand_lines() -> None:
    draft = many_lines(10_000)
    pdf = render(draft)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 150
    top = dict(outline(reader))
    assert len(top) == 9
    sec3, sec4 = top["设备购置明细表"], top["资金测算表"]
    first = squash(reader.pages[sec3].extract_text() or "")
    last = squash(reader.pages[sec4 - 1].extract_text() or "")
    counted = [r.index for r in checked(draft).lines if r.eligible]
    assert (draft.equipment[counted[0]].invoice_number or "?") in first
    assert (draft.equipment[counted[-1]].invoice_number or "?") in last
    assert "设备购置明细表" in first
    assert "序号" in last  # the header is repeated on every page of the list
