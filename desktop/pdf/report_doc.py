"""The self-check report (自查报告): for the applicant and the consultant, never handed in.

It holds what the application leaves out: every finding with its clause and basis, the lines not
counted and why, the computation line by line, the rule pack's version and the fingerprints.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from desktop import __version__
from desktop.domain.lang import Lang, choose
from desktop.domain.model import Draft
from desktop.domain.money import format_yuan
from desktop.pdf.blocks import TextBlock, field_table, section
from desktop.pdf.document import fingerprint, new_doc, page_templates, pdf_date
from desktop.pdf.equipment_table import equipment_table
from desktop.pdf.findings import findings_section
from desktop.pdf.grid import Column, GridLayout, GridTable
from desktop.pdf.pages import PageDecor, canvas_maker
from desktop.pdf.progress import Tally
from desktop.pdf.sections import subsidy_section
from desktop.pdf.strings import t, tf
from desktop.pdf.styles import MARGIN_LEFT, MARGIN_RIGHT, Styles, make_styles
from desktop.pdf.text import clean, para
from desktop.progress import Progress
from desktop.rules.assessment import Assessment, reason_label


def _summary(draft: Draft, a: Assessment, lang: str, width: float, st: Styles) -> list[Flowable]:
    status = tf("status_blocked", lang, " / ", n=a.errors) if a.status == "blocked" else t("status_ready", lang)
    pairs = [
        (t("cover_applicant", lang), draft.applicant.name),
        (t("cover_project", lang), draft.project.title),
        (t("rep_as_of", lang), a.as_of.isoformat()),
        (t("rep_pack", lang), f"{a.pack.id} {a.pack.version}"),
        (t("rep_status", lang), status),
        (t("rep_counts", lang), tf("counts", lang, " / ", e=a.errors, w=a.warnings, i=a.counts["info"])),
        (t("declared", lang), format_yuan(a.totals.declared)),
        (t("eligible", lang), format_yuan(a.totals.eligible)),
        (t("requested", lang), format_yuan(a.totals.requested)),
    ]
    return [*section("rep_summary", t("rep_summary", lang), st), field_table(pairs, width, st, lang)]


def _excluded(draft: Draft, a: Assessment, lang: str, width: float, height: float, st: Styles) -> list[Flowable]:
    out = section("rep_excluded", t("rep_excluded", lang), st)
    excluded = [r for r in a.lines if not r.eligible]
    if not excluded:
        return [*out, Paragraph(para(t("rep_no_excluded", lang)), st.body)]
    sep = choose(lang, "；", "; ")
    one = Lang.parse(lang).one
    columns = [
        Column(t("col_no", lang, "\n"), 5, "right", nowrap=True),
        Column(t("col_name", lang, "\n"), 34),
        Column(t("col_amount", lang, "\n"), 16, "right", nowrap=True),
        Column(t("rep_reason", lang, "\n"), 45),
    ]
    rows = [
        (str(r.index + 1), draft.equipment[r.index].name or "", "" if r.amount is None else format_yuan(r.amount),
         sep.join(reason_label(x, one) for x in r.reasons))
        for r in excluded
    ]
    return [*out, GridTable(GridLayout(columns, rows, width, height, size=8))]


def _identity(draft: Draft, a: Assessment, lang: str, width: float, st: Styles, application_sha256: str | None,
              revision: str | None) -> list[Flowable]:
    pairs = [
        (t("rep_pack", lang), f"{a.pack.id} {a.pack.version}"),
        (t("rep_program", lang), f"grant-assistant {__version__}"),
        (t("rep_draft_sha", lang), fingerprint(draft)),
    ]
    if revision:
        pairs.append((t("cover_revision", lang), revision))
    if application_sha256:
        pairs.append((t("rep_app_sha", lang), application_sha256))
    return [*section("rep_identity", t("rep_identity", lang), st), field_table(pairs, width, st, lang)]


def render_report(
    draft: Draft,
    assessment: Assessment,
    *,
    lang: str = "zh",
    created: datetime,
    application_sha256: str | None = None,
    revision: str | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The self-check report as PDF bytes (any draft, passing or not). Same inputs, same bytes."""
    lang = Lang.parse(lang)  # refuses a name that is not a language
    prog = Tally(progress, total=2 * len(draft.equipment) + 10)
    prog.report()
    st = make_styles()
    digest = fingerprint(draft)
    applicant = clean(draft.applicant.name).strip()
    project = clean(draft.project.title).strip()
    decor = PageDecor(
        lang=lang, applicant=applicant, project=project, fingerprint=digest[:16], created=pdf_date(created),
        watermark=False, margin_left=MARGIN_LEFT, margin_right=MARGIN_RIGHT,
    )
    buf = io.BytesIO()
    title = t("rep_title", lang)
    doc = new_doc(buf, st, lang, title=title, project=project, author=applicant,
                  subject=f"{assessment.pack.id} {assessment.pack.version}", keywords=f"sha256:{digest}")
    templates = page_templates(decor, watermark=False)
    doc.addPageTemplates(templates)
    portrait, wide = templates[0].frames[0], templates[1].frames[0]
    w, h = portrait.width, portrait.height
    story: list[Flowable] = [
        TextBlock(st.title, t("rep_title", lang, "\n"), align="centre"),
        TextBlock(st.note, t("rep_note", lang, "\n"), align="centre"),
    ]
    story += _summary(draft, assessment, lang, w, st)
    story += findings_section(assessment, lang, w, h, st, key="rep_findings")
    story += _excluded(draft, assessment, lang, w, h, st)
    if draft.equipment:
        story += [NextPageTemplate("landscape"), PageBreak()]
        story += section("rep_lines", t("rep_lines", lang), st)
        story.append(equipment_table(draft, assessment, lang, wide.width, wide.height, prog))
        story += [NextPageTemplate("portrait"), PageBreak()]
    totals = subsidy_section(assessment, lang, w, st)
    totals[:2] = section("rep_totals", t("rep_totals", lang), st)
    story += totals
    story += _identity(draft, assessment, lang, w, st, application_sha256, revision)
    doc.build(story, canvasmaker=canvas_maker(decor, prog))
    prog.finish()
    return buf.getvalue()
