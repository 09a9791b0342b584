"""The application PDF read back: content, fonts, outline, metadata, reproducibility, watermark."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.domain.money import format_yuan
from desktop.pdf import BlockedDraftError, RenderCancelled
from desktop.pdf.strings import WATERMARK, WATERMARK_PASSING
from desktop.progress import Progress
from tests.unit.pdf_helpers import checked, demo, outline, page_texts, pdffonts_rows, render, squash

SECTIONS_ZH = ["封面", "项目申报承诺书", "单位基本情况表", "财务情况表", "项目概况表", "项目绩效目标表",
               "设备购置明细表", "资金测算表", "附件目录"]


@pytest.fixture(scope="module")
def zh_pdf() -> bytes:
    return render(demo())


def test_text_has_applicant_lines_totals_and_subsidy(zh_pdf: bytes) -> None:
    draft = demo()
    totals = checked(draft).totals
    text = squash("".join(page_texts(zh_pdf)))
    assert squash(draft.applicant.name or "") in text
    results = checked(draft).lines
    assert any(not r.eligible for r in results)
    for line, result in zip(draft.equipment, results, strict=True):
        # only the counted lines are in the application; the others are the self-check report's
        assert (squash(line.name or "") in text) == result.eligible, line.name
        assert (squash(line.invoice_number or "") in text) == result.eligible
    for value in (totals.eligible, totals.max_subsidy, totals.requested):
        assert format_yuan(value) in text
    assert format_yuan(totals.declared) not in text  # the declared total includes excluded lines


def test_page_count_and_footer(zh_pdf: bytes) -> None:
    pages = page_texts(zh_pdf)
    assert 9 <= len(pages) <= 12
    for n, text in enumerate(pages, start=1):
        assert f"第{n}页/共{len(pages)}页" in squash(text)


def test_every_font_is_embedded(zh_pdf: bytes, tmp_path: Path) -> None:
    rows = pdffonts_rows(zh_pdf, tmp_path)
    if rows is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    assert rows
    for row in rows:
        assert "Helvetica" not in row
        assert row.split()[-5] == "yes", row  # emb column


def test_outline_has_one_entry_per_section(zh_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(zh_pdf))
    entries = outline(reader)
    assert [title for title, _ in entries] == SECTIONS_ZH
    assert [page for _, page in entries] == sorted(page for _, page in entries)  # in the template's order
    for title, page in entries:
        shown = "项目申报书" if title == "封面" else title
        assert squash(shown) in squash(reader.pages[page].extract_text() or "")


def test_metadata() -> None:
    reader = PdfReader(io.BytesIO(render(demo(), lang="en")))
    meta = reader.metadata
    assert meta is not None
    assert meta.author == demo().applicant.name
    assert "Application" in (meta.title or "")
    assert "Guangdong" in (meta.subject or "")
    assert demo().program not in str(dict(meta))  # no rule pack in the application
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert str(meta["/CreationDate"]).startswith("D:20260601000000")


def test_same_input_same_bytes(zh_pdf: bytes) -> None:
    assert render(demo()) == zh_pdf


def test_watermark_only_on_draft_copies(zh_pdf: bytes) -> None:
    mark = squash(WATERMARK_PASSING)
    assert all(mark not in squash(t) for t in page_texts(zh_pdf))
    copy_pages = page_texts(render(demo(), draft_copy=True))
    assert all(mark in squash(t) for t in copy_pages)
    # a draft that passes is stamped 草稿 / DRAFT only: nothing says it failed the checks
    assert all(squash(WATERMARK) not in squash(t) for t in copy_pages)
    blocked = demo()
    blocked.applicant.name = None
    assert all(squash(WATERMARK) in squash(t) for t in page_texts(render(blocked, draft_copy=True)))


def test_blocked_draft_is_refused_unless_draft_copy() -> None:
    draft = demo()
    draft.applicant.name = None
    with pytest.raises(BlockedDraftError):
        render(draft)
    assert page_texts(render(draft, draft_copy=True))


@pytest.mark.parametrize("lang", ["en", "bilingual"])
def test_other_languages(lang: str) -> None:
    text = squash("".join(page_texts(render(demo(), lang=lang))))
    assert squash("Equipment purchase list") in text
    assert ("设备购置明细表" in text) == (lang == "bilingual")


def test_progress_reports_and_cancels() -> None:
    seen: list[tuple[int, int]] = []

    render(demo(), progress=Progress(lambda done, total, _what: seen.append((done, total))))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    progress = Progress(lambda done, total, _what: progress.cancel() if done > 0 else None)
    with pytest.raises(RenderCancelled):
        render(demo(), progress=progress)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        render(demo(), lang="fr")
