"""Workbooks as ledgers keep them: titles, header on row 5, totals, merges, hidden rows, formulas;
and the workbooks that cannot be read, each refused with a message naming the file."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.importers import ImportRefused, MappingStore, import_file
from tests.unit.ledgers import ledger_with_title, patch_sheet_xml, write_workbook

ROBOT = [1, "六轴协作机器人", "UR10e", 2, "¥1,250,000.50", 2500001, datetime(2025, 10, 15), "25442000000012345678",
         "优傲机器人（上海）有限公司"]


def test_header_on_row_5_below_a_merged_title(tmp_path: Path) -> None:
    path = ledger_with_title(tmp_path / "ledger.xlsx", [ROBOT])
    preview = import_file(path)
    assert preview.header.row == 5
    assert preview.sheet == "台账"
    assert preview.complete
    (line,) = preview.lines
    assert line.name == "六轴协作机器人"
    assert line.model == "UR10e"
    assert line.quantity == 2
    assert line.unit_price == Decimal("1250000.50")
    assert line.purchase_date == date(2025, 10, 15)
    assert line.invoice_number == "25442000000012345678"
    assert line.supplier == "优傲机器人（上海）有限公司"
    assert preview.line_rows == [6]


def test_every_value_form_in_cells(tmp_path: Path) -> None:
    rows = [
        [1, "A", "m", 1, "1234567.5", None, "2025/10/15", None, None],
        [2, "B", "m", "2台", "12.5万", None, "2025-10-15", None, None],
        [3, "C", "m", 1, 800, None, "2025年10月15日", None, None],
        [4, "D", "m", 1, Decimal("99.99"), None, "2025.10.15", None, None],
        [5, "E", "m", 1, "￥1,234,567.50", None, 45945, None, None],
        [6, "F", "m", 1, 1.5, None, date(2025, 10, 15), None, None],
    ]
    preview = import_file(ledger_with_title(tmp_path / "forms.xlsx", rows))
    assert not preview.problems
    assert [line.unit_price for line in preview.lines] == [
        Decimal("1234567.50"), Decimal("125000.00"), Decimal("800.00"), Decimal("99.99"), Decimal("1234567.50"),
        Decimal("1.50")]
    assert {line.purchase_date for line in preview.lines} == {date(2025, 10, 15)}
    assert preview.lines[1].quantity == 2


def test_totals_row_hidden_rows_and_empty_rows_are_not_imported(tmp_path: Path) -> None:
    data = [ROBOT, [None] * 9, [2, "示波器", "DSO-X", 1, 50000, 50000, "2025-11-01", None, None],
            [3, "隐藏的旧设备", "old", 1, 10, 10, "2025-11-01", None, None],
            ["合 计", None, None, 4, None, 2550011, None, None, None]]
    path = ledger_with_title(tmp_path / "t.xlsx", data, hidden=[9])
    preview = import_file(path)
    assert [line.name for line in preview.lines] == ["六轴协作机器人", "示波器"]
    assert preview.complete
    codes = {note.code: note.rows for note in preview.notes}
    assert codes["hidden"] == [9]
    assert codes["totals"] == [10]


def test_vertically_merged_supplier_applies_to_each_row(tmp_path: Path) -> None:
    data = [ROBOT, [2, "示波器", "DSO-X", 1, 50000, 50000, "2025-11-01", None, None]]
    preview = import_file(ledger_with_title(tmp_path / "m.xlsx", data, merges=["I6:I7"]))
    assert [line.supplier for line in preview.lines] == ["优傲机器人（上海）有限公司"] * 2
    assert any(note.code == "merged" for note in preview.notes)


def test_problems_by_row_and_column_and_good_rows_kept(tmp_path: Path) -> None:
    data = [ROBOT, [2, "坏数量", "x", "abc", 5, None, "2025-10-15", None, None],
            [3, None, "x", 1, 5, None, "2025-02-30", None, None],
            [4, "不一致", "x", 2, 100, 250, "2025-10-15", None, None]]
    preview = import_file(ledger_with_title(tmp_path / "p.xlsx", data))
    assert len(preview.lines) == 1
    assert preview.bad_rows == [7, 8, 9]
    found = {(p.row, p.column, p.code) for p in preview.problems}
    assert (7, "D", "quantity") in found
    assert (8, "B", "required") in found
    assert (8, "G", "calendar") in found
    assert (9, "F", "mismatch") in found
    qty = next(p for p in preview.problems if p.row == 7)
    assert qty.header == "数量" and qty.found == "abc"
    assert "whole number" in qty.expected("en")
    assert qty.text("en").startswith("row 7, column D (数量)")
    assert "第 7 行" in qty.text("zh")


def test_unit_price_derived_from_amount_only_when_exact(tmp_path: Path) -> None:
    headers = ["设备名称", "数量", "金额", "开票日期"]
    rows = [headers, ["主机", 4, 10000, "2025-10-15"], ["三台", 3, 1000, "2025-10-15"]]
    preview = import_file(write_workbook(tmp_path / "d.xlsx", rows))
    assert [line.unit_price for line in preview.lines] == [Decimal("2500.00")]
    assert preview.derivations == [("derived_unit_from_amount",)]
    (problem,) = preview.problems
    assert (problem.row, problem.column, problem.code) == (3, "C", "not_exact")
    assert "333.3333" in problem.expected("en")
    note = next(n for n in preview.notes if n.code == "derived_unit_from_amount")
    assert note.rows == [2]
    assert "amount ÷ quantity" in note.text("en")


def test_price_excluding_tax_from_tax_inclusive_prices(tmp_path: Path) -> None:
    rows = [["品名", "型号", "数量", "含税单价", "税率", "价税合计", "日期"],
            ["工控机", "IPC", 1, 11300, "13%", None, "2025-10-15"],
            ["软件", "v1", 2, None, 0.06, "21200", "2025-10-15"]]
    preview = import_file(write_workbook(tmp_path / "tax.xlsx", rows))
    assert not preview.problems
    assert [line.unit_price for line in preview.lines] == [Decimal("10000.00"), Decimal("10000.00")]
    assert {n.code for n in preview.notes} >= {"derived_unit_from_gross", "derived_amount_from_gross"}


def test_wan_column_english_headers_and_words(tmp_path: Path) -> None:
    rows = [["Name", "Qty", "Amount (万元)", "Invoice date", "Kind", "Use", "Condition", "Currency", "Exchange rate"],
            ["Lathe", 1, 12.5, "2025-10-15", "设备", "研发", "全新", "USD", 7.1]]
    preview = import_file(write_workbook(tmp_path / "en.xlsx", rows))
    (line,) = preview.lines
    assert line.unit_price == Decimal("125000.00")
    assert (line.kind, line.use, line.condition, line.currency) == ("hardware", "rd", "new", "USD")
    assert line.exchange_rate == Decimal("7.1")
    assert any(n.code == "wan" for n in preview.notes)


def test_formula_without_saved_result_is_reported(tmp_path: Path) -> None:
    rows = [["设备名称", "数量", "单价", "金额", "日期"], ["主机", 2, 100, "=B2*C2", "2025-10-15"],
            ["显示器", 1, "=100+50", None, "2025-10-15"], ["键盘", 1, 50, 50, "2025-10-15"]]
    preview = import_file(write_workbook(tmp_path / "f.xlsx", rows))
    assert [line.name for line in preview.lines] == ["键盘"]
    found = [(p.row, p.column, p.found, p.code) for p in preview.problems]
    assert found == [(2, "D", "=B2*C2", "formula_no_value"), (3, "C", "=100+50", "formula_no_value")]
    assert "Excel or WPS" in preview.problems[0].expected("en")


def test_formula_with_saved_result_reads_the_result(tmp_path: Path) -> None:
    # openpyxl writes formulas without results; Excel stores the result in <v> beside the formula, with
    # binary float noise. The test writes that <v> into the sheet XML itself.
    rows = [["设备名称", "数量", "单价", "日期"], ["主机", 3, "=1234.1*3", "2025-10-15"]]
    path = write_workbook(tmp_path / "cached.xlsx", rows)
    patch_sheet_xml(path, "<f>1234.1*3</f><v />", "<f>1234.1*3</f><v>3702.2999999999997</v>")
    preview = import_file(path)
    assert not preview.problems
    assert preview.lines[0].unit_price == Decimal("3702.30")
    patch_sheet_xml(path, "<v>3702.2999999999997</v>", "<v>11111.103000000001</v>")
    (problem,) = import_file(path).problems  # three decimals: not an amount to the fen
    assert (problem.column, problem.found, problem.code) == ("C", "11111.103", "decimals")


def test_mapping_override_is_remembered_per_layout(tmp_path: Path) -> None:
    rows = [["名称", "数量", "单价", "备注日期", "日期"], ["主机", 1, 100, "2025-10-15", "2020-01-01"]]
    path = write_workbook(tmp_path / "map.xlsx", rows)
    store = MappingStore(tmp_path / "mappings.json")
    auto = import_file(path, store=store)
    assert auto.lines[0].purchase_date is not None and auto.lines[0].purchase_date.year == 2020
    chosen = {0: "name", 1: "quantity", 2: "unit_price", 3: "purchase_date"}
    store.remember(auto.header.layout_key, auto.header.texts, chosen)
    again = import_file(write_workbook(tmp_path / "other.xlsx", rows), store=store)
    assert again.remembered and again.mapping == chosen
    assert again.lines[0].purchase_date == date(2025, 10, 15)
    assert (tmp_path / "mappings.json").read_text(encoding="utf-8").count("备注日期") == 1
    assert import_file(path).mapping != chosen  # without the store: automatic


def test_missing_name_column_is_reported_not_guessed(tmp_path: Path) -> None:
    preview = import_file(write_workbook(tmp_path / "n.xlsx", [["数量", "单价"], [1, 100]]))
    assert preview.missing == ("name",)
    assert not preview.lines


def test_preview_apply_adds_lines_without_touching_the_draft(tmp_path: Path) -> None:
    from desktop.domain.model import Draft, EquipmentLine

    draft = Draft(equipment=[EquipmentLine(name="已有")])
    preview = import_file(ledger_with_title(tmp_path / "a.xlsx", [ROBOT]))
    new = preview.apply(draft)
    assert [line.name for line in draft.equipment] == ["已有"]
    assert [line.name for line in new.equipment] == ["已有", "六轴协作机器人"]


# --- refusals: a clear message naming the file, never a traceback -------------------------------------

def _refused(path: Path, **kwargs: object) -> str:
    with pytest.raises(ImportRefused) as info:
        import_file(path, **kwargs)  # type: ignore[arg-type]
    assert str(path) in str(info.value)
    return info.value.message


def test_empty_sheet(tmp_path: Path) -> None:
    assert "empty" in _refused(write_workbook(tmp_path / "empty.xlsx", []))


def test_no_matching_columns(tmp_path: Path) -> None:
    message = _refused(write_workbook(tmp_path / "x.xlsx", [["客户", "电话", "地址"], ["张三", "123", "广州"]]))
    assert "no columns match" in message and "客户" in message


def test_corrupt_xlsx(tmp_path: Path) -> None:
    good = write_workbook(tmp_path / "good.xlsx", [["设备名称", "数量"], ["a", 1]])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "damaged" in _refused(broken)
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"PK\x03\x04 this is not a zip archive at all")
    assert "damaged" in _refused(garbage)


def test_damaged_sheet_xml(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "xml.xlsx", [["设备名称", "数量"], ["a", 1]])
    patch_sheet_xml(path, "<sheetData>", "<sheetData><row><c><<")
    assert "damaged" in _refused(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE compound file (CFB) holding EncryptionInfo and EncryptedPackage streams.
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le"))
    assert "encrypted" in _refused(path)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    assert ".xls" in _refused(old)


def test_unknown_sheet_names_the_sheets(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "s.xlsx", [["设备名称", "数量"]], extra_sheets=["汇总"])
    message = _refused(path, sheet="明细")
    assert '"明细"' in message and '"台账"' in message and '"汇总"' in message


def test_chosen_sheet(tmp_path: Path) -> None:
    import openpyxl

    path = write_workbook(tmp_path / "two.xlsx", [["说明"]], extra_sheets=["明细"])
    workbook = openpyxl.load_workbook(path)
    workbook["明细"].append(["设备名称", "数量", "单价", "日期"])
    workbook["明细"].append(["主机", 1, 100, "2025-10-15"])
    workbook.save(path)
    assert [line.name for line in import_file(path, sheet="明细").lines] == ["主机"]


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _refused(tmp_path / "nowhere.xlsx")
