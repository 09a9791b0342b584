"""Money is Decimal in the domain, integer fen in the database, decimal strings in JSON."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
TEN_THOUSAND = Decimal(10000)

DECIMAL_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def parse_decimal(text: str) -> Decimal | None:
    """The Decimal a plain decimal string stands for, or None (no exponents, no separators)."""
    s = text.strip()
    if not DECIMAL_RE.match(s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the pattern already rules this out
        return None


def round_half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def round_down(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


def decimals_of(value: Decimal) -> int:
    """How many digits stand after the decimal point as written."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def has_sub_fen(value: Decimal) -> bool:
    """True when the value cannot be written in whole fen (1.005 yes; 1.230 no)."""
    return value.quantize(CENT) != value


def money_str(value: Decimal | None) -> str | None:
    """Two decimals, no separators: the JSON form of a computed amount."""
    return None if value is None else str(value.quantize(CENT))


def to_fen(value: Decimal) -> int:
    return int((value * 100).to_integral_value(rounding=ROUND_HALF_UP))


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def format_yuan(value: Decimal | None) -> str:
    """Thousands separators and two decimals, for people: 1,234,567.50."""
    if value is None:
        return "—"
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


def format_wan(value: Decimal | None) -> str:
    """In 万元 with two decimals (budget tables)."""
    if value is None:
        return "—"
    return f"{(value / TEN_THOUSAND).quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
