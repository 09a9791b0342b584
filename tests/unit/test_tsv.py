"""Clipboard blocks: spreadsheet quoting, cell values as ledgers write them, problems by row and column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.model import EquipmentLine
from desktop.services import tsv


def test_split_plain_block_with_crlf() -> None:
    assert tsv.split_block("a\tb\r\nc\td\r\n") == [["a", "b"], ["c", "d"]]


def test_split_quoted_cell_with_tab_newline_and_quote() -> None:
    text = '"x\ty\nz ""q"""\t2\n'
    assert tsv.split_block(text) == [['x\ty\nz "q"', "2"]]


def test_empty_cells_kept() -> None:
    assert tsv.split_block("\t\tc\n") == [["", "", "c"]]


@given(st.lists(st.lists(st.text(), min_size=1, max_size=4),
                min_size=1, max_size=5))
def test_join_split_round_trip(rows: list[list[str]]) -> None:
    assert tsv.split_block(tsv.join_block(rows)) == rows


@pytest.mark.parametrize(("field", "text", "value"), [
    ("quantity", "3", 3), ("quantity", "2.0", 2), ("unit_price", "¥1,234,567.50", Decimal("1234567.50")),
    ("unit_price", "12.5万", Decimal("125000.0")), ("exchange_rate", "7.1234", Decimal("7.1234")),
    ("currency", "usd", "USD"), ("currency", "人民币", "CNY"), ("purchase_date", "2025/10/15", date(2025, 10, 15)),
    ("purchase_date", "2025年10月5日", date(2025, 10, 5)), ("purchase_date", "2025.1.2", date(2025, 1, 2)),
    ("kind", "配套软件", "software"), ("use", "R&D", "rd"), ("condition", "二手", "used"),
    ("name", " 机器人 ", "机器人"),
    ("unit_price", "", None),
])
def test_parse_cell(field: str, text: str, value: object) -> None:
    assert tsv.parse_cell(field, text) == value


@pytest.mark.parametrize(("field", "text"), [
    ("quantity", "abc"), ("quantity", "1.5"), ("unit_price", "1e5"), ("purchase_date", "2025-13-01"),
    ("kind", "furniture"), ("currency", "dollars!"),
])
def test_bad_cells_raise(field: str, text: str) -> None:
    with pytest.raises(tsv.CellError):
        tsv.parse_cell(field, text)


def test_rows_to_values_reports_row_and_column() -> None:
    rows = [["机器人", "M1", "供应商", "硬件设备", "研发", "全新", "2", "100.00"],
            ["相机", "C2", "", "", "", "", "abc", "50"]]
    values, problems = tsv.rows_to_values(rows, first_line=11)
    assert values[0]["quantity"] == 2 and values[0]["kind"] == "hardware"
    assert [(p.line, p.field) for p in problems] == [(12, "quantity")]
    assert problems[0].message("en").startswith('Line 12, quantity: "abc" is not a quantity')
    assert problems[0].message("zh").startswith("第 12 行「数量」")


def test_block_wider_than_table_is_reported() -> None:
    _, problems = tsv.rows_to_values([["a", "b"]], first_field=len(tsv.FIELDS) - 1)
    assert [(p.line, p.field) for p in problems] == [(1, None)]
    assert "beyond the last column" in problems[0].message("en")


def test_header_row_recognised() -> None:
    assert tsv.is_header(["设备名称", "型号", "供应商"])
    assert tsv.is_header(["quantity", "unit price excl. VAT"], first_field=6)
    assert not tsv.is_header(["机器人", "M1", "广州"])


def test_lines_to_rows_and_back() -> None:
    line = EquipmentLine(name="机器人", kind="software", quantity=2, unit_price=Decimal("10.50"),
                         purchase_date=date(2025, 10, 1))
    rows = tsv.lines_to_rows([line], list(tsv.FIELDS), "en")
    values, problems = tsv.rows_to_values(tsv.split_block(tsv.join_block(rows)))
    assert not problems
    assert tsv.line_with(None, values[0]) == line
