"""The application (申报书): Draft + Assessment -> PDF bytes, its parts in the template's order.

The application holds only what the office asks for: no finding, rule id, clause basis, advice, rule
pack or fingerprint on its pages (those are the self-check report's, report_doc.py).

Reproducible: ReportLab's invariant mode (fixed document id) plus a creation date the caller gives,
so the same draft, check date and creation date always give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from datetime import UTC, datetime

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from desktop import __version__
from desktop.domain.exchange import canonical_bytes
from desktop.domain.lang import Lang, choose
from desktop.domain.model import Draft
from desktop.pdf import parts_forms
from desktop.pdf.blocks import OutlineMark, TextBlock
from desktop.pdf.catalogue import attachment_list
from desktop.pdf.errors import BlockedDraftError
from desktop.pdf.pages import PageDecor, canvas_maker
from desktop.pdf.parts_equipment import equipment_list
from desktop.pdf.parts_front import commitment, cover
from desktop.pdf.progress import Tally
from desktop.pdf.strings import WATERMARK, WATERMARK_PASSING, t
from desktop.pdf.styles import (
    LANDSCAPE,
    LANDSCAPE_MARGIN_SIDE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PORTRAIT,
    Styles,
    make_styles,
)
from desktop.pdf.text import clean
from desktop.progress import Progress
from desktop.rules.assessment import Assessment
from desktop.rules.template import Template, template_for


def pdf_lang(lang: str) -> str:
    """The document's language as the PDF names it (a bilingual document reads Chinese first)."""
    return choose(lang, "zh-CN", "en")


def fingerprint(draft: Draft) -> str:
    """SHA-256 of the draft's canonical bytes: the same content, the same fingerprint."""
    return hashlib.sha256(canonical_bytes(draft)).hexdigest()


def pdf_date(created: datetime) -> str:
    if created.tzinfo is not None:
        created = created.astimezone(UTC)
    return created.strftime("D:%Y%m%d%H%M%S+00'00'")


def frame(page: tuple[float, float], left: float, right: float, ident: str) -> Frame:
    w, h = page
    return Frame(left, MARGIN_BOTTOM, w - left - right, h - MARGIN_TOP - MARGIN_BOTTOM, id=ident,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def new_doc(buf: io.BytesIO, st: Styles, lang: Lang, *, title: str, project: str, author: str, subject: str,
            keywords: str) -> BaseDocTemplate:
    """A portrait document with the program's margins and metadata (title, then the project when given)."""
    return BaseDocTemplate(
        buf, pagesize=PORTRAIT, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"{title} — {project}" if project else title, author=author,
        subject=subject, keywords=keywords, creator=f"grant-assistant {__version__}", lang=pdf_lang(lang),
        invariant=1, initialFontName=st.font, initialFontSize=10,
    )


def page_templates(decor: PageDecor, watermark: bool) -> list[PageTemplate]:
    """The "portrait" and "landscape" page templates with the header (and the draft watermark)."""
    ends = {"onPageEnd": decor.watermark_page} if watermark else {}
    portrait = frame(PORTRAIT, MARGIN_LEFT, MARGIN_RIGHT, "portrait")
    wide = frame(LANDSCAPE, LANDSCAPE_MARGIN_SIDE, LANDSCAPE_MARGIN_SIDE, "landscape")
    return [
        PageTemplate("portrait", [portrait], onPage=decor.header, pagesize=PORTRAIT, **ends),
        PageTemplate("landscape", [wide], onPage=decor.header, pagesize=LANDSCAPE, **ends),
    ]


def watermark_text(assessment: Assessment) -> str:
    """A draft copy of a draft that passes says only 草稿 / DRAFT."""
    return WATERMARK if assessment.status == "blocked" else WATERMARK_PASSING


def _part(
    part: str, draft: Draft, a: Assessment, lang: str, st: Styles, portrait: Frame, wide: Frame,
    template: Template, appended: Sequence[tuple[int, int] | None] | None, prog: Tally,
) -> list[Flowable]:
    w, h = portrait.width, portrait.height
    if part == "cover":
        return cover(draft, a, lang, w, h, st)
    if part == "commitment":
        return commitment(draft, lang, w, st)
    if part == "company":
        return parts_forms.company(draft, lang, w, st)
    if part == "financials":
        return parts_forms.financials(draft, lang, w, st)
    if part == "project":
        return parts_forms.project(draft, a, lang, w, st)
    if part == "indicators":
        return parts_forms.indicators(draft, lang, w, st)
    if part == "funding":
        return parts_forms.funding(a, lang, w, st)
    if part == "attachments":
        return attachment_list(draft, lang, w, st, appended)
    if part == "equipment":
        title = TextBlock(st.part_title, t("part_equipment", lang, "\n"), align="centre")
        table = equipment_list(draft, a, template.equipment_columns, lang, wide.width, wide.height - 40, prog,
                               template.heading)
        return [title, table] if table is not None else [title, TextBlock(st.body, t("eq_none", lang, " "))]
    raise AssertionError(part)  # pragma: no cover - the template reader refuses unknown parts


def render_application(
    draft: Draft,
    assessment: Assessment,
    *,
    lang: str = "zh",
    draft_copy: bool = False,
    created: datetime,
    revision: str | None = None,
    progress: Progress | None = None,
    template: Template | None = None,
    appended: Sequence[tuple[int, int] | None] | None = None,
) -> bytes:
    """The application as PDF bytes, its parts in `template`'s order: the draft's notice's template when it
    gives one, else the program's (forms/application.yaml).

    `appended`: for each attachment, (its first page after the document's own, its page count) when it
    is appended after the document (the package), else None: the attachment list gives its pages and
    every footer's total counts them. Raises BlockedDraftError when the assessment has errors and
    `draft_copy` is false (a draft copy is watermarked on every page), Cancelled (RenderCancelled)
    once `progress` is cancelled. Safe to call from a worker thread.
    """
    lang = Lang.parse(lang)  # refuses a name that is not a language
    if assessment.status == "blocked" and not draft_copy:
        raise BlockedDraftError(assessment.errors)
    template = template or template_for(assessment.pack.notice)
    prog = Tally(progress, total=2 * len(draft.equipment) + 10)
    prog.report()
    st = make_styles()
    applicant = clean(draft.applicant.name).strip()
    project = clean(draft.project.title).strip()
    extra = sum(a[1] for a in appended if a is not None) if appended else 0
    decor = PageDecor(
        lang=lang, applicant=applicant, project=project, fingerprint=None, created=pdf_date(created),
        watermark=draft_copy, margin_left=MARGIN_LEFT, margin_right=MARGIN_RIGHT,
        watermark_text=watermark_text(assessment), extra_pages=extra,
    )
    buf = io.BytesIO()
    title = t("app_title", lang)
    doc = new_doc(buf, st, lang, title=title, project=project, author=applicant, subject=t("programme", lang),
                  keywords=f"sha256:{fingerprint(draft)}" + (f" revision:{revision}" if revision else ""))
    counted = any(r.eligible for r in assessment.lines)

    def landscape(part: str) -> bool:
        return part == "equipment" and counted

    templates = page_templates(decor, watermark=True)
    portrait, wide = templates[0].frames[0], templates[1].frames[0]
    if landscape(template.parts[0]):
        templates.reverse()
    doc.addPageTemplates(templates)
    story: list[Flowable] = []
    for n, part in enumerate(template.parts):
        if n:
            story += [NextPageTemplate("landscape" if landscape(part) else "portrait"), PageBreak()]
        story.append(OutlineMark(f"part_{part}", t(f"part_{part}", lang)))
        story += _part(part, draft, assessment, lang, st, portrait, wide, template, appended, prog)
    doc.build(story, canvasmaker=canvas_maker(decor, prog))
    prog.finish()
    return buf.getvalue()
