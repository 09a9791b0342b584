"""The application document (申报书): Draft + Assessment -> PDF bytes.

Reproducible: ReportLab's invariant mode (fixed document id) plus a creation date the caller gives,
so the same draft, check date and creation date always give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from datetime import UTC, datetime

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from desktop import __version__
from desktop.domain.exchange import canonical_bytes
from desktop.domain.model import Draft
from desktop.pdf.blocks import section
from desktop.pdf.cover import cover
from desktop.pdf.equipment_table import equipment_table
from desktop.pdf.errors import BlockedDraftError
from desktop.pdf.findings import findings_section
from desktop.pdf.pages import PageDecor, canvas_maker
from desktop.pdf.progress import Progress
from desktop.pdf.sections import (
    applicant_section,
    attachments_section,
    declaration_section,
    project_section,
    subsidy_section,
)
from desktop.pdf.strings import LANGS, t
from desktop.pdf.styles import (
    LANDSCAPE,
    LANDSCAPE_MARGIN_SIDE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PORTRAIT,
    make_styles,
)
from desktop.pdf.text import clean, para
from desktop.rules.assessment import Assessment

PDF_LANG = {"zh": "zh-CN", "en": "en", "bilingual": "zh-CN"}


def fingerprint(draft: Draft) -> str:
    """SHA-256 of the draft's canonical bytes: the same content, the same fingerprint."""
    return hashlib.sha256(canonical_bytes(draft)).hexdigest()


def pdf_date(created: datetime) -> str:
    if created.tzinfo is not None:
        created = created.astimezone(UTC)
    return created.strftime("D:%Y%m%d%H%M%S+00'00'")


def _frame(page: tuple[float, float], left: float, right: float, ident: str) -> Frame:
    w, h = page
    return Frame(left, MARGIN_BOTTOM, w - left - right, h - MARGIN_TOP - MARGIN_BOTTOM, id=ident,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def render_application(
    draft: Draft,
    assessment: Assessment,
    *,
    lang: str = "zh",
    draft_copy: bool = False,
    created: datetime,
    revision: str | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> bytes:
    """The application as PDF bytes.

    Raises BlockedDraftError when the assessment has errors and `draft_copy` is false (a draft copy
    is watermarked on every page), RenderCancelled when `progress(done, total)` returns False.
    Safe to call from a worker thread (no Qt, no shared mutable state but the font registry).
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if assessment.status == "blocked" and not draft_copy:
        raise BlockedDraftError(assessment.errors)
    prog = Progress(progress, total=2 * len(draft.equipment) + 10)
    prog.report()
    st = make_styles()
    digest = fingerprint(draft)
    applicant = clean(draft.applicant.name).strip()
    project = clean(draft.project.title).strip()
    decor = PageDecor(
        lang=lang, applicant=applicant, project=project, fingerprint=digest[:16],
        created=pdf_date(created), watermark=draft_copy,
        margin_left=MARGIN_LEFT, margin_right=MARGIN_RIGHT,
    )
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=PORTRAIT, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"{t('doc_title', lang)} — {project}" if project else t("doc_title", lang),
        author=applicant, subject=f"{assessment.pack.document.number} {t('programme', lang)}",
        keywords=f"{assessment.pack.id} {assessment.pack.version} sha256:{digest}",
        creator=f"grant-assistant {__version__}", lang=PDF_LANG[lang], invariant=1,
        initialFontName=st.font, initialFontSize=10,
    )
    portrait = _frame(PORTRAIT, MARGIN_LEFT, MARGIN_RIGHT, "portrait")
    wide = _frame(LANDSCAPE, LANDSCAPE_MARGIN_SIDE, LANDSCAPE_MARGIN_SIDE, "landscape")
    doc.addPageTemplates([
        PageTemplate("cover", [portrait], onPage=decor.header, onPageEnd=decor.watermark_page, pagesize=PORTRAIT),
        PageTemplate("portrait", [portrait], onPage=decor.header, onPageEnd=decor.watermark_page,
                     pagesize=PORTRAIT),
        PageTemplate("landscape", [wide], onPage=decor.header, onPageEnd=decor.watermark_page,
                     pagesize=LANDSCAPE),
    ])
    story: list[Flowable] = cover(
        draft, assessment, lang, portrait.width, portrait.height, st,
        fingerprint=digest, revision=revision, draft_copy=draft_copy,
    )
    story += [NextPageTemplate("portrait"), PageBreak()]
    story += applicant_section(draft, lang, portrait.width, st)
    story += project_section(draft, assessment, lang, portrait.width, st)
    if draft.equipment:
        story += [NextPageTemplate("landscape"), PageBreak()]
        story += section("sec3", t("sec3", lang), st)
        story.append(equipment_table(draft, assessment, lang, wide.width, wide.height, prog))
        story += [NextPageTemplate("portrait"), PageBreak()]
    else:
        story += section("sec3", t("sec3", lang), st)
        story.append(Paragraph(para(t("no_equipment", lang)), st.body))
    story += subsidy_section(assessment, lang, portrait.width, st)
    story += findings_section(assessment, lang, portrait.width, portrait.height, st)
    story += declaration_section(draft, lang, portrait.width, st)
    story += attachments_section(draft, lang, portrait.width, portrait.height, st)
    doc.build(story, canvasmaker=canvas_maker(decor, prog))
    prog.finish()
    return buf.getvalue()
