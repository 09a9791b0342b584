"""CSV and TXT exports of finance systems: GBK or UTF-8 (with or without BOM); comma, tab or semicolon."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.importers import ImportRefused, import_file
from tests.unit.ledgers import write_text

ROWS = [
    ["金蝶K/3 导出 固定资产卡片"],
    [],
    ["资产名称", "规格型号", "数量", "不含税单价", "开票日期", "销售方名称", "用途", "新旧", "类型"],
    ["激光切割机", "LC-3015", "1", "￥1,234,567.50", "2025年10月15日", "大族激光科技产业集团股份有限公司", "研发",
     "全新", "设备"],
    ["仿真软件", "V2025", "5", "12.5万", "2025/10/15", "某软件公司", "研发", "全新", "软件"],
    ["合计", "", "6", "", "", "", "", "", ""],
]


def _check(path: Path, **kwargs: str) -> None:
    preview = import_file(path, **kwargs)  # type: ignore[arg-type]
    assert preview.complete, [p.text() for p in preview.problems]
    assert preview.header.row == 3
    first, second = preview.lines
    assert (first.name, first.unit_price) == ("激光切割机", Decimal("1234567.50"))
    assert first.purchase_date == date(2025, 10, 15)
    assert (first.kind, first.use, first.condition) == ("hardware", "rd", "new")
    assert (second.quantity, second.unit_price, second.kind) == (5, Decimal("125000.00"), "software")
    assert [n.rows for n in preview.notes if n.code == "totals"] == [[6]]


def test_gbk_csv_with_semicolons(tmp_path: Path) -> None:
    path = write_text(tmp_path / "kingdee.csv", ROWS, delimiter=";", encoding="gbk")
    _check(path)
    preview = import_file(path)
    assert (preview.encoding, preview.delimiter) == ("gb18030", ";")


def test_utf8_bom_comma(tmp_path: Path) -> None:
    rows = [[f'"{c}"' if "," in c else c for c in row] for row in ROWS]
    path = write_text(tmp_path / "bom.csv", rows, delimiter=",", encoding="utf-8", bom=True)
    _check(path)
    assert import_file(path).encoding == "utf-8-sig"


def test_utf8_tab_txt(tmp_path: Path) -> None:
    path = write_text(tmp_path / "yonyou.txt", ROWS, delimiter="\t", encoding="utf-8")
    _check(path)
    assert import_file(path).delimiter == "\t"


def test_overrides(tmp_path: Path) -> None:
    path = write_text(tmp_path / "x.txt", ROWS, delimiter=";", encoding="gbk")
    _check(path, encoding="gbk", delimiter="semicolon")
    with pytest.raises(ImportRefused) as info:
        import_file(path, encoding="utf-8")
    assert "not utf-8 text" in info.value.message
    with pytest.raises(ImportRefused):
        import_file(path, encoding="no-such-codec")
    with pytest.raises(ImportRefused):
        import_file(path, delimiter="|")


def test_csv_refusals(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\r\n\r\n")
    with pytest.raises(ImportRefused, match="empty"):
        import_file(empty)
    other = write_text(tmp_path / "other.csv", [["客户", "电话"], ["张三", "1"]])
    with pytest.raises(ImportRefused, match="no columns match"):
        import_file(other)
    with pytest.raises(ImportRefused, match="no sheets"):
        import_file(other, sheet="Sheet1")
