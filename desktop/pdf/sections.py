"""The subsidy computed, in 元 and 万元, with its formula in words (the self-check report's section)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from desktop.domain.money import format_wan, format_yuan
from desktop.pdf.blocks import base_style, section
from desktop.pdf.strings import t
from desktop.pdf.styles import RULE, Styles
from desktop.pdf.text import para
from desktop.rules.assessment import Assessment


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
