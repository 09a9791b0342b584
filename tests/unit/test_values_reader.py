"""The one value reader: every written form it accepts means one value, and the importer, the pasted
cells and the editors' reading give the same answers on the same strings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import values as r
from desktop.importers import values as imported
from desktop.services import tsv

DATES = st.dates(min_value=date(r.FIRST_YEAR, 1, 1), max_value=date(r.LAST_YEAR, 12, 31))
AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999999.99"), places=2)


def date_forms(d: date) -> list[str]:
    y, m, day = d.year, d.month, d.day
    return [
        d.isoformat(), f"{y}-{m}-{day}", f"{y}/{m:02d}/{day:02d}", f"{y}/{m}/{day}", f"{y}.{m:02d}.{day:02d}",
        f"{y}.{m}.{day}", f"{y}年{m}月{day}日", f"{y}年{m:02d}月{day:02d}日", f"{y}{m:02d}{day:02d}",
        f" {d.isoformat()} ", d.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
    ]


def money_forms(a: Decimal) -> list[str]:
    forms = [format(a, "f"), f"{a:,.2f}", f"¥{a:,.2f}", f"￥{a:,.2f}", f"{a:.2f}元", f"{a:,.2f}元", f"RMB {a}",
             f"{a:,.2f}".translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．"))]
    wan = (a / 10000).normalize()
    forms += [f"{format(wan, 'f')}万", f"{format(wan, 'f')}万元"]
    return forms


@given(DATES)
def test_every_date_form_reads_back_to_the_same_day(d: date) -> None:
    for text in date_forms(d):
        assert r.read_date(text) == d, text


@given(AMOUNTS)
def test_every_money_form_reads_back_to_the_same_amount(a: Decimal) -> None:
    for text in money_forms(a):
        assert r.read_money(text) == a, text
        assert r.read_money(text, fen=True) == a, text


@given(DATES)
def test_importer_cells_and_reader_agree_on_dates(d: date) -> None:
    for text in date_forms(d):
        assert imported.date_value(text) == tsv.parse_cell("purchase_date", text) == r.read_date(text)


@given(AMOUNTS)
def test_importer_cells_and_reader_agree_on_money(a: Decimal) -> None:
    for text in money_forms(a):
        assert imported.money(text) == tsv.parse_cell("unit_price", text) == r.read_money(text)


def _outcome(read, *args):
    try:
        return read(*args)
    except (imported.BadValue, tsv.CellError, r.Unreadable):
        return "refused"


@given(st.text(alphabet="0123456789-/.年月日万元¥,， abcUSD", max_size=14))
def test_importer_and_cells_answer_alike_on_any_text(text: str) -> None:
    """Whatever a pasted cell reads, the importer reads the same; money either side refuses alike."""
    cell_date = _outcome(tsv.parse_cell, "purchase_date", text)
    if cell_date not in ("refused", None):
        assert _outcome(imported.date_value, text) == cell_date == r.read_date(text)
    money = _outcome(r.read_money, text)
    if money == "refused":
        assert _outcome(imported.money, text) == "refused"
    elif money > 0:
        assert _outcome(imported.money, text) == money


@pytest.mark.parametrize(("text", "problem", "zh", "en"), [
    ("2026-02-31", "calendar", "2026 年 2 月没有 31 日", "2026-02 has no day 31"),
    ("2025-13-01", "calendar", "没有 13 月", "no month 13"),
    ("2025/9-1", "form", "不是日期", "is not a date"),
    ("next week", "form", "不是日期", "is not a date"),
    ("1899-01-01", "range", "1990 至 2100", "between 1990 and 2100"),
])
def test_date_refusals_say_what_is_wrong_and_what_is_accepted(text: str, problem: str, zh: str, en: str) -> None:
    with pytest.raises(r.Unreadable) as info:
        r.read_date(text)
    assert info.value.problem == problem
    assert zh in info.value.message("zh") and "2025年10月20日" in info.value.message("zh")
    assert en in info.value.message("en") and "20251020" in info.value.message("en")


@pytest.mark.parametrize("text", ["abc12x", "12x", "1,23,4", "12.5.3", "万", "1e5", "--5", "12万万", "$12"])
def test_money_refusals(text: str) -> None:
    with pytest.raises(r.Unreadable) as info:
        r.read_money(text)
    assert "300万元" in info.value.message("zh") and "is not an amount" in info.value.message("en")


def test_money_below_the_fen_is_refused_only_when_asked() -> None:
    assert r.read_money("12.345") == Decimal("12.345")
    with pytest.raises(r.Unreadable) as info:
        r.read_money("12.345", fen=True)
    assert info.value.problem == "fen"
    assert r.read_money("1.23456万", fen=True) == Decimal("12345.6")


def test_wan_scales_exactly() -> None:
    assert r.read_money("300万") == Decimal("3000000")
    assert r.read_money("12.5万") == Decimal("125000")
    assert r.read_money("-3万") == Decimal("-30000")


@pytest.mark.parametrize(("text", "code"), [
    ("CNY", "CNY"), ("usd", "USD"), ("Eur", "EUR"), ("人民币", "CNY"), ("RMB", "CNY"), ("美元", "USD"),
    ("美金", "USD"), ("欧元", "EUR"), ("日元", "JPY"), ("日圆", "JPY"), ("港元", "HKD"), ("港币", "HKD"),
    ("ＵＳＤ", "USD"), (" hkd ", "HKD"),
])
def test_currencies(text: str, code: str) -> None:
    assert r.read_currency(text) == code == imported.currency(text) == tsv.parse_cell("currency", text)


@pytest.mark.parametrize("text", ["dollars", "US", "USDD", "元宝", "$"])
def test_currency_refusals(text: str) -> None:
    with pytest.raises(r.Unreadable) as info:
        r.read_currency(text)
    assert "美元" in info.value.message("zh") and "three-letter code" in info.value.message("en")


@pytest.mark.parametrize(("text", "number"), [("2", 2), ("2台", 2), ("3 套", 3), ("1,000", 1000), ("2 pcs", 2),
                                              ("２", 2), ("2.0", 2), ("-1", -1)])
def test_quantities(text: str, number: int) -> None:
    assert r.read_quantity(text) == number


@pytest.mark.parametrize("text", ["1.5", "two", "2x", "99999999999999999999999"])
def test_quantity_refusals(text: str) -> None:
    with pytest.raises(r.Unreadable):
        r.read_quantity(text)


def test_rates() -> None:
    assert r.read_rate("7.1234") == Decimal("7.1234")
    for text in ("0", "-7", "seven"):
        with pytest.raises(r.Unreadable):
            r.read_rate(text)


def test_yuan_echo() -> None:
    assert r.yuan_echo(Decimal("3000000"), "zh") == "= 3,000,000.00 元（300.00 万元）"
    assert r.yuan_echo(Decimal("3000000"), "en") == "= 3,000,000.00 yuan (300.00 万元)"
