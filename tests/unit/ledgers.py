"""Ledger files written by the tests themselves: real workbooks (openpyxl) and GBK/UTF-8 CSVs."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

HEADERS = ["序号", "设备名称", "规格型号", "数量", "不含税单价", "金额", "购置日期", "发票号码", "供应商"]


def write_workbook(path: Path, rows: Iterable[Any], *, sheet: str = "台账",
                   hidden: Iterable[int] = (), merges: Iterable[str] = (), extra_sheets: Iterable[str] = ()) -> Path:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for number in hidden:
        ws.row_dimensions[number].hidden = True
    for ref in merges:
        ws.merge_cells(ref)
    for name in extra_sheets:
        workbook.create_sheet(name)
    workbook.save(path)
    return path


def ledger_with_title(path: Path, data: Iterable[Any], headers: Sequence[str] = HEADERS,
                      **kwargs: Any) -> Path:
    """A merged title on row 1, blank and note rows, the header on row 5, then `data` from row 6."""
    rows: list[Any] = [["2025年度研发设备购置台账"], [], ["编制单位：广州示例智能制造创新中心", None, None, "单位：元"],
                       []]
    rows.append(list(headers))
    rows.extend(data)
    merges = list(kwargs.pop("merges", ())) + ["A1:I1"]
    return write_workbook(path, rows, merges=merges, **kwargs)


def patch_sheet_xml(path: Path, old: str, new: str, sheet: str = "xl/worksheets/sheet1.xml") -> None:
    """Replace text inside a workbook's sheet XML (to store a formula's saved result, for instance)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == sheet:
                text = data.decode("utf-8")
                assert old in text, f"{old!r} not in the sheet XML"
                data = text.replace(old, new).encode("utf-8")
            target.writestr(info, data)


def write_big_ledger(path: Path, count: int) -> Path:
    """A header and `count` data rows (name, quantity, unit price, date, invoice), written as sheet XML
    directly: openpyxl's own writer takes seconds for 100,000 rows, this a fraction of one."""
    write_workbook(path, [["设备名称", "数量", "不含税单价", "购置日期", "发票号码"]])
    parts = ['<row r="1"><c r="A1" t="inlineStr"><is><t>设备名称</t></is></c><c r="B1" t="inlineStr"><is><t>数量'
             '</t></is></c><c r="C1" t="inlineStr"><is><t>不含税单价</t></is></c><c r="D1" t="inlineStr"><is><t>'
             '购置日期</t></is></c><c r="E1" t="inlineStr"><is><t>发票号码</t></is></c></row>']
    for i in range(count):
        n = i + 2
        parts.append(
            f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>设备{i}</t></is></c><c r="B{n}"><v>{i % 3 + 1}</v></c>'
            f'<c r="C{n}"><v>{1000 + i}.5</v></c><c r="D{n}"><v>{45945 + i % 30}</v></c>'
            f'<c r="E{n}" t="inlineStr"><is><t>{25442000000000000000 + i}</t></is></c></row>'
        )
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                start, end = text.index("<sheetData>"), text.index("</sheetData>")
                text = text[: start] + "<sheetData>" + "".join(parts) + text[end:]
                text = text.replace('<dimension ref="A1:E1"', f'<dimension ref="A1:E{count + 1}"')
                data = text.encode("utf-8")
            target.writestr(info, data)
    return path


def write_text(path: Path, lines: Iterable[Sequence[str]], *, delimiter: str = ",", encoding: str = "gbk",
               bom: bool = False) -> Path:
    text = "\r\n".join(delimiter.join(cells) for cells in lines) + "\r\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


# ---- Reproductions of real exports (built from the column names and sheet names those exports use; no
# file of a real company is in the repository). Sources: the e-tax bureau's 全量发票查询导出 (sheet names
# and columns as public projects such as github.com/zhangxcsd/Invoice_Insight_Project read them),
# Kingdee / UFIDA U8 fixed-asset card lists, ERP purchase-invoice lists, hand-made 万元 tables, English
# registers of foreign-invested companies.

ETAX_BASIC = [
    "序号", "发票代码", "发票号码", "数电发票号码", "销方识别号", "销方名称", "购方识别号",
    "购买方名称", "开票日期", "金额", "税额", "价税合计", "发票来源", "发票票种",
    "发票状态", "是否正数发票", "发票风险等级", "开票人", "备注",
]
ETAX_DETAIL = [
    "序号", "发票代码", "发票号码", "数电发票号码", "销方识别号", "销方名称", "购方识别号",
    "购买方名称", "开票日期", "税收分类编码", "特定业务类型", "货物或应税劳务名称", "规格型号", "单位",
    "数量", "单价", "金额", "税率", "税额", "价税合计", "发票来源",
    "发票票种", "发票状态", "是否正数发票", "发票风险等级", "开票人", "备注",
]
SELLER_ID = "91440101MA5XXXXX1X"
BUYER = ("广州示例智能制造有限公司", "91440101MA5YYYYY2Y")


def etax_row(n: int, number: str | float, seller: str, day: str, name: str, model: str | None, qty: Any, price: Any,
             amount: Any, rate: str = "13%", status: str = "正常", positive: str = "是", code: str = "",
             paper: str = "") -> list[Any]:
    tax = "" if amount in (None, "") else str((Decimal(str(amount)) * Decimal("0.13")).quantize(Decimal("0.01")))
    return [n, code, paper, number, SELLER_ID, seller, BUYER[1], BUYER[0], day, "1090243010000000000", "", name,
            model, "台", qty, price, amount, rate, tax, "", "电子发票服务平台", "数电发票（增值税专用发票）", status,
            positive, "正常", "张三", ""]


def write_etax_export(path: Path, detail_rows: Iterable[list[Any]], basic_rows: Iterable[list[Any]] = ()) -> Path:
    """全量发票查询导出: 发票基础信息 first (one row per invoice), then 信息汇总表 with the line items."""
    workbook = openpyxl.Workbook()
    basic = workbook.active
    basic.title = "发票基础信息"
    basic.append(ETAX_BASIC)
    for row in basic_rows:
        basic.append(row)
    detail = workbook.create_sheet("信息汇总表")
    detail.append(ETAX_DETAIL)
    for row in detail_rows:
        detail.append(row)
    for column in ("C", "D"):
        for cell in detail[column]:
            cell.number_format = "@"
    workbook.save(path)
    return path
