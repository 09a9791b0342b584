"""Long user text never stops the PDF, and is wrapped once (linear time), however many pages it takes."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.pdf import official
from desktop.pdf.blocks import TextBlock
from desktop.pdf.fonts import FONT, register_fonts, text_width
from desktop.pdf.styles import make_styles
from desktop.pdf.text import clip_lines, wrap_lines
from tests.unit.pdf_helpers import demo, page_texts, render, squash

WORD = "W" * 5000


@pytest.mark.parametrize(
    "field", ["applicant.name", "applicant.address", "applicant.center_name", "applicant.contact.email",
              "project.title", "applicant.legal_representative"]
)
def test_a_5000_character_word_in_any_form_field_prints_whole(field: str) -> None:
    draft = demo()
    obj: Any = draft
    *parents, last = field.split(".")
    for name in parents:
        obj = getattr(obj, name)
    setattr(obj, last, WORD)
    pdf = render(draft, draft_copy=True)  # used to stop with "Flowable … too large on page 2"
    text = squash("".join(page_texts(pdf)))
    assert text.count("W") >= 5000  # in full in its section (the cover and the seal clip it)


def test_a_5000_character_chinese_company_name() -> None:
    draft = demo()
    draft.applicant.name = "广州" + "中" * 5000
    pages = page_texts(render(draft, draft_copy=True))
    assert "…" in pages[0]  # the cover keeps to one page: the name ends with an ellipsis there
    assert squash("".join(pages)).count("中") >= 5000


def test_a_long_summary_splits_across_pages_and_keeps_every_character() -> None:
    draft = demo()
    paragraphs = [f"第{i}段" + "甲乙丙丁戊己" * 400 + "end" for i in range(12)]
    draft.project.summary = "\n".join(paragraphs)
    pages = page_texts(render(draft, draft_copy=True))  # past the summary's length limit: a draft copy
    text = squash("".join(pages))
    for i in range(12):
        assert f"第{i}段甲乙丙丁戊己" in text
    # the running header and footer come between pages: count characters against the draft without it
    draft.project.summary = "x"
    without = squash("".join(page_texts(render(draft, draft_copy=True))))
    for char in "甲乙丙己":
        assert text.count(char) - without.count(char) == 12 * 400
    assert text.count("end") - without.count("end") == 12
    assert len(pages) > 20


@pytest.mark.slow
def test_the_summary_is_wrapped_once_however_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(text: str, width: float, size: float, font: str = FONT) -> list[str]:
        calls.append(len(text))
        return wrap_lines(text, width, size, font)

    monkeypatch.setattr(official, "wrap_lines", counting)  # the 项目概况表 wraps it
    draft = demo()
    draft.project.summary = "研发" * 150_000  # 300,000 characters: some 170 pages
    pdf = render(draft, draft_copy=True)  # past the summary's length limit: a draft copy
    assert len(page_texts(pdf)) > 150
    assert calls.count(300_000) == 1


def test_text_block_splits_between_lines() -> None:
    register_fonts()
    style = make_styles().body
    block = TextBlock(style, "词" * 3000)
    width, height = block.wrap(200, 10_000)
    lines = wrap_lines("词" * 3000, 200, style.fontSize)
    assert height == pytest.approx(len(lines) * style.leading)
    head, tail = block.split(200, style.leading * 10.5)
    assert head.wrap(200, 1000)[1] == pytest.approx(10 * style.leading)
    assert tail.wrap(200, 1e9)[1] == pytest.approx((len(lines) - 10) * style.leading)
    assert head.getSpaceBefore() == style.spaceBefore and tail.getSpaceBefore() == 0
    assert block.split(200, style.leading * 0.5) == []


def test_clip_lines() -> None:
    register_fonts()
    assert clip_lines("short", 100, 10, 3) == ["short"]
    clipped = clip_lines(WORD, 100, 10, 3)
    assert len(clipped) == 3 and clipped[-1].endswith("…")
    assert all(text_width(line, 10) <= 100 + 1e-6 for line in clipped)


def test_wrap_lines_is_linear_in_measured_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The work of wrapping (characters measured) grows with the text, not with its square."""
    import desktop.pdf.text as text_module

    measured = [0]

    def counting(text: str, size: float, font: str = FONT) -> float:
        measured[0] += len(text)
        return text_width(text, size, font)

    register_fonts()
    monkeypatch.setattr(text_module, "text_width", counting)
    cost = []
    for n in (10_000, 40_000):
        measured[0] = 0
        for sample in ("W" * n, "研发" * (n // 2), "word, " * (n // 6), "，" * n):
            wrap_lines(sample, 300, 10.5)
        cost.append(measured[0])
    assert cost[1] <= 4.4 * cost[0]
