"""The application's first parts: the cover and the declaration (项目申报承诺书) on a page of its own."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from desktop.domain.applicant_facts import Person
from desktop.domain.lang import Lang
from desktop.domain.model import Draft
from desktop.pdf.blocks import TextBlock, base_style
from desktop.pdf.fonts import text_width
from desktop.pdf.official import doc_date, person, zh_text
from desktop.pdf.strings import t, tf
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import clip_lines, wrap_lines
from desktop.rules.assessment import Assessment

SEAL_ROOM = 48 * mm  # clear below 申报单位（盖章）: a round seal is 42 mm, the rule asks at least 45 mm


def _lines(lang: str, key: str, sep: str = "\n") -> str:
    return t(key, lang, sep)


def cover(draft: Draft, a: Assessment, lang: str, width: float, height: float, st: Styles) -> list[Flowable]:
    """项目名称, 申报单位（盖章）, 推荐单位/主管部门, the three people with their mobiles, 申报日期 (a blank
    to fill by hand unless set); the policy as a reference line at the foot, not as the heading."""
    pf = draft.project_facts
    rows = [
        ("cover_project_name", zh_text(draft.project.title)),
        ("cover_applicant_seal", zh_text(draft.applicant.name)),
        ("cover_recommender", zh_text(pf.recommender)),
        ("cover_leader", person(pf.leader)),
        ("cover_contact", person(pf.contact) or person(Person(draft.applicant.contact.name,
                                                              draft.applicant.contact.phone))),
        ("cover_finance", person(pf.finance_officer)),
        ("cover_app_date", doc_date(pf.application_date, lang) or t("blank_date", Lang.parse(lang).one)),
    ]
    value_w = width * 0.58
    data = [
        [TextBlock(st.cover_label, _lines(lang, key), align="right"),
         TextBlock(st.cover_value, lines=clip_lines(value, value_w - 10, st.cover_value.fontSize, 3))]
        for key, value in rows
    ]
    table = Table(data, colWidths=[width * 0.34, value_w], hAlign="CENTER")
    table.setStyle(base_style(st.font, [
        ("LINEBELOW", (1, 0), (1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    doc = a.pack.document
    reference: list[str] = []
    for one in Lang.parse(lang).parts:
        title = doc.title.get(one)
        if one.english:
            reference += _kept_whole(f"{t('cover_reference', one)}: {title}", f" ({doc.number})", width, st)
        else:
            reference += _kept_whole(f"{t('cover_reference', one)}：《{title}》", f"（{doc.number}）", width, st)
    room = 0.5 if Lang.parse(lang).both else 1.0  # two-line labels take the room of the spaces
    return [
        Spacer(1, height * 0.10 * room),
        TextBlock(st.subtitle, t("programme", lang, "\n"), align="centre"),
        Spacer(1, 10),
        TextBlock(st.title, t("app_title", lang, "\n"), align="centre"),
        Spacer(1, height * 0.10 * room),
        table,
        Spacer(1, height * 0.08 * room),
        TextBlock(st.note, lines=reference, align="centre"),
    ]


def _kept_whole(text: str, number: str, width: float, st: Styles) -> list[str]:
    """`text` wrapped, then `number` (a document number) on the last line or a line of its own,
    never split."""
    lines = wrap_lines(text, width, st.note.fontSize, st.note.fontName)
    if text_width(lines[-1] + number, st.note.fontSize, st.note.fontName) <= width:
        lines[-1] += number
    else:
        lines.append(number.strip())
    return lines


def commitment(draft: Draft, lang: str, width: float, st: Styles) -> list[Flowable]:
    """The declaration, addressed to the department, with the usual commitments, lines for 法定代表人
    and 经办人, and at least 45 mm clear for the seal. The caller puts it on a page of its own."""
    langs = Lang.parse(lang).parts
    project = zh_text(draft.project.title).strip() or "　" * 8
    out: list[Flowable] = [TextBlock(st.part_title, t("part_commitment", lang, "\n"), align="centre"), Spacer(1, 6)]
    out.append(TextBlock(st.body, "\n".join(t("commit_to", one) for one in langs)))
    out.append(TextBlock(st.body, "\n".join(one.choose("　　", "") + tf("commit_intro", one, project=project)
                                            for one in langs)))
    # bilingual: the English in a smaller face, so the declaration, the signatures and the seal's room
    # stay on one page
    english = st.note if Lang.parse(lang).both else st.body
    for n in range(1, 6):
        for one in langs:
            mark = one.choose(f"　　{'一二三四五'[n - 1]}、", f"{n}. ")
            out.append(TextBlock(one.choose(st.body, english), mark + t(f"commit_{n}", one)))
    out.append(Spacer(1, 12))
    signs = [
        [TextBlock(st.value, t("commit_rep", lang, "\n")), ""],
        [TextBlock(st.value, t("commit_agent", lang, "\n")), ""],
        [TextBlock(st.value, t("commit_seal", lang, "\n")), ""],
    ]
    table = Table(signs, colWidths=[width * 0.34, width * 0.30], hAlign="RIGHT", minRowHeights=[30, 30, 26])
    table.setStyle(base_style(st.font, [("LINEBELOW", (1, 0), (1, 1), 0.6, RULE),
                                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    out.append(table)
    out.append(Spacer(1, SEAL_ROOM))
    date_line = t("blank_date", Lang.parse(lang).one)
    out.append(TextBlock(st.value, f"{t('commit_date', lang, ' ')}{date_line}", align="right"))
    return out
