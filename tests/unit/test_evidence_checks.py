"""The evidence checks: each one fires where it should and stays silent on complete evidence; none of
them fires on a grant-draft/1 draft."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.exchange import loads
from desktop.domain.model import Attachment, Contract, Draft, Invoice, LineFile, Payment
from desktop.rules.assessment import Assessment
from desktop.rules.checker import IncrementalChecker, check
from desktop.rules.evidence_pack import EVIDENCE_RULES
from desktop.services.packs import get_pack
from tests.conftest import AS_OF
from tests.unit.builders import draft, line
from tests.unit.evidence_builders import evidenced_line, sha

PACK = get_pack("gd-ai-robotics-2025")
DOCS = ("business_licence", "center_approval", "audit_report", "credit_report", "legal_rep_certificate")


def documents(*kinds: str) -> list[Attachment]:
    return [Attachment(kind=k, name=f"{k}.pdf", sha256=sha(900 + i), size=10) for i, k in enumerate(kinds)]


def complete(n: int = 2) -> Draft:
    """A grant-draft/2 draft whose evidence is complete: no evidence finding at all."""
    d = draft([evidenced_line(i, quantity=1 + i % 2) for i in range(n)], project__requested_subsidy=Decimal("100"))
    d.attachments = documents(*DOCS)
    return d


def evidence_findings(a: Assessment) -> list[tuple[str, str]]:
    return sorted((f.rule, f.path) for f in a.findings if f.rule in EVIDENCE_RULES)


def fired(a: Assessment, rule: str) -> list[str]:
    return sorted(f.path for f in a.findings if f.rule == rule)


def test_complete_evidence_is_silent_and_ready() -> None:
    a = check(complete(), PACK, AS_OF)
    assert evidence_findings(a) == [] and a.status == "ready"
    assert not [f for f in a.findings if f.rule == "invoice_missing"]  # the invoices list says it


def _with(index: int, **over: object) -> Callable[[], Draft]:
    def make() -> Draft:
        d = complete()
        for key, value in over.items():
            setattr(d.equipment[index], key, value)
        return d
    return make


def _docs_without(*gone: str) -> Callable[[], Draft]:
    def make() -> Draft:
        d = complete()
        d.attachments = [a for a in d.attachments if a.kind not in gone]
        return d
    return make


OUTSIDE = date(2025, 8, 31)
CASES: list[tuple[str, Callable[[], Draft], list[str]]] = [
    ("evidence_invoice_incomplete", _with(0, invoices=[Invoice("1", None, Decimal(1))]),
     ["equipment[0].invoices[0].date"]),
    ("evidence_invoice_incomplete", _with(1, invoices=[Invoice(" ", date(2025, 10, 1), None)]),
     ["equipment[1].invoices[0].number"]),
    ("evidence_invoice_outside_window", _with(1, invoices=[Invoice("1", OUTSIDE, Decimal(1))]),
     ["equipment[1].invoices[0].date"]),
    ("evidence_invoice_outside_window", _with(0, invoices=[Invoice("1", date(2028, 1, 1), Decimal(1))]),
     ["equipment[0].invoices[0].date"]),
    ("evidence_payment_outside_window",
     _with(0, payments=[Payment(date(2025, 10, 1), Decimal(1), "cash"), Payment(OUTSIDE, Decimal(50000), "cash")]),
     ["equipment[0].payments[1].date"]),
    ("evidence_payment_missing", _with(1, payments=[]), ["equipment[1].payments"]),
    ("evidence_underpaid", _with(0, payments=[Payment(date(2025, 10, 1), Decimal("49999.99"), "bank_transfer")]),
     ["equipment[0].payments"]),
    ("evidence_contract_missing", _with(1, contract=Contract(None, date(2025, 9, 1))),
     ["equipment[1].contract.number"]),
    ("evidence_nameplate_missing", _with(0, files=[LineFile("contract", sha(5), "c.pdf", 1)]), ["equipment[0].files"]),
    ("evidence_nameplate_fewer", _with(1, files=[LineFile("nameplate_photo", sha(5), "p.jpg", 1)]),
     ["equipment[1].files"]),
    ("evidence_nameplate_shared",
     _with(1, files=[LineFile("nameplate_photo", sha(10**6), "p.jpg", 1), LineFile("nameplate_photo", sha(7), "", 1)]),
     ["equipment[0].files[2]", "equipment[1].files[0]"]),
    ("evidence_asset_tag_missing", _with(0, asset_tag="  "), ["equipment[0].asset_tag"]),
    ("evidence_customs_missing", _with(1, imported=True), ["equipment[1].customs_declaration"]),
    ("required_document_missing", _docs_without("credit_report"), ["attachments"]),
    ("required_document_missing", _docs_without("legal_rep_certificate", "audit_report"),
     ["attachments", "attachments"]),
]


@pytest.mark.parametrize(("rule", "make", "paths"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_evidence_rule_fires(rule: str, make: Callable[[], Draft], paths: list[str]) -> None:
    a = check(make(), PACK, AS_OF)
    assert [(r, p) for r, p in evidence_findings(a)] == sorted((rule, p) for p in paths)
    for f in a.findings:
        assert "{" not in a.message(f, "zh") and "{" not in a.message(f, "en")
        assert a.basis(f) == "practice" or f.rule not in EVIDENCE_RULES
    assert (a.status == "blocked") == (PACK.rules[rule].severity == "error")


def test_every_evidence_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} | {"evidence_invoice_elsewhere"} == set(EVIDENCE_RULES)


def test_missing_documents_are_named_and_the_alternative_counts() -> None:
    d = _docs_without("legal_rep_certificate", "business_licence")()
    a = check(d, PACK, AS_OF)
    assert sorted(a.message(f, "en") for f in a.findings if f.rule == "required_document_missing") == [
        "The business licence is missing; add it to the attachments. The application cannot be printed as final "
        "while it is missing (a watermarked draft copy can be).",
        "The certificate of the legal representative or power of attorney is missing; add it to the attachments. "
        "The application cannot be printed as final while it is missing (a watermarked draft copy can be).",
    ]
    d.attachments += documents("power_of_attorney", "business_licence")
    assert evidence_findings(check(d, PACK, AS_OF)) == []


def test_software_needs_no_nameplate_and_paid_in_full_by_instalments() -> None:
    d = complete()
    d.equipment[0] = evidenced_line(0, kind="software", files=[], asset_tag=None, payments=[
        Payment(date(2025, 10, 1), Decimal("20000.00"), "bank_transfer"),
        Payment(date(2025, 11, 1), Decimal("30000.00"), "acceptance_bill"),
    ])
    assert evidence_findings(check(d, PACK, AS_OF)) == []


def test_invoice_used_on_another_draft_names_it() -> None:
    d = complete()
    d.equipment[1].invoice_number = "2544 2000 0000 0000 0009"
    elsewhere = {"25442000000000000001": "2025 第一批申报", "25442000000000000009": "旧草稿"}
    a = check(d, PACK, AS_OF, elsewhere)
    assert fired(a, "evidence_invoice_elsewhere") == ["equipment[1].invoice_number", "equipment[1].invoices[0].number"]
    texts = sorted(a.message(f, "zh") for f in a.findings if f.rule == "evidence_invoice_elsewhere")
    assert "「2025 第一批申报」" in texts[0] + texts[1] and "「旧草稿」" in texts[0] + texts[1]


def test_no_evidence_rule_fires_on_a_v1_draft(demo_path: Path) -> None:
    d = loads(demo_path.read_bytes())
    a = check(d, PACK, AS_OF, {"25442000000012345678": "other"})
    assert evidence_findings(a) == []
    d.format_version = 2  # the same content read as grant-draft/2 is checked for its evidence
    assert {r for r, _ in evidence_findings(check(d, PACK, AS_OF))} >= {
        "required_document_missing", "evidence_payment_missing", "evidence_contract_missing",
    }


def test_a_v1_draft_becomes_checked_once_evidence_is_added() -> None:
    d = draft([line(), line(invoice_number="25442000000000000077")])
    assert evidence_findings(check(d, PACK, AS_OF)) == []
    d.equipment[0].asset_tag = "ZC-1"
    assert "evidence_payment_missing" in {r for r, _ in evidence_findings(check(d, PACK, AS_OF))}


def test_incremental_checker_equals_the_full_check_with_evidence() -> None:
    d = draft([line(), line(invoice_number="25442000000000000077")])
    inc = IncrementalChecker(PACK, AS_OF)
    inc.invoices_elsewhere = {"25442000000012345678": "别的草稿"}
    assert inc.run(d).findings == check(d, PACK, AS_OF, inc.invoices_elsewhere).findings
    d.equipment[1] = evidenced_line(5)  # becomes grant-draft/2: every line is checked again
    assert inc.run(d).findings == check(d, PACK, AS_OF, inc.invoices_elsewhere).findings
    d.equipment.insert(0, copy.copy(d.equipment[1]))
    d.equipment[2].payments = []
    inc.line_changed(2, d.equipment[2])
    assert inc.run(d).findings == check(d, PACK, AS_OF, inc.invoices_elsewhere).findings


def test_incremental_checker_follows_random_edits_of_evidence() -> None:
    import random

    rng = random.Random(7)
    d = complete(6)
    inc = IncrementalChecker(PACK, AS_OF)
    inc.invoices_elsewhere = {"25442000000000000003": "别的草稿"}
    for step in range(60):
        n = len(d.equipment)
        pick = rng.randrange(5)
        if pick == 0 and n > 2:
            start = rng.randrange(n - 1)
            d.equipment[start], d.equipment[start + 1] = d.equipment[start + 1], d.equipment[start]
        elif pick == 1:
            d.equipment.insert(rng.randrange(n + 1), evidenced_line(100 + step, quantity=rng.randint(1, 3)))
        elif pick == 2 and n > 1:
            del d.equipment[rng.randrange(n)]
        else:
            i = rng.randrange(n)
            d.equipment[i].payments = [] if pick == 3 else [Payment(OUTSIDE, Decimal(1), "other")]
            inc.line_changed(i, d.equipment[i])
        assert inc.run(d).findings == check(d, PACK, AS_OF, inc.invoices_elsewhere).findings, step
