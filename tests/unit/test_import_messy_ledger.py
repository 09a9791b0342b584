"""A ledger as a finance office really keeps it, read end to end: a merged title and notes above the
header on row 5, tax-inclusive prices with their rate, a 万元 column (with a cell that says 万 itself),
words for kind/use/condition, a hidden row, a bad row, a totals row; and what the preview says of it
in Chinese and in English."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.importers import import_file
from desktop.importers import values as v


@pytest.mark.parametrize(("cell", "expected"), [("43万", "430000"), ("43万元", "430000"), ("3,000元", "3000"),
                                                ("1.5", "15000"), (2, "20000")])
def test_a_unit_written_in_the_cell_wins_over_a_wan_column(cell: object, expected: str) -> None:
    assert v.money(cell, v.WAN) == Decimal(expected)


def _ledger(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "设备台账"
    ws["A1"] = "广州示例智能制造创新中心 2025-2026 年度研发设备采购台账"
    ws.merge_cells("A1:L1")
    ws["A2"] = "编制单位：财务部"
    ws["A3"] = "单位：元（金额万元列除外）"
    header = ["序号", "品名", "规格型号", "销售方名称", "数量", "含税单价", "税率", "价税合计", "金额（万元）",
              "开票日期", "发票号码", "类别"]
    rows = [
        [1, "六轴协作机器人", "CR-16 Pro", "广州数控设备有限公司", 2, "¥1,412,500.00", "13%", None, None,
         date(2025, 10, 15), "25442000000012345678", "设备"],
        [2, "七轴力控机械臂", "iiwa", "库卡机器人（广东）有限公司", 1, 1114180, 0.13, None, None, "2025/11/03",
         "25442000000012345679", "硬件"],
        [3, "仿真软件（网络版）", "RoboSim", "华南工业软件有限公司", 5, None, "6%", None, "43万", "2026年1月20日",
         "25442000000012345683", "软件"],
        [4, "坏数量", "X", None, "两台", "1000", "13%", None, None, "2025-13-45", "25442000000012345690", None],
        [5, "隐藏行设备", "H", "H", 1, 1000, "13%", None, None, "2025-10-01", "25442000000012345691", None],
        [6, "万元列设备", "S", "S公司", 3, None, None, None, 1.5, "2025.12.01", "25442000000012345692", None],
    ]
    for c, text in enumerate(header, 1):
        ws.cell(5, c, text)
    for r, row in enumerate(rows, 6):
        for c, value in enumerate(row, 1):
            ws.cell(r, c, value)
    ws.row_dimensions[10].hidden = True
    ws.cell(12, 1, "合计")
    ws.cell(12, 8, "=SUM(H6:H11)")
    wb.save(path)
    return path


def test_messy_ledger_preview(tmp_path: Path) -> None:
    preview = import_file(_ledger(tmp_path / "台账.xlsx"))
    assert preview.header.row == 5
    assert preview.line_rows == [6, 7, 8, 11]
    assert [line.unit_price for line in preview.lines] == [
        Decimal("1250000.00"), Decimal("986000.00"), Decimal("86000"), Decimal("5000")]
    assert [line.kind for line in preview.lines] == ["hardware", "hardware", "software", None]
    assert preview.lines[2].purchase_date == date(2026, 1, 20)
    assert preview.lines[3].purchase_date == date(2025, 12, 1)
    assert preview.bad_rows == [9]
    zh = [p.text("zh") for p in preview.problems]
    en = [p.text("en") for p in preview.problems]
    assert zh == ['第 9 行 E 列（数量）：内容为 "两台"，应为整数数量，如 2 或 2台',
                  '第 9 行 J 列（开票日期）：内容为 "2025-13-45"，应为真实存在的日期']
    assert en == ['row 9, column E (数量): found "两台", expected a whole number such as 2 or 2台',
                  'row 9, column J (开票日期): found "2025-13-45", expected a real calendar date']
    notes_zh = [n.text("zh") for n in preview.notes]
    notes_en = [n.text("en") for n in preview.notes]
    assert "隐藏行，未导入（第 10 行）" in notes_zh
    assert "合计行，未导入（第 12 行）" in notes_zh
    assert "hidden rows, not imported (row 10)" in notes_en
    assert "unit price derived from amount ÷ quantity (rows 8, 11)" in notes_en
    gross = "不含税单价由 含税单价 ÷ (1 + 税率) 得出"
    assert any(n.startswith(gross) and n.endswith("（第 6-7 行）") for n in notes_zh)
