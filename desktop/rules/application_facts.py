"""The checks of the application's own facts (grant-draft/2 drafts only; a /1 draft is checked exactly
as before): what the template's parts print, missing values said by their place in the application
(the part prints a blank to fill in by hand), three complete years of figures, output and effect
indicators, mobile numbers that look like mobile numbers, R&D staff within the staff."""

from __future__ import annotations

import re
from typing import Final

from desktop.domain.applicant_facts import FINANCIAL_YEARS, FinancialYear, Indicator, Person
from desktop.domain.fieldpath import path_text, pattern_of
from desktop.domain.fields import FIELD_LABELS
from desktop.domain.model import Draft
from desktop.rules.evidence import Out
from desktop.rules.template import Template

_MOBILE = re.compile(r"^\+?(86)?-?1[3-9]\d{9}$")
PART_NAMES: Final[dict[str, tuple[str, str]]] = {
    "cover": ("封面", "cover"),
    "company": ("单位基本情况表", "company table"),
    "financials": ("财务情况表", "financial table"),
    "indicators": ("项目绩效目标表", "performance targets"),
}
_PEOPLE = ("leader", "contact", "finance_officer")
_COMPANY = ("registered_capital", "founded_on", "staff", "rd_staff", "bank_name", "bank_account")
_YEAR_FIELDS = ("year", "revenue", "total_profit", "rd_spending", "total_assets", "total_liabilities")
_INDICATOR_FIELDS = ("kind", "name", "unit", "target")


def _label(path: str) -> tuple[str, str]:
    return FIELD_LABELS.get(pattern_of(path), (path, path))


def _missing(out: Out, path: str, part: str) -> None:
    out.add("fact_missing", path, field=_label(path), part=PART_NAMES[part])


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _person(out: Out, draft: Draft, role: str) -> None:
    person: Person = getattr(draft.project_facts, role)
    base = f"project_facts.{role}"
    if _blank(person.name):
        _missing(out, f"{base}.name", "cover")
    if _blank(person.mobile):
        _missing(out, f"{base}.mobile", "cover")
    elif person.mobile is not None and not _MOBILE.match(re.sub(r"[\s-]", "", person.mobile)):
        out.add("mobile_unrecognised", f"{base}.mobile", field=_label(f"{base}.mobile"), value=person.mobile)


def _years(out: Out, years: list[FinancialYear]) -> None:
    if len(years) < FINANCIAL_YEARS:
        out.add("financial_years_short", "company_facts.financials", given=str(len(years)),
                wanted=str(FINANCIAL_YEARS))
    for i, year in enumerate(years):
        for name in _YEAR_FIELDS:
            if getattr(year, name) is None:
                _missing(out, path_text("company_facts.financials", i, name), "financials")
                break
    numbers = [y.year for y in years if y.year is not None]
    if len(set(numbers)) != len(numbers):
        out.add("financial_year_repeated", "company_facts.financials")


def _indicators(out: Out, indicators: list[Indicator]) -> None:
    kinds = {i.kind for i in indicators}
    for kind, label in (("output", ("产出指标", "output indicator")), ("effect", ("效益指标", "effect indicator"))):
        if kind not in kinds:
            out.add("indicator_kind_missing", "project_facts.indicators", kind=label)
    for i, ind in enumerate(indicators):
        for name in _INDICATOR_FIELDS:
            if _blank(getattr(ind, name)):
                _missing(out, path_text("project_facts.indicators", i, name), "indicators")
                break


def check_application_facts(draft: Draft, template: Template, out: Out) -> None:
    """The findings about the facts the template's parts print (paths under company_facts and
    project_facts)."""
    parts = set(template.parts)
    if "cover" in parts:
        if _blank(draft.project_facts.recommender):
            _missing(out, "project_facts.recommender", "cover")
        for role in _PEOPLE:
            _person(out, draft, role)
    c = draft.company_facts
    if "company" in parts:
        for name in _COMPANY:
            if _blank(getattr(c, name)):
                _missing(out, f"company_facts.{name}", "company")
    if c.staff is not None and c.rd_staff is not None and c.rd_staff > c.staff:
        out.add("rd_staff_above_staff", "company_facts.rd_staff", rd=str(c.rd_staff), staff=str(c.staff))
    if "financials" in parts:
        _years(out, c.financials)
    if "indicators" in parts:
        _indicators(out, draft.project_facts.indicators)
