"""The application's forms: 单位基本情况表, 财务情况表, 项目概况表, 项目绩效目标表 and 资金测算表."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from reportlab.platypus import Flowable

from desktop.domain import choices
from desktop.domain.applicant_facts import FINANCIAL_YEARS, INDICATOR_KINDS, FinancialYear
from desktop.domain.fieldpath import ANY, path_text
from desktop.domain.lang import Lang, choose
from desktop.domain.model import Draft
from desktop.pdf.blocks import TextBlock
from desktop.pdf.official import city_name, doc_date, form_table, wan, yuan
from desktop.pdf.strings import label, pair, t, tf
from desktop.pdf.styles import Styles
from desktop.rules.assessment import Assessment


def _title(key: str, lang: str, st: Styles) -> TextBlock:
    return TextBlock(st.part_title, t(key, lang, "\n"), align="centre")


def _label(key: str, lang: str) -> str:
    return t(key, lang, "\n")


def _field(path: str, lang: str) -> str:
    """The printed label of a field of the draft (the field catalogue's)."""
    return label(path, lang, "\n")


def company(draft: Draft, lang: str, width: float, st: Styles) -> list[Flowable]:
    a, c = draft.applicant, draft.company_facts
    one = Lang.parse(lang).one
    level = choices.label(choices.CENTER_LEVELS, a.center_level, one) if a.center_level else ""
    ap, co = "applicant.", "company_facts."  # the paths of the fields printed (their labels are the catalogue's)
    pairs = [
        (ap + "name", a.name, None, None),
        (ap + "credit_code", a.credit_code, ap + "city", city_name(a.city, lang)),
        (ap + "address", a.address, None, None),
        (ap + "legal_representative", a.legal_representative, co + "founded_on", doc_date(c.founded_on, lang)),
        (co + "registered_capital", wan(c.registered_capital), co + "staff", "" if c.staff is None else f"{c.staff:,}"),
        (co + "rd_staff", "" if c.rd_staff is None else f"{c.rd_staff:,}", ap + "center_level", level),
        (co + "bank_name", c.bank_name, None, None),
        (co + "bank_account", c.bank_account, None, None),
        (ap + "center_name", a.center_name, ap + "center_approved_on", doc_date(a.center_approved_on, lang)),
        (ap + "contact.name", a.contact.name, ap + "contact.phone", a.contact.phone),
        (ap + "contact.email", a.contact.email, None, None),
    ]
    rows: list[list[object]] = []
    spans = []
    for r, (k1, v1, k2, v2) in enumerate(pairs):
        if k2 is None:
            rows.append([_field(k1, lang), v1, "", ""])
            spans.append(((1, r), (3, r)))
        else:
            rows.append([_field(k1, lang), v1, _field(k2, lang), v2])
    w = width
    table = form_table(rows, [w * 0.20, w * 0.32, w * 0.20, w * 0.28], st, label_columns=(0, 2), spans=spans)
    return [_title("part_company", lang, st), table]


def _ratio(year: FinancialYear) -> str:
    if year.total_assets is None or year.total_liabilities is None or year.total_assets == 0:
        return ""
    ratio = (year.total_liabilities / year.total_assets * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{ratio}"


def financials(draft: Draft, lang: str, width: float, st: Styles) -> list[Flowable]:
    """The last three years (the draft's, oldest first; blank columns to fill by hand when fewer)."""
    years = sorted(draft.company_facts.financials, key=lambda y: (y.year is None, y.year or 0))[-FINANCIAL_YEARS:]
    blanks = [FinancialYear() for _ in range(FINANCIAL_YEARS - len(years))]
    columns = [*years, *blanks]
    header = [_label("fin_item", lang), *(tf("fin_year", lang, " / ", year=y.year) if y.year is not None
                                          else choose(lang, "年", "") for y in columns)]
    year = "company_facts.financials[]."
    items: list[tuple[str, Callable[[FinancialYear], str]]] = [
        (_field(year + "revenue", lang), lambda y: wan(y.revenue)),
        (_field(year + "total_profit", lang), lambda y: wan(y.total_profit)),
        (_field(year + "rd_spending", lang), lambda y: wan(y.rd_spending)),
        (_field(year + "total_assets", lang), lambda y: wan(y.total_assets)),
        (_field(year + "total_liabilities", lang), lambda y: wan(y.total_liabilities)),
        (_label("fin_ratio", lang), _ratio),
    ]
    rows: list[list[object]] = [list(header)]
    rows += [[label, *(get(y) for y in columns)] for label, get in items]
    w = width
    table = form_table(rows, [w * 0.28, w * 0.24, w * 0.24, w * 0.24], st, header_rows=1,
                       aligns=["left", "right", "right", "right"])
    return [_title("part_financials", lang, st), TextBlock(st.note, t("fin_unit", lang), align="right"), table]


def project(draft: Draft, a: Assessment, lang: str, width: float, st: Styles) -> list[Flowable]:
    p = draft.project
    one = Lang.parse(lang).one
    category = choices.label(choices.CATEGORIES, p.category, one) if p.category else ""
    to = t("to", lang, " ")
    period = "" if p.start_date is None and p.end_date is None else (
        f"{doc_date(p.start_date, lang) or '……'} {to} {doc_date(p.end_date, lang) or '……'}"
    )
    counted = [r for r in a.lines if r.eligible]
    sets = sum((draft.equipment[r.index].quantity or 0) for r in counted)
    rows: list[list[object]] = [
        [_field("project.title", lang), p.title],
        [_field("project.category", lang), category],
        [_label("pj_period", lang), period],
        [_label("pj_equipment", lang), yuan(a.totals.eligible)],
        [_label("pj_lines", lang), f"{sets:,}"],
        [_field("project.requested_subsidy", lang), yuan(a.totals.requested)],
        [_field("project.summary", lang), p.summary],
    ]
    w = width
    table = form_table(rows, [w * 0.28, w * 0.72], st)
    return [_title("part_project", lang, st), table]


def indicators(draft: Draft, lang: str, width: float, st: Styles) -> list[Flowable]:
    """Output and effect indicators with units and targets; blank rows to fill by hand when none."""
    given = draft.project_facts.indicators
    order = {k: n for n, k in enumerate(INDICATOR_KINDS)}
    shown = sorted(given, key=lambda i: order.get(i.kind or "", len(order)))
    rows: list[list[object]] = [[_field(path_text("project_facts.indicators", ANY, k), lang)
                                 for k in ("kind", "name", "unit", "target")]]
    if shown:
        for ind in shown:
            kind = pair(INDICATOR_KINDS[ind.kind], lang, "\n") if ind.kind in INDICATOR_KINDS else ""
            target = "" if ind.target is None else f"{ind.target:,}"
            rows.append([kind, ind.name, ind.unit, target])
    else:
        for kind in ("output", "output", "effect", "effect"):
            rows.append([pair(INDICATOR_KINDS[kind], lang, "\n"), "", "", ""])
    spans = []
    start = 1
    for r in range(2, len(rows) + 1):  # one cell for a run of the same kind
        if r == len(rows) or rows[r][0] != rows[start][0]:
            if r - 1 > start:
                spans.append(((0, start), (0, r - 1)))
            start = r
    for a, b in spans:
        for r in range(a[1] + 1, b[1] + 1):
            rows[r][0] = ""
    w = width
    table = form_table(rows, [w * 0.18, w * 0.46, w * 0.14, w * 0.22], st, header_rows=1,
                       aligns=["left", "left", "left", "right"], spans=spans)
    return [_title("part_indicators", lang, st), table]


def funding(a: Assessment, lang: str, width: float, st: Styles) -> list[Flowable]:
    """The computation in plain words: base, rate, amount at the rate, limit, the lower of the two,
    the amount requested."""
    tot = a.totals
    rate = f"{(tot.rate * 100).normalize():f}%"
    rows: list[list[object]] = [
        [_label("fund_item", lang), _label("fund_amount", lang)],
        [_label("fund_base", lang), yuan(tot.eligible)],
        [_label("fund_rate", lang), rate],
        [_label("fund_by_rate", lang), yuan(tot.uncapped)],
        [_label("fund_cap", lang), yuan(tot.cap) if tot.cap is not None else t("fund_no_cap", lang, "\n")],
        [_label("fund_max", lang), yuan(tot.max_subsidy)],
        [_label("fund_requested", lang), yuan(tot.requested)],
    ]
    w = width
    table = form_table(rows, [w * 0.64, w * 0.36], st, header_rows=1, aligns=["left", "right"])
    return [_title("part_funding", lang, st), table]
