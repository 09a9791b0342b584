"""Sections 1, 2, 4, 6 and 7 of the application: the parts that are short whatever the draft."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desktop.domain import choices
from desktop.domain.cities import BY_KEY
from desktop.domain.labels import field_label
from desktop.domain.model import Draft
from desktop.domain.money import format_wan, format_yuan
from desktop.pdf.blocks import CELL_PADDING, Heading, TextBlock, base_style, field_table, section
from desktop.pdf.grid import Column, GridLayout, GridTable
from desktop.pdf.strings import pair, t
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import clean, clip_lines, para
from desktop.rules.assessment import Assessment


def _label(path: str, lang: str) -> str:
    if lang == "bilingual":
        return f"{field_label(path, 'zh')} / {field_label(path, 'en')}"
    label = field_label(path, lang)
    return label[:1].upper() + label[1:] if lang == "en" else label


def _city(key: str | None, lang: str) -> str | None:
    if key is None:
        return None
    city = BY_KEY.get(key)
    if city is None:
        return key
    return pair((city.zh, city.en), lang, " ")


def applicant_section(draft: Draft, lang: str, width: float, st: Styles) -> list[Flowable]:
    a = draft.applicant
    level = choices.label(choices.CENTER_LEVELS, a.center_level, lang)
    pairs = [
        (_label("applicant.name", lang), a.name),
        (_label("applicant.credit_code", lang), a.credit_code),
        (t("city", lang), _city(a.city, lang)),
        (_label("applicant.address", lang), a.address),
        (_label("applicant.legal_representative", lang), a.legal_representative),
        (_label("applicant.contact.name", lang), a.contact.name),
        (_label("applicant.contact.phone", lang), a.contact.phone),
        (_label("applicant.contact.email", lang), a.contact.email),
        (_label("applicant.center_level", lang), level or None),
        (_label("applicant.center_name", lang), a.center_name),
        (_label("applicant.center_approved_on", lang), a.center_approved_on),
    ]
    return [*section("sec1", t("sec1", lang), st), field_table(pairs, width, st, lang)]


def project_section(draft: Draft, assessment: Assessment, lang: str, width: float, st: Styles) -> list[Flowable]:
    p = draft.project
    category = choices.label(choices.CATEGORIES, p.category, lang)
    start = p.start_date.isoformat() if p.start_date else "…"
    end = p.end_date.isoformat() if p.end_date else "…"
    period = None if p.start_date is None and p.end_date is None else f"{start} {t('to', lang, ' ')} {end}"
    requested = assessment.totals.requested
    pairs = [
        (_label("project.title", lang), p.title),
        (_label("project.category", lang), category or None),
        (t("period", lang), period),
        (_label("project.requested_subsidy", lang), f"{format_yuan(requested)} 元（{format_wan(requested)} 万元）"
         if lang == "zh" else f"CNY {format_yuan(requested)} ({format_wan(requested)} × 10,000 CNY)"),
    ]
    out: list[Flowable] = [*section("sec2", t("sec2", lang), st), field_table(pairs, width, st, lang)]
    out.append(Paragraph(para(t("summary", lang)), st.subheading))
    summary = (p.summary or "").strip()
    # Any length prints, wrapped in linear time and split between lines over as many pages as it takes.
    out.append(TextBlock(st.body, summary) if summary else Paragraph(para(t("not_given", lang)), st.body))
    return out


def subsidy_section(assessment: Assessment, lang: str, width: float, st: Styles) -> list[Flowable]:
    tot = assessment.totals
    rate = f"{(tot.rate * 100).normalize():f}%"
    rows: list[tuple[str, str | None, str | None]] = [
        (t("declared", lang), format_yuan(tot.declared), format_wan(tot.declared)),
        (t("eligible", lang), format_yuan(tot.eligible), format_wan(tot.eligible)),
        (t("rate", lang), rate, None),
        (t("cap", lang), format_yuan(tot.cap) if tot.cap is not None else t("no_cap", lang),
         format_wan(tot.cap) if tot.cap is not None else None),
        (t("max_subsidy", lang), format_yuan(tot.max_subsidy), format_wan(tot.max_subsidy)),
        (t("requested", lang), format_yuan(tot.requested), format_wan(tot.requested)),
    ]
    data: list[list[object]] = [[Paragraph(para(t(k, lang)), st.label) for k in ("item", "yuan", "wan")]]
    spans = []
    for n, (label, yuan, wan) in enumerate(rows, start=1):
        data.append([Paragraph(para(label), st.value), Paragraph(para(yuan), st.number),
                     Paragraph(para(wan), st.number) if wan is not None else ""])
        if wan is None:
            spans.append(("SPAN", (1, n), (2, n)))
    table = Table(data, colWidths=[width * 0.44, width * 0.30, width * 0.26], repeatRows=1)
    table.setStyle(base_style(st.font, [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), "#e8ecf2"),
        ("BACKGROUND", (0, -1), (-1, -1), "#f3f5f8"),
        *spans,
    ]))
    notes = [t("calc_note", lang, "\n")]
    if any(f.rule == "provincial_cap_unconfirmed" for f in assessment.findings):
        notes.append(t("cap_unconfirmed", lang, "\n"))
    body: list[Flowable] = [table, *(Paragraph(para(n), st.note) for n in notes)]
    return [*section("sec4", t("sec4", lang), st), KeepTogether(body)]


def declaration_section(draft: Draft, lang: str, width: float, st: Styles) -> list[Flowable]:
    body: list[Flowable] = [Heading(t("sec6", lang), st.heading, "sec6")]
    body.append(Paragraph(para(t("decl_intro", lang, " ")), st.body))
    for n in range(1, 5):
        # Bilingual: the Chinese and the English of a clause are paragraphs of their own, so each
        # wraps by its own rules (a <br/> after a full line left an empty line in between).
        texts = [t(f"decl_{n}", "zh"), t(f"decl_{n}", "en")] if lang == "bilingual" else [t(f"decl_{n}", lang)]
        body.append(Paragraph(f"{n}. " + para(texts[0]), st.body))
        body.extend(Paragraph(para(text), st.body) for text in texts[1:])
    body.append(Spacer(1, 22))
    blank = "_" * 18
    seal_width = width * 0.46 - 2 * CELL_PADDING  # the name is in full in section 1; here it must fit its row
    signs = [
        [Paragraph(para(t("sign_rep", lang, "\n")), st.value), Paragraph(blank, st.value)],
        [Paragraph(para(t("sign_seal", lang, "\n")), st.value),
         Paragraph(para("\n".join(clip_lines(clean(draft.applicant.name), seal_width, st.value.fontSize, 3))),
                   st.value)],
        [Paragraph(para(t("sign_date", lang, "\n")), st.value),
         Paragraph("________ 年 ____ 月 ____ 日" if lang != "en" else "________ / ____ / ____", st.value)],
    ]
    table = Table(signs, colWidths=[width * 0.42, width * 0.46], hAlign="RIGHT",
                  rowHeights=[44, 60, 36])
    table.setStyle(base_style(st.font, [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    body.append(table)
    # The heading is inside the block: the declaration and its heading move to a new page together.
    return [KeepTogether(body)]


def attachments_section(
    draft: Draft, lang: str, width: float, max_height: float, st: Styles
) -> list[Flowable]:
    out = section("sec7", t("sec7", lang), st)
    if not draft.attachments:
        out.append(Paragraph(para(t("no_attachments", lang)), st.body))
        return out
    kind_lang = "zh" if lang == "bilingual" else lang
    columns = [
        Column(t("col_no", lang, "\n"), 4, "right"),
        Column(t("col_att_kind", lang, "\n"), 15),
        Column(t("col_att_name", lang, "\n"), 30),
        Column(t("col_att_size", lang, "\n"), 11, "right"),
        Column(t("col_att_sha", lang, "\n"), 40),
    ]
    rows = [
        (
            str(i + 1),
            choices.label(choices.ATTACHMENT_KINDS, a.kind, kind_lang),
            a.name or a.path or "",
            "" if a.size is None else f"{a.size:,}",
            a.sha256 or "—",
        )
        for i, a in enumerate(draft.attachments)
    ]
    layout = GridLayout(columns, rows, width, max_height, size=8)
    out.append(GridTable(layout))
    return out
