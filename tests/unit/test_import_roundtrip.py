"""Export a draft's lines to XLSX, import them into an empty draft: the same lines come back."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import choices
from desktop.domain.model import Draft, EquipmentLine
from desktop.importers import import_file
from desktop.importers.xlsx_export import write_lines_xlsx

_TOTALS = ("合计", "总计", "小计", "共计", "累计", "total", "subtotal", "grandtotal", "sum")
words = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\x7f"),
    min_size=1, max_size=20,
).map(str.strip).filter(lambda s: bool(s) and not s.lower().startswith(_TOTALS))
# Amounts stay below 10^12 yuan: a spreadsheet holds 15 significant digits, fen included.
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999.99"), places=2)
rates = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("999.9999"), places=4)
lines = st.builds(
    EquipmentLine,
    name=words, model=st.none() | words, supplier=st.none() | words,
    kind=st.none() | st.sampled_from(tuple(choices.KINDS)), use=st.none() | st.sampled_from(tuple(choices.USES)),
    condition=st.none() | st.sampled_from(tuple(choices.CONDITIONS)),
    quantity=st.integers(1, 1000), unit_price=money,
    currency=st.none() | st.sampled_from(["CNY", "USD", "EUR", "JPY"]), exchange_rate=st.none() | rates,
    purchase_date=st.none() | st.dates(date(1990, 1, 1), date(2100, 12, 31)),
    invoice_number=st.none() | st.from_regex(r"\A[0-9]{8,20}\Z") | words,
)


def _roundtrip(tmp: Path, equipment: list[EquipmentLine]) -> list[EquipmentLine]:
    path = tmp / "lines.xlsx"
    with open(path, "wb") as fh:
        write_lines_xlsx(equipment, fh)
    preview = import_file(path)
    assert preview.complete, [p.text() for p in preview.problems]
    return preview.apply(Draft()).equipment


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(lines, min_size=1, max_size=6))
def test_export_then_import_gives_identical_lines(tmp_path: Path, equipment: list[EquipmentLine]) -> None:
    assert _roundtrip(tmp_path, equipment) == equipment


def test_typed_cells_and_totals_row(tmp_path: Path) -> None:
    line = EquipmentLine(name="=SUM(A1)", model="UR10", kind="software", use="rd", condition="new", quantity=2,
                         unit_price=Decimal("1250000.50"), purchase_date=date(2025, 10, 15),
                         invoice_number="25442000000012345678")
    foreign = EquipmentLine(name="Lathe", quantity=1, unit_price=Decimal("100.00"), currency="USD",
                            exchange_rate=Decimal("7.1234"))
    buffer = io.BytesIO()
    assert write_lines_xlsx([line, foreign], buffer) == 2
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["序号", "设备名称", "规格型号"]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["设备名称"].data_type == "s" and row["设备名称"].value == "=SUM(A1)"
    assert row["数量"].value == 2 and row["数量"].data_type == "n"
    assert Decimal(str(row["不含税单价"].value)) == Decimal("1250000.5")
    assert row["不含税单价"].number_format == "#,##0.00"
    assert row["购置日期"].is_date and row["购置日期"].number_format == "yyyy-mm-dd"
    assert row["发票号码"].value == "25442000000012345678"
    assert row["类型"].value == "配套软件"
    totals = [c.value for c in sheet[4]]
    assert totals[0] == "合计" and totals[7] == 3
    assert Decimal(str(totals[12])) == Decimal("2500713.34")
    assert _roundtrip(tmp_path, [line, foreign]) == [line, foreign]
