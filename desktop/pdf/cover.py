"""The cover page: programme and document number, applicant, project, requested subsidy, date,
draft revision, rule-pack version and the content fingerprint."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop.domain.model import Draft
from desktop.domain.money import format_wan, format_yuan
from desktop.pdf.blocks import CELL_PADDING, base_style, value_or_blank
from desktop.pdf.strings import WATERMARK, t
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import clip_lines, para
from desktop.rules.assessment import Assessment

ERROR_HEX = "#a4161a"


def _requested(a: Assessment, lang: str) -> str:
    value = a.totals.requested
    if lang == "en":
        return f"CNY {format_yuan(value)}"
    return f"{format_yuan(value)} 元（{format_wan(value)} 万元）"


def _date(day: date, lang: str) -> str:
    if lang == "en":
        return day.isoformat()
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def cover(
    draft: Draft,
    a: Assessment,
    lang: str,
    width: float,
    height: float,
    st: Styles,
    *,
    fingerprint: str,
    revision: str | None,
    draft_copy: bool,
) -> list[Flowable]:
    doc = a.pack.document
    out: list[Flowable] = [
        Paragraph(para(doc.number), st.centre),
        Spacer(1, height * 0.10),
        Paragraph(para(t("programme", lang, "\n")), st.subtitle),
        Spacer(1, 8),
        Paragraph(para(t("doc_title", lang, "\n")), st.title),
        Spacer(1, height * 0.09),
    ]
    rows = [
        (t("cover_applicant", lang, "\n"), value_or_blank(draft.applicant.name, lang)),
        (t("cover_project", lang, "\n"), value_or_blank(draft.project.title, lang)),
        (t("cover_requested", lang, "\n"), _requested(a, lang)),
        (t("cover_date", lang, "\n"), _date(a.as_of, lang)),
    ]
    if revision:
        rows.append((t("cover_revision", lang, "\n"), revision))
    # The cover is one page: a value longer than three lines ends with an ellipsis (sections 1 and 2
    # print it in full).
    inner = width * 0.62 - 2 * CELL_PADDING
    data = [
        [Paragraph(para(k), st.cover_label),
         Paragraph(para("\n".join(clip_lines(v, inner, st.cover_value.fontSize, 3))), st.cover_value)]
        for k, v in rows
    ]
    table = Table(data, colWidths=[width * 0.30, width * 0.62], hAlign="CENTER")
    table.setStyle(base_style(st.font, [
        ("LINEBELOW", (1, 0), (1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    out.append(table)
    if draft_copy:
        out.append(Spacer(1, 18))
        out.append(Paragraph(f'<font color="{ERROR_HEX}">{para(WATERMARK)}</font>', st.centre))
    out.append(Spacer(1, height * 0.08))
    basis = t("cover_basis", lang, " / ")
    title = doc.title.get("zh" if lang == "bilingual" else lang)
    lines = [
        f"{basis}: {title}（{doc.number}）" if lang != "en" else f"{basis}: {title} ({doc.number})",
        f"{t('cover_pack', lang, ' / ')}: {a.pack.id} {a.pack.version}",
        f"{t('cover_fingerprint', lang, ' / ')}: sha256 {fingerprint}",
    ]
    for line in lines:
        out.append(Paragraph(para(line), st.note))
    return out
