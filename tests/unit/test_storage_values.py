"""Exact values: any decimal a draft may hold comes back from its columns exactly as written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.storage.rows import money_columns, money_value
from desktop.storage.tables import UTCDateTime

decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None) | st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2
)


@given(decimals)
def test_money_round_trips_as_written(value: Decimal) -> None:
    fen, text = money_columns(value)
    back = money_value(fen, text)
    assert back is not None and back.as_tuple() == value.as_tuple()
    assert format(back, "f") == format(value, "f")
    if text is None:  # fen alone only when it says the value exactly, two decimals as written
        assert fen is not None and Decimal(fen).scaleb(-2).as_tuple() == value.as_tuple()


def test_usual_prices_are_fen_only() -> None:
    assert money_columns(Decimal("1250000.00")) == (125000000, None)
    assert money_columns(Decimal("-3.05")) == (-305, None)
    assert money_columns(Decimal("1.005")) == (101, "1.005")  # fen rounded for sums, text exact
    assert money_columns(Decimal("7")) == (700, "7")
    assert money_columns(Decimal("-0.00")) == (0, "-0.00")
    assert money_columns(None) == (None, None)


def test_times_are_utc_and_naive_ones_refused() -> None:
    kind = UTCDateTime()
    shanghai = timezone(timedelta(hours=8))
    stored = kind.process_bind_param(datetime(2026, 6, 1, 20, 0, tzinfo=shanghai), None)  # type: ignore[arg-type]
    assert stored == datetime(2026, 6, 1, 12, 0)
    assert kind.process_result_value(stored, None) == datetime(2026, 6, 1, 12, 0, tzinfo=UTC)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="naive"):
        kind.process_bind_param(datetime(2026, 6, 1), None)  # type: ignore[arg-type]
