"""Values as ledgers write them: money, quantities, dates, rates, kinds, invoice numbers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import values as v


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("¥1,234,567.50", "1234567.50"), ("￥1,234,567.50", "1234567.50"), ("1234567.5", "1234567.5"),
        ("12.5万", "125000.0"), ("12.5万元", "125000.0"), ("RMB 800", "800"), ("3,000元", "3000"),
        ("１２３.４５", "123.45"), (1234567, "1234567"), (Decimal("1234567.5"), "1234567.5"),
    ],
)
def test_money_forms(cell: object, expected: str) -> None:
    assert v.money(cell) == Decimal(expected)


def test_money_never_float_on_decimal_input_and_scale() -> None:
    assert v.money(Decimal("0.25"), Decimal(10000)) == Decimal("2500")
    assert isinstance(v.money("0.1"), Decimal)


@pytest.mark.parametrize(("cell", "code"), [("abc", "money"), ("0", "positive"), ("-5", "positive"),
                                            (True, "money"), ("#DIV/0!", "excel_error")])
def test_money_refusals(cell: object, code: str) -> None:
    with pytest.raises(v.BadValue) as info:
        v.money(cell)
    assert info.value.code == code


def test_formula_without_saved_result_is_named() -> None:
    with pytest.raises(v.BadValue) as info:
        v.money(v.NoCachedValue("=D6*E6"))
    assert info.value.code == "formula_no_value"
    assert v.shown(v.NoCachedValue("=D6*E6")) == "=D6*E6"


def test_excel_decimal_keeps_what_excel_shows() -> None:
    assert v.excel_decimal("3703.7000000000003") == Decimal("3703.7")
    assert v.excel_decimal("0.30000000000000004") == Decimal("0.3")
    assert v.excel_decimal("1250000.5") == Decimal("1250000.5")
    assert v.excel_decimal("2.5442000000012346E+19") == Decimal("25442000000012300000")


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999999.99"), places=2))
def test_money_text_forms_agree(amount: Decimal) -> None:
    assert v.money(f"¥{amount:,.2f}") == amount
    assert v.money(format(amount, "f")) == amount


@pytest.mark.parametrize(("cell", "expected"), [(2, 2), ("2", 2), ("2台", 2), ("3 套", 3), (Decimal("2.0"), 2),
                                                ("1,000", 1000), ("2 pcs", 2)])
def test_quantity_forms(cell: object, expected: int) -> None:
    assert v.quantity(cell) == expected


@pytest.mark.parametrize(("cell", "code"), [("2.5", "quantity"), ("0", "quantity_positive"), ("two", "quantity")])
def test_quantity_refusals(cell: object, code: str) -> None:
    with pytest.raises(v.BadValue) as info:
        v.quantity(cell)
    assert info.value.code == code


@pytest.mark.parametrize(
    "cell",
    ["2025/10/15", "2025-10-15", "2025年10月15日", "2025.10.15", "20251015", "2025-10-15 00:00:00",
     "2025/10/15 14:30", 45945, Decimal("45945.5"), "45945", datetime(2025, 10, 15, 9, 0), date(2025, 10, 15)],
)
def test_date_forms(cell: object) -> None:
    assert v.date_value(cell) == date(2025, 10, 15)


def test_date_1904_serial() -> None:
    assert v.date_value(44483, epoch1904=True) == date(2025, 10, 15)


@pytest.mark.parametrize(("cell", "code"), [("2025-02-30", "calendar"), ("next week", "date"), (12, "date_range"),
                                            ("1899-01-01", "date_range")])
def test_date_refusals(cell: object, code: str) -> None:
    with pytest.raises(v.BadValue) as info:
        v.date_value(cell)
    assert info.value.code == code


@pytest.mark.parametrize(("cell", "expected"), [("13%", "0.13"), ("0.13", "0.13"), (13, "0.13"), ("9", "0.09"),
                                                (Decimal("0.06"), "0.06"), ("免税", "0")])
def test_tax_rate_forms(cell: object, expected: str) -> None:
    assert v.tax_rate(cell) == Decimal(expected)


@pytest.mark.parametrize(
    ("reader", "cell", "expected"),
    [
        (v.kind, "软件", "software"), (v.kind, "配套软件", "software"), (v.kind, "硬件设备", "hardware"),
        (v.kind, "仪器", "hardware"), (v.kind, "Software", "software"), (v.use, "研发", "rd"),
        (v.use, "研发用", "rd"), (v.use, "生产", "production"), (v.use, "R&D", "rd"), (v.condition, "全新", "new"),
        (v.condition, "新", "new"), (v.condition, "二手", "used"), (v.condition, "used", "used"),
        (v.currency, "人民币", "CNY"), (v.currency, "usd", "USD"), (v.currency, "美元", "USD"),
    ],
)
def test_words(reader: object, cell: str, expected: str) -> None:
    assert reader(cell) == expected  # type: ignore[operator]


@pytest.mark.parametrize(("reader", "cell"), [(v.use, "研发生产两用"), (v.condition, "新旧"), (v.kind, "服务"),
                                              (v.currency, "money")])
def test_words_refused(reader: object, cell: str) -> None:
    with pytest.raises(v.BadValue):
        reader(cell)  # type: ignore[operator]


def test_invoice_numbers() -> None:
    assert v.invoice_number("25442000000012345678") == "25442000000012345678"
    assert v.invoice_number(12345678) == "12345678"
    with pytest.raises(v.BadValue) as info:
        v.invoice_number(Decimal("25442000000012300000"))
    assert info.value.code == "invoice_as_number"


def test_text_of_numbers_and_dates() -> None:
    assert v.text(3000) == "3000"
    assert v.text(Decimal("1.50")) == "1.50"
    assert v.text(datetime(2025, 10, 15)) == "2025-10-15"
    assert v.text("  UR10 ") == "UR10"
    assert v.text("   ") is None
