"""Exact amounts across the whole range the README states: whole numbers to 64 bits, amounts to 30
digits. Nothing is rounded but the stated roundings (the line to the fen, half up; the ceiling down)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.exchange import dumps
from desktop.domain.money import multiply, total
from desktop.rules.checker import IncrementalChecker, check
from desktop.services.packs import get_pack
from tests.conftest import AS_OF
from tests.unit.builders import draft, line

PACK = get_pack("gd-ai-robotics-2025")
D = Decimal
Q = 2**63 - 1
PRICE = D("99999999999999999999999999999.99")
# (2^63-1) × 9999999999999999999999999999999 fen, computed with Python's integers
EXACT_FEN = Q * 9999999999999999999999999999999


def yuan(fen: int) -> Decimal:
    """fen as yuan, built from the digits (Decimal arithmetic would round to 28 digits)."""
    return D(f"{fen // 100}.{fen % 100:02d}")


EXACT = yuan(EXACT_FEN)


def test_the_reported_line_is_exact() -> None:
    assert str(EXACT) == "922337203685477580699999999999907766279631452241.93"
    a = check(draft([line(quantity=Q, unit_price=PRICE)]), PACK, AS_OF)
    assert a.lines[0].amount == EXACT
    assert a.totals.declared == EXACT
    assert a.totals.eligible == EXACT
    # the ceiling: 40 % of the exact base, rounded down (the national cap then applies)
    uncapped_fen = EXACT_FEN * 4 // 10
    assert a.totals.uncapped == yuan(uncapped_fen)
    assert a.totals.max_subsidy == D("50000000.00")


def test_foreign_line_at_the_limits_rounds_once_half_up() -> None:
    rate = D("7.123456789012345678901234567891")
    a = check(draft([line(quantity=Q, unit_price=PRICE, currency="USD", exchange_rate=rate)]), PACK, AS_OF)
    exact = D(Q) * PRICE * rate  # Python's Decimal at unlimited precision, by hand:
    digits = Q * 9999999999999999999999999999999 * 7123456789012345678901234567891  # scale 2 + 30
    fen, rest = divmod(digits, 10**30)
    fen += 1 if rest * 2 >= 10**30 else 0
    assert a.lines[0].amount == yuan(fen)
    assert exact != a.lines[0].amount  # the check above is not the same imprecise computation


def test_totals_of_many_extreme_lines_are_exact() -> None:
    lines = [line(quantity=Q - i, unit_price=PRICE, invoice_number=f"{25442000000000000000 + i}") for i in range(50)]
    a = check(draft(lines), PACK, AS_OF)
    expected = sum((Q - i) * 9999999999999999999999999999999 for i in range(50))
    assert a.totals.declared == yuan(expected)
    assert a.totals.eligible == a.totals.declared
    inc = IncrementalChecker(PACK, AS_OF).run(draft(lines))
    assert inc.totals == a.totals


def test_money_helpers_are_exact() -> None:
    assert multiply(Q, PRICE) == EXACT
    assert total([PRICE] * 1000) == yuan(9999999999999999999999999999999 * 1000)
    assert total([]) == D("0.00")


def test_validate_json_prints_the_exact_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.json"
    path.write_text(dumps(draft([line(quantity=Q, unit_price=PRICE)])), encoding="utf-8")
    code = main(["validate", str(path), "--as-of", AS_OF.isoformat(), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert out["totals"]["declared"] == str(EXACT)
    assert out["totals"]["eligible"] == str(EXACT)
    assert code in (0, 1)
