"""Cell values as ledgers write them, read into the draft's types. Money never passes through float.

Every reader takes what a source row holds (None, str, int, Decimal, bool, date/datetime, or the
marker of a formula without a saved result) and returns the value or raises BadValue with a code from
`messages.EXPECTED`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from desktop.domain import values as reader
from desktop.domain.money import parse_decimal

HUNDRED = Decimal(100)
WAN = Decimal(10000)


class BadValue(ValueError):
    """A cell that does not hold what its column calls for; `code` says what was expected."""

    def __init__(self, code: str, **args: str) -> None:
        super().__init__(code)
        self.code = code
        self.details = args


class NoCachedValue:
    """A formula cell whose file holds no saved result (openpyxl and some exporters write these)."""

    __slots__ = ("formula",)

    def __init__(self, formula: str = "") -> None:
        self.formula = formula

    def __repr__(self) -> str:
        return self.formula or "(formula)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoCachedValue) and other.formula == self.formula

    def __hash__(self) -> int:
        return hash(self.formula)

EXCEL_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)

_EXCEL_PRECISION = Context(prec=15, rounding=ROUND_HALF_UP)


def excel_decimal(raw: str) -> Decimal:
    """The Decimal of a number as stored in the sheet XML, cut to Excel's 15 significant digits
    (a saved formula result such as 3703.7000000000003 reads as 3703.7)."""
    value = Decimal(raw)
    if len(value.as_tuple().digits) > 15:
        value = _EXCEL_PRECISION.plus(value).normalize()
        exp = value.as_tuple().exponent
        if isinstance(exp, int) and exp > 0:
            value = value.quantize(Decimal(1))
    return value


def is_blank(value: Any) -> bool:
    return value is None or (type(value) is str and not value.strip())


def shown(value: Any) -> str:
    """A cell's content as a problem report shows it."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = repr(value) if isinstance(value, NoCachedValue) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _precheck(value: Any) -> None:
    if isinstance(value, NoCachedValue):
        raise BadValue("formula_no_value")
    if type(value) is str and value.strip() in EXCEL_ERRORS:
        raise BadValue("excel_error")


def _number(value: Any, code: str) -> Decimal:
    """An int or Decimal cell as Decimal (a float, which no reader here produces, as Excel shows it)."""
    if isinstance(value, bool):
        raise BadValue(code)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return excel_decimal(repr(value))
    raise BadValue(code)


def _cell_number(value: Any, read: Callable[[str], Decimal | int], code: str) -> Decimal:
    """A cell's number: text through the program's value reader, numbers as they are; BadValue(code) else."""
    _precheck(value)
    if type(value) is not str:
        return _number(value, code)
    try:
        return Decimal(read(value))
    except reader.Unreadable:
        raise BadValue(code) from None


_CELL_UNIT = re.compile(r"(万元|万|元)\s*$")


def signed_money(value: Any, scale: Decimal | None = None) -> Decimal:
    """An amount as `money` reads it, but below zero too (a discount row, a red invoice); 0 is refused."""
    _precheck(value)
    if type(value) is str:
        text = unicodedata.normalize("NFKC", value).strip()
        negative = text.startswith("-") or (text.startswith("(") and text.endswith(")"))
        body = text.lstrip("-").strip("()") if negative else text
        amount = money(body, scale)
        return -amount if negative else amount
    number = _number(value, "money")
    if number == 0:
        raise BadValue("positive")
    return number * scale if scale is not None else number


def signed_quantity(value: Any) -> int:
    """A quantity that may be below zero (a red invoice's line)."""
    _precheck(value)
    if type(value) is str and unicodedata.normalize("NFKC", value).strip().startswith("-"):
        return -quantity(unicodedata.normalize("NFKC", value).strip()[1:])
    if not isinstance(value, str) and not isinstance(value, bool) and isinstance(value, (int, Decimal)) and value < 0:
        return -quantity(-value)
    return quantity(value)


def money(value: Any, scale: Decimal | None = None) -> Decimal:
    """¥1,234,567.50, 1234567.5, 12.5万 (and a column in 万元 when `scale` is 10000); above zero.

    Text is read by the program's one value reader (desktop.domain.values). A unit written in the cell
    wins over the column's: "43万" or "3,000元" in a 万元 column is 430,000 or 3,000 yuan, not scaled a
    second time."""
    if type(value) is str and _CELL_UNIT.search(unicodedata.normalize("NFKC", value)):
        scale = None
    amount = _cell_number(value, reader.read_money, "money")
    if scale is not None:
        amount *= scale
    if amount <= 0:
        raise BadValue("positive")
    return amount


def decimal_value(value: Any) -> Decimal:
    """A plain positive decimal (an exchange rate)."""
    rate = _cell_number(value, reader.read_rate, "rate")
    if rate <= 0:
        raise BadValue("rate")
    return rate


def quantity(value: Any) -> int:
    """2, 2.0, "2", "2台", "1,000"; at least 1."""
    number = _cell_number(value, reader.read_quantity, "quantity")
    if number != number.to_integral_value():
        raise BadValue("quantity")
    if number < 1:
        raise BadValue("quantity_positive")
    return int(number)


_TAX_FREE = frozenset({"免税", "不征税", "零税率", "exempt"})


def tax_rate(value: Any) -> Decimal:
    """13%, 0.13 or 13 (a number of 1 or more is a percentage); 免税 is 0."""
    _precheck(value)
    if type(value) is str:
        text = unicodedata.normalize("NFKC", value).strip().lower()
        if text in _TAX_FREE:
            return Decimal(0)
        percent = text.endswith("%")
        parsed = parse_decimal(text.rstrip("%").strip())
        if parsed is None:
            raise BadValue("tax_rate")
        rate = parsed / HUNDRED if percent else parsed
    else:
        rate = _number(value, "tax_rate")
    if rate >= 1:
        rate /= HUNDRED
    if not 0 <= rate < 1:
        raise BadValue("tax_rate")
    return rate


_SERIAL_RE = re.compile(r"^\d{5}(\.\d+)?$")
_TIME_TAIL = re.compile(r"[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _plausible(day: date) -> date:
    if not reader.FIRST_YEAR <= day.year <= reader.LAST_YEAR:
        raise BadValue("date_range")
    return day


def _from_serial(number: Decimal, epoch1904: bool) -> date:
    days = int(number)
    if not 0 < days < 2958466:
        raise BadValue("date")
    if epoch1904:
        return _plausible(date(1904, 1, 1) + timedelta(days=days))
    return _plausible(date(1899, 12, 30) + timedelta(days=days))


MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), 1) for name in names}
_MONTH_NAMED = (
    re.compile(r"^(?P<d>\d{1,2})[\s\-/.]*(?P<m>[a-z]{3,9})\.?[\s\-/.,]*(?P<y>\d{4})$"),  # 15-Oct-2025, 15 October 2025
    re.compile(r"^(?P<m>[a-z]{3,9})\.?[\s\-/.]*(?P<d>\d{1,2}),?[\s\-/.]*(?P<y>\d{4})$"),  # Oct 15, 2025
)
DAY_MONTH = re.compile(r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{4})$")  # 03.11.2025, 15/10/2025, 10-15-2025


def day_month_order(value: Any) -> str | None:
    """What a date cell says about its column's order: "dmy" (its first number is above 12), "mdy" (its
    second is), "either" (both 12 or below: the column must decide), None (another form)."""
    if type(value) is not str:
        return None
    m = DAY_MONTH.match(_TIME_TAIL.sub("", unicodedata.normalize("NFKC", value).strip()))
    if m is None:
        return None
    first, second = int(m[1]), int(m[2])
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return "either" if first <= 12 and second <= 12 else None


def _calendar(year: int, month: int, day: int) -> date:
    try:
        return _plausible(date(year, month, day))
    except ValueError:
        raise BadValue("calendar") from None


def date_value(value: Any, epoch1904: bool = False, order: str | None = None) -> date:
    """Date cells, Excel serials, 2025/10/15, 2025-10-15, 2025年10月15日, 2025.10.15, 20251015, 15-Oct-2025,
    Oct 15, 2025; 03.11.2025 and 11/03/2025 when `order` ("dmy" or "mdy", the column's) is known."""
    _precheck(value)
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if type(value) is not str:
        return _from_serial(_number(value, "date"), epoch1904)
    text = _TIME_TAIL.sub("", unicodedata.normalize("NFKC", value).strip())
    if _SERIAL_RE.match(text):
        return _from_serial(Decimal(text), epoch1904)
    lowered = text.lower()
    for pattern in _MONTH_NAMED:
        named = pattern.match(lowered)
        if named is not None and named["m"] in MONTHS:
            return _calendar(int(named["y"]), MONTHS[named["m"]], int(named["d"]))
    numbers = DAY_MONTH.match(text)
    if numbers is not None:
        first, second, year = int(numbers[1]), int(numbers[2]), int(numbers[3])
        if order == "dmy":
            return _calendar(year, second, first)
        if order == "mdy":
            return _calendar(year, first, second)
        raise BadValue("date_order")
    try:
        return reader.read_date(text)
    except reader.Unreadable as exc:
        raise BadValue(_DATE_CODES.get(exc.problem, "date")) from None


_DATE_CODES = {"form": "date", "calendar": "calendar", "range": "date_range"}


def text(value: Any) -> str | None:
    """Words as written (trimmed); a number as its digits."""
    _precheck(value)
    if value is None:
        return None
    if type(value) is str:
        return value.strip() or None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?e[+-]?\d+$")


def text_as_written(value: Any) -> str | None:
    """A text cell of this program's own export, kept whatever it reads (even "#DIV/0!")."""
    if type(value) is str:
        return value.strip() or None
    return text(value)


def invoice_number_as_written(value: Any) -> str | None:
    """An invoice number from this program's own export: a text cell is kept whatever it reads."""
    if type(value) is str:
        return text_as_written(value)
    return invoice_number(value)


def invoice_number(value: Any) -> str | None:
    """Kept as written. A number of more than 15 digits (or 10^15 and above: 2.5112E+19) has lost digits
    in Excel and is refused, and so is the text Excel shows for one ("2.5112E+19")."""
    _precheck(value)
    if isinstance(value, float):
        value = excel_decimal(repr(value))
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        number = Decimal(value)
        if number != number.to_integral_value() or len(number.as_tuple().digits) > 15 or abs(number) >= 10**15:
            raise BadValue("invoice_as_number")
        return str(int(number))
    written = text(value)
    if written is not None and _SCIENTIFIC.match(unicodedata.normalize("NFKC", written).strip().lower()):
        raise BadValue("invoice_as_number")
    return written


_CATEGORY = re.compile(r"^\s*\*([^*]{1,40})\*\s*")
# Words of a row that is not equipment: a service (服务, but not 服务器, a server), freight, installation …
SERVICE_WORDS = re.compile(r"服务(?!器)|运费|运输|运杂费|安装|调试费|培训|维保|维修|保养|咨询|保险费|"
                           r"\b(services?|freight|shipping|installation|training|maintenance|consulting)\b")


def split_category(name: str) -> tuple[str | None, str]:
    """"*机械设备*数控机床" -> ("机械设备", "数控机床"): the tax category an invoice puts before a name."""
    found = _CATEGORY.match(name)
    if found is None:
        return None, name
    return found[1].strip(), name[found.end():].strip() or name


def looks_like_service(name: str | None, category: str | None) -> bool:
    """A row that is not equipment: a service, freight, installation (by its name or its tax category)."""
    return SERVICE_WORDS.search(f"{category or ''} {name or ''}".lower()) is not None


def currency(value: Any) -> str | None:
    word = text(value)
    if word is None:
        return None
    try:
        return reader.read_currency(word)
    except reader.Unreadable:
        raise BadValue("currency") from None


_ASCII_WORD = re.compile(r"[a-z&]+")

# key -> words; Chinese words match inside the cell, English ones as whole words.
KIND_WORDS = {"software": ("软件", "software"), "hardware": ("硬件", "设备", "仪器", "装置", "hardware", "equipment")}
USE_WORDS = {"rd": ("研发", "研究", "开发", "r&d", "rd", "research"), "production": ("生产", "制造", "production")}
CONDITION_WORDS = {"new": ("全新", "新", "new"), "used": ("二手", "旧", "used", "secondhand")}


def _choose(value: Any, words: dict[str, tuple[str, ...]], code: str, first_wins: bool) -> str | None:
    word = text(value)
    if word is None:
        return None
    lowered = unicodedata.normalize("NFKC", word).lower()
    tokens = set(_ASCII_WORD.findall(lowered.replace("-", "")))
    found = [
        key for key, options in words.items()
        if any((w in tokens) if w.isascii() else (w in lowered) for w in options)
    ]
    if len(found) == 1 or (found and first_wins):
        return found[0]
    raise BadValue(code)


def kind(value: Any) -> str | None:
    """软件 -> software (even in 配套软件设备); 硬件, 设备, 仪器 -> hardware."""
    return _choose(value, KIND_WORDS, "kind", first_wins=True)


def use(value: Any) -> str | None:
    return _choose(value, USE_WORDS, "use", first_wins=False)


def condition(value: Any) -> str | None:
    return _choose(value, CONDITION_WORDS, "condition", first_wins=False)
