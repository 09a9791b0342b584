"""What a reader of the printed application notices: punctuation at a line start, text that does not
copy out as written, a heading left alone at the foot of a page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from desktop.pdf import render_report
from desktop.pdf.document import fingerprint
from desktop.pdf.fonts import text_width
from desktop.pdf.strings import t
from desktop.pdf.styles import make_styles
from desktop.pdf.text import para, wrap_lines
from tests.unit.pdf_helpers import CREATED, checked, demo, outline, page_texts, render, squash

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
    assert all(fingerprint(draft) not in page for page in pages)  # the application carries no fingerprint
    report = page_texts(render_report(draft, checked(draft), created=CREATED))
    assert any(fingerprint(draft) in page for page in report)  # the report's, whole and copyable


@pytest.mark.parametrize("lang", ["zh", "en", "bilingual"])
def test_commitment_is_alone_on_its_page(lang: str) -> None:
    pdf = render(demo(), lang=lang)
    reader = PdfReader(io.BytesIO(pdf))
    marks = dict(outline(reader))
    page = marks[t("part_commitment", lang)]
    text = squash(reader.pages[page].extract_text() or "")
    assert squash(t("commit_rep", "zh" if lang != "en" else "en")) in text
    assert squash(t("commit_agent", "zh" if lang != "en" else "en")) in text
    assert squash(t("commit_5", "zh" if lang != "en" else "en"))[:20] in text
    assert list(marks.values()).count(page) == 1  # no other part starts on its page
    others = [t(f"part_{p}", lang) for p in ("company", "financials", "project", "attachments")]
    assert not [o for o in others if squash(o) in text]


def test_opening_brackets_never_end_a_line() -> None:
    text = "本单位承诺（一）材料真实《实施细则》“研发设备”【重要】" * 6
    for width in range(30, 300, 3):
        lines = wrap_lines(text, width, 9)
        assert "".join(lines) == text, width
        assert not [line for line in lines[:-1] if line[-1:] in "（《“【"], (width, lines)


def test_table_cells_keep_closing_marks_off_a_line_start() -> None:
    text = "补助对象为研发仪器设备（含配套软件）（环球时报 2025-08-19《Chinese provinces, cities ramp up efforts " \
        "to promote intelligent manufacturing》）"
    for width in range(40, 300, 2):
        lines = wrap_lines(text, width, 8)
        assert all(text_width(line, 8) <= width + 1e-6 for line in lines), width
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width
        assert not [line for line in lines[1:] if line[:1] in NO_START], (width, lines)
