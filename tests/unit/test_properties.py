"""Properties that hold for any draft (hypothesis)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import choices
from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import dumps, loads
from desktop.domain.model import Applicant, Attachment, Contact, Draft, EquipmentLine, Project
from desktop.rules.checker import check
from desktop.services.packs import get_pack

PACK = get_pack("gd-ai-robotics-2025")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.none() | st.text(max_size=30)
dates = st.none() | st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31))
money = st.none() | st.decimals(min_value=Decimal("-1000"), max_value=Decimal("99999999999"), places=3,
                                allow_nan=False, allow_infinity=False)
positive_money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999"), places=2)


def enum(table: choices.Labels) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(list(table))


lines = st.builds(
    EquipmentLine,
    name=texts, model=texts, supplier=texts, kind=enum(choices.KINDS), use=enum(choices.USES),
    condition=enum(choices.CONDITIONS), quantity=st.none() | st.integers(-3, 1000), unit_price=money,
    currency=st.sampled_from([None, "CNY", "USD", "EUR"]),
    exchange_rate=st.none() | st.decimals(min_value=Decimal("0"), max_value=Decimal("20"), places=4),
    purchase_date=dates, invoice_number=texts,
)
drafts = st.builds(
    Draft,
    program=st.just("gd-ai-robotics-2025"),
    title=texts,
    applicant=st.builds(
        Applicant, name=texts, credit_code=texts, city=st.none() | st.sampled_from(["guangzhou", "长沙市", "hengqin"]),
        address=texts, legal_representative=texts,
        contact=st.builds(Contact, name=texts, phone=texts, email=texts),
        center_level=enum(choices.CENTER_LEVELS), center_name=texts, center_approved_on=dates,
    ),
    project=st.builds(
        Project, title=texts, category=enum(choices.CATEGORIES), summary=texts, start_date=dates,
        end_date=dates, requested_subsidy=money,
    ),
    equipment=st.lists(lines, max_size=8),
    attachments=st.lists(
        st.builds(Attachment, kind=enum(choices.ATTACHMENT_KINDS), name=texts,
                  sha256=st.none() | st.text("0123456789abcdef", min_size=64, max_size=64),
                  size=st.none() | st.integers(0, 10**9), path=texts, lines=st.lists(st.integers(0, 9), max_size=3)),
        max_size=3,
    ),
)


@FAST
@given(drafts, st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 6, 30)))
def test_subsidy_never_exceeds_rate_or_cap(d: Draft, as_of: date) -> None:
    a = check(d, PACK, as_of)
    t = a.totals
    assert t.max_subsidy <= t.eligible * Decimal("0.40")
    assert t.max_subsidy >= 0
    if t.cap is not None:
        assert t.max_subsidy <= t.cap
    else:
        assert t.max_subsidy == 0
    assert t.eligible == sum((r.amount for r in a.lines if r.eligible and r.amount is not None), Decimal(0))
    assert t.eligible <= t.declared
    assert (a.status == "blocked") == any(f.severity == "error" for f in a.findings)


@FAST
@given(drafts)
def test_dump_then_load_is_unchanged(d: Draft) -> None:
    again = loads(dumps(d))
    assert dumps(again) == dumps(d)
    assert again == d


@FAST
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        loads(data)
    except DraftFormatError as exc:
        assert str(exc)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@FAST
@given(json_values)
def test_random_json_never_crashes(value: object) -> None:
    try:
        loads(json.dumps(value))
    except DraftFormatError as exc:
        assert str(exc)


keys = st.sampled_from(["title", "applicant", "project", "equipment", "attachments", "nme"])


@FAST
@given(st.dictionaries(keys, json_values, max_size=5), st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 1, 1)))
def test_random_draft_shaped_json_gives_findings_or_a_refusal(extra: dict[str, object], as_of: date) -> None:
    doc = {"format": "grant-draft/1", "program": "gd-ai-robotics-2025", **extra}
    try:
        d = loads(json.dumps(doc))
    except DraftFormatError as exc:
        assert str(exc)
        return
    check(d, PACK, as_of)
