"""One reader for the values people type, paste or import: dates, money, quantities, rates and currencies.

The form fields, the table cells, pasted blocks and the ledger importer all read through these
functions, so the same text means the same value everywhere. Each reader returns the value or raises
`Unreadable`, whose message (zh and en) says what is wrong with the text and which forms are accepted.
Money never passes through float.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from desktop.domain.lang import choose
from desktop.domain.money import AMOUNT_DIGITS, AMOUNT_LIMIT, WHOLE_LIMIT, has_sub_fen

WAN = Decimal(10000)
FIRST_YEAR, LAST_YEAR = 1990, 2100

# code -> (zh, en): what is accepted, said after what is wrong.
ACCEPTED: dict[str, tuple[str, str]] = {
    "date": (
        "可写作 2025-10-20、2025-9-1、2025/10/20、2025.10.20、2025年10月20日 或 20251020",
        "write it as 2025-10-20, 2025-9-1, 2025/10/20, 2025.10.20, 2025年10月20日 or 20251020",
    ),
    "money": (
        "可写作 1234.5、1,234.50、¥1,234.50、1234.50元、12.5万 或 300万元",
        "write it as 1234.5, 1,234.50, ¥1,234.50, 1234.50元, 12.5万 or 300万元",
    ),
    "quantity": ("请填写整数，如 2、2台 或 1,000", "give a whole number such as 2, 2台 or 1,000"),
    "rate": ("请填写大于零的汇率，如 7.1234（1 单位外币折合人民币）",
             "give an exchange rate above zero such as 7.1234 (CNY per unit)"),
    "currency": (
        "可写作三位币种代码（CNY、USD、EUR…）或中文名（人民币、美元、欧元、日元、港元…）",
        "give a three-letter code (CNY, USD, EUR…) or a Chinese name (人民币, 美元, 欧元, 日元, 港元…)",
    ),
}


class Unreadable(ValueError):  # noqa: N818 (a refusal, named for what the text is)
    """The text is not a value of its kind. `code` is the kind's family (date, money, …), `problem` the
    reason (zh, en); `message(lang)` says both what is wrong and what is accepted."""

    def __init__(self, kind: str, problem: str, zh: str, en: str, text: str = "") -> None:
        super().__init__(en)
        self.kind = kind
        self.problem = problem
        self.zh = zh
        self.en = en
        self.text = text

    def message(self, lang: str) -> str:
        zh_ok, en_ok = ACCEPTED[self.kind]
        return choose(lang, f"{self.zh}。{zh_ok}。", f"{self.en}; {en_ok}.")


def _clean(text: str) -> str:
    """Full-width digits, letters and punctuation as ASCII; spaces inside removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


# ---- dates
_DATE_SEP = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_DATE_ZH = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def read_date(text: str) -> date:
    """2025-10-20, 2025-9-1, 2025/10/20, 2025.10.20, 2025年10月20日, 20251020 -> date."""
    raw = text
    s = _clean(text)
    m = _DATE_SEP.match(s)
    parts = (m[1], m[3], m[4]) if m else None
    if parts is None:
        m = _DATE_ZH.match(s) or _DATE_COMPACT.match(s)
        parts = (m[1], m[2], m[3]) if m else None
    if parts is None:
        raise Unreadable("date", "form", f"「{_shown(raw)}」不是日期", f'"{_shown(raw)}" is not a date', raw)
    year, month, day = (int(p) for p in parts)
    try:
        value = date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            zh, en = f"没有 {month} 月", f"there is no month {month}"
        else:
            zh, en = f"{year} 年 {month} 月没有 {day} 日", f"{year}-{month:02d} has no day {day}"
        raise Unreadable("date", "calendar", f"「{_shown(raw)}」不是真实存在的日期：{zh}",
                         f'"{_shown(raw)}" is not a real date: {en}', raw) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Unreadable("date", "range", f"「{_shown(raw)}」的年份应在 {FIRST_YEAR} 至 {LAST_YEAR} 之间",
                         f'"{_shown(raw)}": the year must lie between {FIRST_YEAR} and {LAST_YEAR}', raw)
    return value


# ---- numbers
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
_MONEY_PREFIX = re.compile(r"^(¥|人民币|rmb|cny)", re.IGNORECASE)
_MONEY_SUFFIX = re.compile(r"(万元|万|元|人民币|rmb|cny)$", re.IGNORECASE)


def _digits(s: str) -> Decimal | None:
    """1234.5 or 1,234.50 (commas only where thousands are grouped) as Decimal; None otherwise."""
    if _GROUPED.match(s):
        return Decimal(s.replace(",", ""))
    if _PLAIN.match(s):
        return Decimal(s)
    return None


def read_money(text: str, *, fen: bool = False) -> Decimal:
    """An amount in yuan: 1234.5, 1,234.50, ¥1,234.50, 1234.50元, 12.5万, 300万元 -> Decimal.

    A leading minus is read (the checker says a price must be above zero). With `fen`, an amount that
    does not come out in whole fen is refused."""
    raw = text
    s = _clean(text).replace("￥", "¥")
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    s = _MONEY_PREFIX.sub("", s)
    suffix = _MONEY_SUFFIX.search(s)
    unit = suffix[1].lower() if suffix else ""
    if suffix:
        s = s[: suffix.start()]
    if not negative and s.startswith("-"):
        negative, s = True, s[1:]
    value = _digits(s)
    if value is None:
        raise Unreadable("money", "form", f"「{_shown(raw)}」不是金额", f'"{_shown(raw)}" is not an amount', raw)
    if unit.startswith("万"):
        value *= WAN
    if negative:
        value = -value
    if value.copy_abs() >= AMOUNT_LIMIT:
        raise Unreadable("money", "large", f"「{_shown(raw)}」过大（整数部分最多 {AMOUNT_DIGITS} 位）",
                         f'"{_shown(raw)}" is too large (at most {AMOUNT_DIGITS} digits)', raw)
    if fen and has_sub_fen(value):
        raise Unreadable("money", "fen", f"「{_shown(raw)}」不足一分的部分无法入账（最多精确到分）",
                         f'"{_shown(raw)}" goes below the fen (amounts are kept to two decimals of a yuan)', raw)
    return value


_QTY_UNITS = re.compile(r"(台套|台|套|个|件|只|把|组|批|项|部|pcs|pc|sets|set|units|unit)$", re.IGNORECASE)


def read_quantity(text: str) -> int:
    """2, 2台, 3 套, 1,000, 2 pcs -> int (sign and size left to the checker, within 64 bits)."""
    raw = text
    s = _QTY_UNITS.sub("", _clean(text))
    negative = s.startswith("-")
    value = _digits(s[1:] if negative else s)
    if value is None:
        raise Unreadable("quantity", "form", f"「{_shown(raw)}」不是数量", f'"{_shown(raw)}" is not a quantity', raw)
    if value != value.to_integral_value():
        raise Unreadable("quantity", "whole", f"「{_shown(raw)}」不是整数",
                         f'"{_shown(raw)}" is not a whole number', raw)
    number = -int(value) if negative else int(value)
    if abs(number) > WHOLE_LIMIT:
        raise Unreadable("quantity", "large", f"「{_shown(raw)}」过大", f'"{_shown(raw)}" is too large', raw)
    return number


def read_rate(text: str) -> Decimal:
    """An exchange rate (CNY per unit of the currency): 7.1234 -> Decimal, above zero."""
    raw = text
    value = _digits(_clean(text))
    if value is None:
        raise Unreadable("rate", "form", f"「{_shown(raw)}」不是汇率", f'"{_shown(raw)}" is not an exchange rate', raw)
    if value <= 0:
        raise Unreadable("rate", "positive", f"「{_shown(raw)}」不大于零", f'"{_shown(raw)}" is not above zero', raw)
    if value >= AMOUNT_LIMIT:
        raise Unreadable("rate", "large", f"「{_shown(raw)}」过大", f'"{_shown(raw)}" is too large', raw)
    return value


# ---- currencies
CURRENCY_NAMES: dict[str, str] = {
    "人民币": "CNY", "人民币元": "CNY", "元": "CNY", "rmb": "CNY",
    "美元": "USD", "美金": "USD",
    "欧元": "EUR",
    "日元": "JPY", "日圆": "JPY",
    "港元": "HKD", "港币": "HKD",
    "英镑": "GBP", "瑞士法郎": "CHF", "韩元": "KRW", "新台币": "TWD", "澳元": "AUD", "加元": "CAD",
    "新加坡元": "SGD",
}
# Codes the program knows by name; any other three letters are taken as written (ISO 4217 grows).
CURRENCY_CODES: tuple[str, ...] = ("CNY", "USD", "EUR", "JPY", "HKD", "GBP", "CHF", "KRW", "SGD", "TWD", "AUD", "CAD")
_CODE = re.compile(r"^[A-Za-z]{3}$")


def read_currency(text: str) -> str:
    """CNY, usd, 人民币, 美元, 欧元, 日元, 港元/港币 … -> the ISO 4217 code."""
    raw = text
    s = _clean(text)
    code = CURRENCY_NAMES.get(s.lower())
    if code is not None:
        return code
    if _CODE.match(s):
        return s.upper()
    raise Unreadable("currency", "form", f"「{_shown(raw)}」不是币种", f'"{_shown(raw)}" is not a currency', raw)


def yuan_echo(value: Decimal, lang: str) -> str:
    """= 3,000,000.00 元（300.00 万元）: how an amount was understood, in yuan and 万元."""
    from desktop.domain.money import format_wan, format_yuan

    return choose(lang, f"= {format_yuan(value)} 元（{format_wan(value)} 万元）",
                  f"= {format_yuan(value)} yuan ({format_wan(value)} 万元)")
