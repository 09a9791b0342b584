"""Identifiers: the unified social credit code (GB 32100-2015) and VAT invoice numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CREDIT_ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class CreditCodeStatus(Enum):
    VALID = "valid"
    WRONG_LENGTH = "wrong_length"
    WRONG_ALPHABET = "wrong_alphabet"
    CHECKSUM_MISMATCH = "checksum_mismatch"


@dataclass(frozen=True, slots=True)
class CreditCodeCheck:
    status: CreditCodeStatus
    expected_check: str | None = None  # the check character the first 17 call for
    bad_chars: str = ""

    @property
    def is_well_formed(self) -> bool:
        return self.status in (CreditCodeStatus.VALID, CreditCodeStatus.CHECKSUM_MISMATCH)


def credit_check_char(first17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def check_credit_code(code: str) -> CreditCodeCheck:
    """Length, alphabet, then the check character. Lower case is not accepted as written."""
    if len(code) != 18:
        return CreditCodeCheck(CreditCodeStatus.WRONG_LENGTH)
    bad = "".join(sorted({c for c in code if c not in _VALUE}))
    if bad:
        return CreditCodeCheck(CreditCodeStatus.WRONG_ALPHABET, bad_chars=bad)
    expected = credit_check_char(code[:17])
    if code[17] != expected:
        return CreditCodeCheck(CreditCodeStatus.CHECKSUM_MISMATCH, expected_check=expected)
    return CreditCodeCheck(CreditCodeStatus.VALID, expected_check=expected)


def credit_code_region(code: str) -> str | None:
    """Characters 3-8: the administrative division code (440100 for Guangzhou)."""
    region = code[2:8]
    return region if len(region) == 6 and region.isdigit() else None


class InvoiceKind(Enum):
    DIGITAL = "digital"  # 全面数字化电子发票: 20 digits
    CLASSIC = "classic"  # 发票代码 (10 or 12 digits) + 发票号码 (8 digits)
    UNRECOGNISED = "unrecognised"


_DIGITAL = re.compile(r"^\d{20}$")
_CLASSIC = re.compile(r"^(\d{10}|\d{12})[\s\-/]?(\d{8})$")


def normalise_invoice(number: str) -> str:
    """The number with white space removed, for comparing lines."""
    return "".join(number.split())


def recognise_invoice(number: str) -> InvoiceKind:
    n = number.strip()
    if _DIGITAL.match(n):
        return InvoiceKind.DIGITAL
    if _CLASSIC.match(n):
        return InvoiceKind.CLASSIC
    return InvoiceKind.UNRECOGNISED
