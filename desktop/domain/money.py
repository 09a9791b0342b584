"""Money is Decimal in the domain, integer fen in the database, decimal strings in JSON."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
TEN_THOUSAND = Decimal(10000)

# Rounding to the fen must never fail, whatever the size of the value: the default context (28 digits)
# raises InvalidOperation when the rounded result would need more digits than that.
_WIDE = Context(prec=1000)
# Products and sums are exact in this context (the precision is only a ceiling: a product of two
# numbers has at most the digits of both, and no amount a draft may hold comes near it). The default
# context would round 2^63-1 × 99999999999999999999999999999.99 to 28 digits before the fen.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)

# The largest amounts and whole numbers a draft may hold: far beyond any real purchase (so a typo shows as
# a finding, not a crash), and whole numbers within the database's signed 64 bits.
AMOUNT_DIGITS = 30
AMOUNT_LIMIT = Decimal(10) ** AMOUNT_DIGITS
WHOLE_LIMIT = 2**63 - 1

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


def multiply(a: Decimal | int, b: Decimal | int) -> Decimal:
    """a × b, exactly."""
    return EXACT.multiply(a, b)


def total(values: Iterable[Decimal]) -> Decimal:
    """The exact sum (ZERO for none), in one pass."""
    add = EXACT.add
    result = ZERO
    for value in values:
        result = add(result, value)
    return result


def round_half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=_WIDE)


def round_down(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN, context=_WIDE)


def decimals_of(value: Decimal) -> int:
    """How many digits stand after the decimal point as written."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def has_sub_fen(value: Decimal) -> bool:
    """True when the value cannot be written in whole fen (1.005 yes; 1.230 no)."""
    return value.quantize(CENT, context=_WIDE) != value


def money_str(value: Decimal | None) -> str | None:
    """Two decimals, no separators: the JSON form of a computed amount."""
    return None if value is None else str(_shown(value))


def _shown(value: Decimal) -> Decimal:
    """Rounded half-up to the fen, and a negative zero shown as zero."""
    return _WIDE.plus(round_half_up(value))


def to_fen(value: Decimal) -> int:
    return int(value.scaleb(2, context=_WIDE).to_integral_value(rounding=ROUND_HALF_UP, context=_WIDE))


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def format_yuan(value: Decimal | None) -> str:
    """Thousands separators and two decimals, for people: 1,234,567.50."""
    if value is None:
        return "—"
    return f"{_shown(value):,.2f}"


def format_wan(value: Decimal | None) -> str:
    """In 万元 with two decimals (budget tables)."""
    if value is None:
        return "—"
    return f"{_shown(value.scaleb(-4, context=_WIDE)):,.2f}"
