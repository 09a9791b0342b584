"""Amounts, rounding and caps, exactly as the spec computes them."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.changes import Change, InsertLines, MoveLines, RemoveLines, ReplaceLine, SetValue
from desktop.rules.checker import IncrementalChecker, check
from desktop.services.packs import get_pack
from tests.conftest import AS_OF
from tests.unit.builders import draft, line

PACK = get_pack("gd-ai-robotics-2025")
D = Decimal


def test_line_amount_rounds_half_up_per_line() -> None:
    a = check(draft([line(quantity=3, unit_price=D("0.01"), currency="USD", exchange_rate=D("7.125"))]), PACK, AS_OF)
    assert a.lines[0].amount == D("0.21")  # 0.21375 -> 0.21
    a = check(draft([line(quantity=1, unit_price=D("10.00"), currency="USD", exchange_rate=D("7.1265"))]), PACK, AS_OF)
    assert a.lines[0].amount == D("71.27")  # 71.265 -> 71.27 (half up, not half even)


def test_ceiling_rounds_down() -> None:
    a = check(draft([line(unit_price=D("0.03"))]), PACK, AS_OF)
    assert a.totals.eligible == D("0.03")
    assert a.totals.max_subsidy == D("0.01")  # 0.012 -> 0.01
    a = check(draft([line(unit_price=D("1.99"))]), PACK, AS_OF)
    assert a.totals.max_subsidy == D("0.79")  # 0.796 -> 0.79, never 0.80


def test_sum_of_lines_then_rate() -> None:
    lines = [line(unit_price=D("33333.33")) for _ in range(3)]
    a = check(draft(lines), PACK, AS_OF)
    assert a.totals.eligible == D("99999.99")
    assert a.totals.max_subsidy == D("39999.99")  # 39999.996 rounded down


def test_national_cap() -> None:
    a = check(draft([line(unit_price=D("125000000.03"))]), PACK, AS_OF)
    assert a.totals.uncapped == D("50000000.01")
    assert a.totals.max_subsidy == D("50000000.00")
    assert a.totals.cap == D("50000000.00")


def test_provincial_cap() -> None:
    a = check(draft([line(unit_price=D("30000000.00"))], applicant__center_level="provincial"), PACK, AS_OF)
    assert a.totals.max_subsidy == D("10000000.00")
    assert any(f.rule == "provincial_cap_unconfirmed" for f in a.findings)


def test_foreign_currency() -> None:
    a = check(draft([line(quantity=2, unit_price=D("152000.00"), currency="USD", exchange_rate=D("7.1268"))]),
              PACK, AS_OF)
    assert a.lines[0].amount == D("2166547.20")
    assert a.totals.max_subsidy == D("866618.88")


def test_foreign_currency_without_rate_is_not_counted() -> None:
    a = check(draft([line(), line(currency="EUR")]), PACK, AS_OF)
    assert a.lines[1].amount is None and not a.lines[1].eligible
    assert a.totals.declared == D("50000.00")


def test_declared_includes_excluded_lines() -> None:
    a = check(draft([line(), line(condition="used", unit_price=D("10.00"))]), PACK, AS_OF)
    assert a.totals.declared == D("50010.00")
    assert a.totals.eligible == D("50000.00")


def test_requested_defaults_to_maximum_and_json_shape() -> None:
    a = check(draft(), PACK, AS_OF)
    j = a.to_json("en")
    assert j["totals"] == {
        "declared": "50000.00", "eligible": "50000.00", "rate": "0.40", "cap": "50000000.00",
        "max_subsidy": "20000.00", "requested": "20000.00",
    }
    assert j["lines"] == [{"index": 0, "amount": "50000.00", "eligible": True, "reasons": []}]
    assert j["status"] == "ready" and j["as_of"] == "2026-06-01" and j["program"] == PACK.id
    for f in j["findings"]:
        assert set(f) == {"rule", "severity", "path", "message", "clause", "basis"}


def test_cap_null_in_json_for_no_level() -> None:
    assert check(draft(applicant__center_level="none"), PACK, AS_OF).to_json()["totals"]["cap"] is None


def test_incremental_checker_equals_full_check_after_edits() -> None:
    d = draft([line(unit_price=D(f"{1000 + i}.00")) for i in range(30)])
    inc = IncrementalChecker(PACK, AS_OF)
    inc.run(d)
    edits: list[Change] = [
        SetValue("equipment[3].quantity", 5), SetValue("equipment[4].condition", "used"),
        InsertLines(2, (line(name="新"),)), RemoveLines((0, 7)), MoveLines(1, 3, 10),
        SetValue("applicant.center_level", "provincial"), ReplaceLine(5, line(use="production")),
    ]
    for change in edits:
        change.apply(d)
        if isinstance(change, SetValue) and change.path.startswith("equipment["):
            index = int(change.path[10:change.path.index("]")])
            inc.line_changed(index, d.equipment[index])  # structural changes need no word: lines are known by identity
        assert inc.run(d).to_json() == check(d, PACK, AS_OF).to_json()
    inc.set_as_of(date(2025, 10, 1))
    assert inc.run(d).to_json() == check(d, PACK, date(2025, 10, 1)).to_json()


@pytest.mark.parametrize("seed", range(8))
def test_incremental_checker_follows_random_edits_between_runs(seed: int) -> None:
    """Several edits may land between two runs (the check is debounced): the result is still exact."""
    rng = random.Random(seed)
    d = draft([line(unit_price=D(f"{99000 + 500 * i}.00"), invoice_number=f"2544200000000000{i:04d}")
               for i in range(25)])
    inc = IncrementalChecker(PACK, AS_OF)
    inc.run(d)
    for step in range(60):
        n = len(d.equipment)
        pick = rng.randrange(6)
        change: Change
        if pick == 0 or n < 4:
            change = InsertLines(rng.randint(0, n), (line(name=f"x{step}", unit_price=D("150000.00")),))
        elif pick == 1:
            change = RemoveLines(tuple(sorted(rng.sample(range(n), 2))))
        elif pick == 2:
            count = rng.randint(1, 3)
            change = MoveLines(rng.randint(0, n - count), count, rng.randint(0, n - count))
        elif pick == 3:
            change = ReplaceLine(rng.randrange(n), line(condition=rng.choice(["new", "used", None])))
        else:
            i = rng.randrange(n)
            field, value = rng.choice([("quantity", rng.randint(0, 3)), ("use", "production"),
                                       ("invoice_number", "25442000000000000001"), ("name", "")])
            change = SetValue(f"equipment[{i}].{field}", value)
        change.apply(d)
        if isinstance(change, SetValue):
            i = int(change.path[10:change.path.index("]")])
            inc.line_changed(i, d.equipment[i])
        if rng.random() < 0.5:  # sometimes several edits before the next run
            assert inc.run(d).to_json() == check(d, PACK, AS_OF).to_json(), (seed, step, change)
    assert inc.run(d).to_json() == check(d, PACK, AS_OF).to_json()
