"""The field catalogue: for each text or number of the draft (by path pattern), how long or how large it
may be and which characters it may not hold. The editors enforce it as the user types; the checker
reports a draft that breaks it (a file written elsewhere can) as errors with the value's path.

Limits (characters, counted as Python counts them):
- names of people and organisations: applicant 100, centre 100, supplier 100, legal representative and
  contact 50; registered address 200; phone 30; e-mail 254 (RFC 5321);
- titles: the draft's title 200, the project's 200; equipment name 200, model 100; invoice number 30
  (a fully digital invoice has 20 digits);
- the project summary 5,000 (a page or two of the printed application).
These are our choice, generous for real entries and short enough for one line of the printed form
(names, titles) or a page or two (the summary); the rule pack gives them as practice.
Numbers: a quantity from 1 to 9,999,999; a unit price up to 9,999,999,999,999.99 yuan (13 digits);
an exchange rate up to 999,999.
Characters refused in every text: NUL and the other C0 and C1 controls (a multi-line text may hold line
breaks and tabs), the zero-width and direction marks U+200B–U+200F, the embeddings and overrides
U+202A–U+202E, the isolates U+2066–U+2069 and U+FEFF (they make a name print or compare differently
from how it reads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True, slots=True)
class TextLimit:
    max_length: int
    multiline: bool = False
    counted: bool = False  # the editor shows how many characters it holds ("57/200")


@dataclass(frozen=True, slots=True)
class NumberLimit:
    minimum: Decimal
    maximum: Decimal


TEXT_LIMITS: dict[str, TextLimit] = {
    "title": TextLimit(200, counted=True),
    "applicant.name": TextLimit(100),
    "applicant.address": TextLimit(200, counted=True),
    "applicant.legal_representative": TextLimit(50),
    "applicant.contact.name": TextLimit(50),
    "applicant.contact.phone": TextLimit(30),
    "applicant.contact.email": TextLimit(254),
    "applicant.center_name": TextLimit(100),
    "project.title": TextLimit(200, counted=True),
    "project.summary": TextLimit(5000, multiline=True, counted=True),
    "equipment[].name": TextLimit(200),
    "equipment[].model": TextLimit(100),
    "equipment[].supplier": TextLimit(100),
    "equipment[].invoice_number": TextLimit(30),
}

NUMBER_LIMITS: dict[str, NumberLimit] = {
    "equipment[].quantity": NumberLimit(Decimal(1), Decimal(9_999_999)),
    "equipment[].unit_price": NumberLimit(Decimal("0.01"), Decimal("9999999999999.99")),
    "equipment[].exchange_rate": NumberLimit(Decimal("0.000001"), Decimal(999_999)),
    "project.requested_subsidy": NumberLimit(Decimal("0.01"), Decimal("9999999999999.99")),
}

_HIDDEN = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_REFUSED_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_HIDDEN}]")
_REFUSED_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_HIDDEN}]")


def pattern_of(path: str) -> str:
    """`equipment[12].name` -> `equipment[].name`."""
    return _INDEX.sub("[]", path)


def text_limit(path: str) -> TextLimit | None:
    return TEXT_LIMITS.get(pattern_of(path))


def number_limit(path: str) -> NumberLimit | None:
    return NUMBER_LIMITS.get(pattern_of(path))


def refused_pattern(limit: TextLimit | None) -> re.Pattern[str]:
    """The characters a field with this limit may not hold, as one pattern (search it to test a value)."""
    return _REFUSED_MULTILINE if limit is not None and limit.multiline else _REFUSED_LINE


def refused_characters(path: str, text: str) -> list[str]:
    """The characters `text` may not hold in this field, each once, as U+XXXX (in order of appearance)."""
    found: list[str] = []
    for ch in refused_pattern(text_limit(path)).findall(text):
        code = f"U+{ord(ch):04X}"
        if code not in found:
            found.append(code)
    return found


def without_refused(path: str, text: str) -> str:
    """`text` with the characters the field may not hold removed (a line break in a one-line field
    becomes a space)."""
    limit = text_limit(path)
    if limit is None or not limit.multiline:
        text = re.sub(r"[\r\n\t]+", " ", text)
    return refused_pattern(limit).sub("", text)
