"""The checker on the application's own facts: /2 drafts only (a /1 draft validates exactly as before),
each missing value named by its path and the part that prints it, only for the template's parts."""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.applicant_facts import FinancialYear, Indicator, Person
from desktop.rules.application_facts import check_application_facts
from desktop.rules.template import load_template, parse_template
from desktop.services.checking import assess
from tests.conftest import AS_OF
from tests.unit.pdf_helpers import demo
from tests.unit.test_applicant_facts import facts_draft

FACT_RULES = {"fact_missing", "mobile_unrecognised", "financial_years_short", "financial_year_repeated",
              "indicator_kind_missing", "rd_staff_above_staff"}


class _Out:
    def __init__(self) -> None:
        self.found: list[tuple[str, str, dict[str, object]]] = []

    def add(self, rule: str, path: str, **params: object) -> None:
        self.found.append((rule, path, params))


def test_a_v1_draft_gets_no_fact_findings() -> None:
    a = assess(demo(), AS_OF)
    assert demo().format_version == 1
    assert not [f for f in a.findings if f.rule in FACT_RULES]


def test_every_fact_the_template_prints_is_asked_for() -> None:
    d = demo()
    d.format_version = 2
    a = assess(d, AS_OF)
    missing = {f.path for f in a.findings if f.rule == "fact_missing"}
    assert {"project_facts.recommender", "project_facts.leader.name", "project_facts.leader.mobile",
            "project_facts.contact.mobile", "project_facts.finance_officer.name", "company_facts.registered_capital",
            "company_facts.founded_on", "company_facts.staff", "company_facts.bank_account"} <= missing
    assert "project_facts.application_date" not in missing  # a blank to fill by hand
    rules = {f.rule for f in a.findings}
    assert {"financial_years_short", "indicator_kind_missing"} <= rules
    finding = next(f for f in a.findings if f.path == "company_facts.bank_account")
    assert finding.severity == "warning"
    assert "银行账号" in a.message(finding, "zh") and "单位基本情况表" in a.message(finding, "zh")
    assert "bank account" in a.message(finding, "en")


def test_complete_facts_give_no_findings() -> None:
    d = demo()
    filled = facts_draft()
    d.company_facts, d.project_facts = filled.company_facts, filled.project_facts
    assert not [f for f in assess(d, AS_OF).findings if f.rule in FACT_RULES]


def test_wrong_facts_are_named() -> None:
    d = facts_draft()
    d.project_facts.contact = Person("李四", "020-8888 6612")
    d.company_facts.rd_staff = 400
    d.company_facts.financials = [FinancialYear(2024, Decimal(1), Decimal(1), Decimal(1), Decimal(1), None)] * 2
    d.project_facts.indicators = [Indicator("output", "购置研发设备", None, Decimal(2))]
    out = _Out()
    check_application_facts(d, load_template(), out)
    found = {(rule, path) for rule, path, _ in out.found}
    assert ("mobile_unrecognised", "project_facts.contact.mobile") in found
    assert ("rd_staff_above_staff", "company_facts.rd_staff") in found
    assert ("fact_missing", "company_facts.financials[0].total_liabilities") in found
    assert ("financial_year_repeated", "company_facts.financials") in found
    assert ("financial_years_short", "company_facts.financials") in found
    assert ("fact_missing", "project_facts.indicators[0].unit") in found
    assert ("indicator_kind_missing", "project_facts.indicators") in found
    a = assess(d, AS_OF)
    assert next(f for f in a.findings if f.rule == "rd_staff_above_staff").severity == "error"


def test_only_the_templates_parts_are_checked() -> None:
    d = facts_draft()
    d.company_facts.financials = []
    d.project_facts.indicators = []
    d.project_facts.recommender = None
    short = parse_template("template: x\nparts: [company, equipment]\nequipment_columns: [no, name]\n", "x.yaml")
    out = _Out()
    check_application_facts(d, short, out)
    assert out.found == []
