"""Every rule of the pack, each shown firing and not firing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.model import Draft
from desktop.rules.assessment import Assessment
from desktop.rules.checker import check
from desktop.rules.evidence_pack import EVIDENCE_RULES
from desktop.rules.pack import COMPANY_RULES, FACT_RULES, KNOWN_RULES, NOTICE_RULES
from desktop.services.packs import get_pack
from tests.conftest import AS_OF
from tests.unit.builders import draft, line

PACK = get_pack("gd-ai-robotics-2025")


def run(d: Draft, as_of: date = AS_OF) -> Assessment:
    return check(d, PACK, as_of)


def fired(a: Assessment, rule: str) -> list[str]:
    return [f.path for f in a.findings if f.rule == rule]


def test_a_complete_draft_is_ready_with_no_errors() -> None:
    a = run(draft())
    assert a.status == "ready", [(f.rule, f.path) for f in a.findings]
    assert a.errors == 0


Case = tuple[str, Callable[[], Draft], list[str]]

CASES: list[Case] = [
    ("required", lambda: draft(applicant__name=" "), ["applicant.name"]),
    ("required", lambda: draft(applicant__credit_code=None), ["applicant.credit_code"]),
    ("required", lambda: draft(applicant__city=None), ["applicant.city"]),
    ("required", lambda: draft(applicant__center_level=None), ["applicant.center_level"]),
    ("required", lambda: draft(project__title=""), ["project.title"]),
    ("required", lambda: draft(project__category=None), ["project.category"]),
    ("required", lambda: draft(project__start_date=None), ["project.start_date"]),
    ("required", lambda: draft(project__end_date=None), ["project.end_date"]),
    ("required", lambda: draft([line(name=None)]), ["equipment[0].name"]),
    ("required", lambda: draft([line(quantity=None)]), ["equipment[0].quantity"]),
    ("required", lambda: draft([line(unit_price=None)]), ["equipment[0].unit_price"]),
    ("required", lambda: draft([line(purchase_date=None)]), ["equipment[0].purchase_date"]),
    ("equipment_none", lambda: draft([]), ["equipment"]),
    ("text_too_long", lambda: draft(applicant__name="广" * 101), ["applicant.name"]),
    ("text_too_long", lambda: draft([line(supplier="s" * 101)]), ["equipment[0].supplier"]),
    ("text_hidden_characters", lambda: draft(project__title="平台\u202e台平"), ["project.title"]),
    ("text_hidden_characters", lambda: draft([line(name="机器人\x00")]), ["equipment[0].name"]),
    ("credit_code_format", lambda: draft(applicant__credit_code="9144"), ["applicant.credit_code"]),
    ("credit_code_format", lambda: draft(applicant__credit_code="91440300MA5FXXXXIY"), ["applicant.credit_code"]),
    ("city_outside", lambda: draft(applicant__city="长沙市"), ["applicant.city"]),
    ("center_level_none", lambda: draft(applicant__center_level="none"), ["applicant.center_level"]),
    ("category_other_track", lambda: draft(project__category="ai_benchmark"), ["project.category"]),
    ("no_eligible_line", lambda: draft([line(condition="used")]), ["equipment"]),
    ("requested_above_max", lambda: draft(project__requested_subsidy=Decimal("20000.01")),
     ["project.requested_subsidy"]),
    ("requested_invalid", lambda: draft(project__requested_subsidy=Decimal("-1")), ["project.requested_subsidy"]),
    ("requested_invalid", lambda: draft(project__requested_subsidy=Decimal("1.001")), ["project.requested_subsidy"]),
    ("project_dates_reversed", lambda: draft(project__end_date=date(2025, 8, 31)), ["project.end_date"]),
    ("rate_missing", lambda: draft([line(currency="USD")]), ["equipment[0].exchange_rate"]),
    ("rate_invalid", lambda: draft([line(currency="USD", exchange_rate=Decimal(0))]),
     ["equipment[0].exchange_rate"]),
    ("rate_on_cny", lambda: draft([line(currency="CNY", exchange_rate=Decimal("7.1"))]),
     ["equipment[0].exchange_rate"]),
    ("price_decimals", lambda: draft([line(unit_price=Decimal("100.005"))]), ["equipment[0].unit_price"]),
    ("price_not_positive", lambda: draft([line(unit_price=Decimal("0"))]), ["equipment[0].unit_price"]),
    ("price_not_positive", lambda: draft([line(unit_price=Decimal("-5"))]), ["equipment[0].unit_price"]),
    ("quantity_below_one", lambda: draft([line(quantity=0)]), ["equipment[0].quantity"]),
    ("credit_code_checksum", lambda: draft(applicant__credit_code="91110000600037341N"),
     ["applicant.credit_code"]),
    ("line_excluded_used", lambda: draft([line(), line(condition="used")]), ["equipment[1].condition"]),
    ("line_excluded_production", lambda: draft([line(), line(use="production")]), ["equipment[1].use"]),
    ("line_excluded_window", lambda: draft([line(), line(purchase_date=date(2025, 8, 31))]),
     ["equipment[1].purchase_date"]),
    ("line_excluded_incomplete", lambda: draft([line(), line(use=None)]), ["equipment[1].use"]),
    ("line_excluded_incomplete", lambda: draft([line(), line(condition=None)]), ["equipment[1].condition"]),
    ("invoice_missing", lambda: draft([line(invoice_number=None)]), ["equipment[0].invoice_number"]),
    ("invoice_unrecognised", lambda: draft([line(invoice_number="12-34")]), ["equipment[0].invoice_number"]),
    ("invoice_duplicate", lambda: draft([line(), line(), line(invoice_number="25442000000099999999")]),
     ["equipment[0].invoice_number", "equipment[1].invoice_number"]),
    ("purchase_after_as_of", lambda: draft([line(purchase_date=date(2026, 6, 2))]),
     ["equipment[0].purchase_date"]),
    ("center_approval_outside", lambda: draft(applicant__center_approved_on=date(2024, 12, 31)),
     ["applicant.center_approved_on"]),
    ("three_quotes", lambda: draft([line(unit_price=Decimal("100000.00"))]), ["equipment[0].unit_price"]),
    ("cap_applied", lambda: draft([line(unit_price=Decimal("200000000.00"))]), ["project.requested_subsidy"]),
    ("provincial_cap_unconfirmed", lambda: draft(applicant__center_level="provincial"),
     ["applicant.center_level"]),
    ("requested_defaulted", lambda: draft(), ["project.requested_subsidy"]),
]


@pytest.mark.parametrize(("rule", "make", "paths"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires(rule: str, make: Callable[[], Draft], paths: list[str]) -> None:
    a = run(make())
    assert sorted(fired(a, rule)) == sorted(paths)
    severity = PACK.rules[rule].severity
    if severity == "error":
        assert a.status == "blocked"
    for f in a.findings:
        assert a.message(f, "zh") and a.message(f, "en")
        assert "{" not in a.message(f, "zh") and "{" not in a.message(f, "en")
        assert a.clause(f, "zh") and a.basis(f) in ("seed", "reprint", "practice")


@pytest.mark.parametrize("rule", sorted(KNOWN_RULES - {"as_of_outside_window", "requested_defaulted"}))
def test_rule_does_not_fire_on_a_clean_draft(rule: str) -> None:
    assert fired(run(draft([line(unit_price=Decimal("99999.99"))], project__requested_subsidy=Decimal("100"))),
                 rule) == []


def test_every_rule_has_a_firing_case() -> None:
    # evidence, the application's facts and the notice's checks: their own files (test_evidence_*,
    # test_application_facts_check, test_notices, test_company_documents)
    own_files = EVIDENCE_RULES | FACT_RULES | NOTICE_RULES | COMPANY_RULES
    assert {c[0] for c in CASES} | {"as_of_outside_window"} == set(KNOWN_RULES - own_files)


def test_requested_defaulted_does_not_fire_when_requested_given() -> None:
    assert fired(run(draft(project__requested_subsidy=Decimal("100.00"))), "requested_defaulted") == []


@pytest.mark.parametrize(
    ("as_of", "fires"),
    [
        (date(2025, 8, 31), True), (date(2025, 9, 1), False), (date(2027, 12, 31), False),
        (date(2028, 1, 1), True),
    ],
)
def test_check_date_window(as_of: date, fires: bool) -> None:
    d = draft([line(purchase_date=date(2025, 9, 1))])
    a = run(d, as_of)
    assert bool(fired(a, "as_of_outside_window")) is fires
    assert (a.status == "blocked") is fires


@pytest.mark.parametrize(
    ("bought", "eligible"),
    [
        (date(2025, 8, 31), False), (date(2025, 9, 1), True), (date(2027, 12, 31), True),
        (date(2028, 1, 1), False),
    ],
)
def test_purchase_window_boundaries(bought: date, eligible: bool) -> None:
    a = run(draft([line(purchase_date=bought)]), date(2027, 12, 31))
    assert a.lines[0].eligible is eligible
    assert ("outside_window" in a.lines[0].reasons) is not eligible


def test_not_an_innovation_centre_has_no_subsidy_but_keeps_totals() -> None:
    a = run(draft(applicant__center_level="none"))
    assert a.totals.eligible == Decimal("50000.00")
    assert a.totals.max_subsidy == Decimal("0.00") and a.totals.cap is None


def test_missing_level_means_no_subsidy() -> None:
    assert run(draft(applicant__center_level=None)).totals.max_subsidy == Decimal("0.00")


def test_other_errors_do_not_change_totals() -> None:
    a = run(draft(applicant__name=None, project__category="open_source"))
    assert a.status == "blocked"
    assert a.totals.max_subsidy == Decimal("20000.00")


def test_messages_speak_both_languages() -> None:
    a = run(draft(applicant__city="长沙市"))
    (f,) = [f for f in a.findings if f.rule == "city_outside"]
    assert "长沙市" in a.message(f, "zh") and "Guangdong" in a.message(f, "en")
    assert "广东" in a.clause(f, "zh")


@pytest.mark.parametrize("rule", sorted(r for r in KNOWN_RULES if PACK.rules[r].severity != "info"))
def test_every_error_and_warning_says_what_to_do(rule: str) -> None:
    assert "请" in PACK.rules[rule].message.get("zh")


def test_cap_message_uses_the_pack_rate_and_a_clause_for_every_level() -> None:
    a = run(draft([line(unit_price=Decimal("30000000.00"))], applicant__center_level="provincial"))
    (f,) = [f for f in a.findings if f.rule == "cap_applied"]
    assert "40%" in a.message(f, "en") and "10,000,000.00" in a.message(f, "en")
    assert "provincial" in a.clause(f, "en")


def test_text_report_marks_the_provincial_cap_unconfirmed() -> None:
    from desktop.services.report import render_text

    a = run(draft(applicant__center_level="provincial"))
    cap_row = next(row for row in render_text(a, "d.json", "en").splitlines() if row.strip().startswith("Cap"))
    assert "10,000,000.00" in cap_row and "unconfirmed" in cap_row
    cap_row = next(row for row in render_text(run(draft()), "d.json", "en").splitlines()
                   if row.strip().startswith("Cap"))
    assert "unconfirmed" not in cap_row
