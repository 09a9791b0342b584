"""Ledgers laid out as Chinese offices really export them. Every workbook here is a REPRODUCTION built by the
test (tests/unit/ledgers.py) with the exact sheet names, column names, title, units, notes and totals rows
of the real exports; no real company's file is used. Each test asserts every line's name, quantity, unit
price to the fen, date and invoice number, and the rows left out with their reasons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.importers import ImportRefused, Options, Preview, import_file
from tests.unit.ledgers import etax_row, write_etax_export, write_workbook


def _lines(preview: Preview) -> list[tuple[str | None, int | None, Decimal | None, date | None, str | None]]:
    return [(x.name, x.quantity, x.unit_price, x.purchase_date, x.invoice_number) for x in preview.lines]


def _notes(preview: Preview) -> dict[str, list[int]]:
    return {n.code: n.rows for n in preview.notes}


def test_etax_full_export_detail_sheet_found_and_read_as_invoices_carry_it(tmp_path: Path) -> None:
    blue = "25442000000123456781"
    machine = (blue, "广州精机有限公司", "2025-10-15 14:23:01", "*机械设备*立式加工中心", "VMC850")
    detail = [
        etax_row(1, *machine, 2, 176991.150442478, 353982.30),
        etax_row(2, *machine, None, None, -3982.30),  # the discount row under its line
        etax_row(3, blue, "广州精机有限公司", "2025-10-15 14:23:01", "*现代服务*安装调试费", None, 1, 5000, 5000,
                 rate="6%"),
        etax_row(4, "25442000000222222222", "深圳测量仪器有限公司", "2025-09-20 09:00:00", "*仪器仪表*三坐标测量机",
                 "CMM-575", 1, 280000, 280000, status="已红冲"),
        etax_row(
            5,
            "25442000000333333333",
            "深圳测量仪器有限公司",
            "2025-09-28 09:00:00",
            "*仪器仪表*三坐标测量机",
            "CMM-575",
            -1,
            280000,
            -280000,
            positive="否",
        ),
        etax_row(
            6,
            "",
            "佛山激光科技有限公司",
            "2025-09-03",
            "*仪器仪表*激光干涉仪",
            "XL-80",
            1,
            150442.48,
            150442.48,
            code="4400231130",
            paper="01234567",
        ),
        etax_row(
            7, 2.5112e19, "东莞电子有限公司", "2025-08-08", "*电子计算机*图形工作站", "Z8", 1, 50000, 50000
        ),
    ]
    basic = [
        [
            1,
            "",
            "",
            blue,
            "91440101MA5XXXXX1X",
            "广州精机有限公司",
            "91440101MA5YYYYY2Y",
            "广州示例智能制造有限公司",
            "2025-10-15 14:23:01",
            355000,
            46150,
            401150,
            "电子发票服务平台",
            "数电发票（增值税专用发票）",
            "正常",
            "是",
            "正常",
            "张三",
            "",
        ]
    ]
    path = write_etax_export(tmp_path / "全量发票查询导出结果.xlsx", detail, basic)

    preview = import_file(path)

    assert preview.sheet == "信息汇总表"
    assert _lines(preview) == [
        ("立式加工中心", 2, Decimal("175000.00"), date(2025, 10, 15), blue),
        ("激光干涉仪", 1, Decimal("150442.48"), date(2025, 9, 3), "440023113001234567"),
    ]
    assert [(row, line.name) for row, line in preview.services] == [(4, "安装调试费")]
    notes = _notes(preview)
    assert notes["discount"] == [3]
    assert notes["void"] == [5] and notes["red_invoice"] == [6]
    assert notes["services"] == [4]
    assert "price_from_amount" in notes and "category_removed" in notes and notes["paper_invoice"] == [7]
    assert [(p.row, p.field, p.code) for p in preview.problems] == [
        (8, "invoice_number", "invoice_as_number")
    ]
    assert "export the ledger again" in preview.problems[0].text("en")
    chosen = next(n for n in preview.notes if n.code == "sheet_chosen")
    assert "发票基础信息" in chosen.text("en") and "no column for the equipment name" in chosen.text("en")
    assert [row for row, _ in preview.skipped()] == [4, 5, 6, 8]  # the discount row 3 is netted, not left out
    # the user may include the service rows after all
    both = import_file(path, options=Options(include_services=True))
    assert [x.name for x in both.chosen_lines] == ["立式加工中心", "安装调试费", "激光干涉仪"]


def test_sheets_none_of_which_fits_are_named_with_what_each_looks_like(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "发票基础信息"
    workbook.active.append(["发票号码", "销方名称", "开票日期", "金额"])
    workbook.create_sheet("说明").append(["本文件由电子发票服务平台导出"])
    workbook.create_sheet("空白")
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    with pytest.raises(ImportRefused) as refused:
        import_file(path)
    en, zh = refused.value.text("en"), refused.value.text("zh")
    assert '"发票基础信息": header on row 1' in en and "no column for the equipment name" in en
    assert '"说明": no header row' in en and '"空白": empty' in en and "--sheet" in en
    assert "「发票基础信息」" in zh and "「空白」：空表" in zh


def test_kingdee_asset_cards_one_per_unit_grouped_when_asked(tmp_path: Path) -> None:
    rows = [
        ["固定资产卡片明细表"],
        ["核算组织：广州示例智能制造有限公司", None, None, None, "单位：元"],
        [
            "资产编码",
            "固定资产名称",
            "规格型号",
            "资产类别",
            "原值",
            "入账日期",
            "开始使用日期",
            "使用部门",
            "存放地点",
        ],
        *(
            [f"GD-2025-000{n}", "五轴加工中心", "DMU50", "机器设备", 980000, date(2025, 7, 1), date(2025, 7, 5),
             "研发部", "一号车间"]
            for n in (1, 2, 3)
        ),
        ["GD-2025-0004", "三坐标测量机", "CMM-575", "仪器仪表", 265486.73, date(2025, 8, 12), date(2025, 8, 20),
         "质量部", "计量室"],
        ["合计", None, None, None, 3205486.73],
    ]
    path = write_workbook(tmp_path / "cards.xlsx", rows, sheet="卡片列表", merges=["A1:I1"])
    each = import_file(path)
    assert _lines(each) == [("五轴加工中心", 1, Decimal("980000.00"), date(2025, 7, 1), None)] * 3 + [
        ("三坐标测量机", 1, Decimal("265486.73"), date(2025, 8, 12), None)
    ]
    notes = _notes(each)
    assert "one_per_card" in notes and "cards_groupable" in notes and notes["totals"] == [8]
    grouped = import_file(path, options=Options(group_cards=True))
    assert _lines(grouped) == [
        ("五轴加工中心", 3, Decimal("980000.00"), date(2025, 7, 1), None),
        ("三坐标测量机", 1, Decimal("265486.73"), date(2025, 8, 12), None),
    ]
    assert _notes(grouped)["cards_grouped"] == [4, 5, 6] and not grouped.problems


def test_erp_purchase_invoice_list_tax_inclusive_prices(tmp_path: Path) -> None:
    rows = [
        ["采购发票列表"],
        [
            "发票号码",
            "开票日期",
            "供应商",
            "物料编码",
            "物料名称",
            "规格型号",
            "计量单位",
            "数量",
            "含税单价",
            "税率(%)",
            "价税合计",
        ],
        [
            "25442000000444444444",
            "2025/06/18",
            "苏州伺服科技",
            "M-001",
            "伺服电机综合测试台",
            "ST-200",
            "台",
            1,
            113000,
            13,
            113000,
        ],
        [
            "25442000000444444445",
            "2025/06/20",
            "苏州伺服科技",
            "M-002",
            "扭矩传感器",
            "TQ-50",
            "个",
            3,
            11300,
            13,
            33900,
        ],
    ]
    preview = import_file(write_workbook(tmp_path / "purchase.xlsx", rows, sheet="采购发票"))
    assert _lines(preview) == [
        ("伺服电机综合测试台", 1, Decimal("100000.00"), date(2025, 6, 18), "25442000000444444444"),
        ("扭矩传感器", 3, Decimal("10000.00"), date(2025, 6, 20), "25442000000444444445"),
    ]
    assert "derived_amount_from_gross" in _notes(preview) and not preview.problems


def test_wan_table_two_row_merged_header_column_numbers_notes_and_totals(tmp_path: Path) -> None:
    rows = [
        ["2025年研发设备购置明细表"],
        ["填报单位：广州示例智能制造有限公司", None, None, None, None, "金额单位：万元"],
        ["序号", "设备名称", "规格型号", "数量", "结算价格", None, "购置日期", "发票号码"],
        [None, None, None, None, "单价", "金额", None, None],
        ["栏次", "1", "2", "3", "4", "5", "6", "7"],
        [1, "高速摄像机", "Phantom T4040", 1, 43.5, 43.5, "2025-08-01", "25442000000000000011"],
        [2, "振动测试系统", "LMS SCADAS", 2, 12.8, 25.6, "2025-08-15", "25442000000000000012"],
        ["合计", None, None, 3, None, 69.1],
        ["注：本表金额均不含增值税，单位为万元。"],
    ]
    merges = ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:G4", "H3:H4", "A9:H9"]
    preview = import_file(write_workbook(tmp_path / "wan.xlsx", rows, merges=merges))
    assert preview.header.row == 4 and preview.header.top == 3
    assert _lines(preview) == [
        ("高速摄像机", 1, Decimal("435000.00"), date(2025, 8, 1), "25442000000000000011"),
        ("振动测试系统", 2, Decimal("128000.00"), date(2025, 8, 15), "25442000000000000012"),
    ]
    notes = _notes(preview)
    assert notes["column_numbers"] == [5] and notes["totals"] == [8] and notes["notes_row"] == [9]
    assert "wan_table" in notes and "header_two_rows" in notes and not preview.problems
    wan = next(n for n in preview.notes if n.code == "wan_table")
    assert "row 2" in wan.text("en") and "金额单位：万元" in wan.text("en")


def test_hidden_column_ignored_for_the_visible_settlement_price(tmp_path: Path) -> None:
    rows = [
        ["设备名称", "数量", "不含税单价", "结算单价（不含税）", "购置日期", "发票号码"],
        ["激光切割机", 1, 520000, 498000, "2025-05-06", "25442000000000000021"],
    ]
    path = tmp_path / "hidden.xlsx"
    write_workbook(path, rows)
    workbook = openpyxl.load_workbook(path)
    workbook.active.column_dimensions["C"].hidden = True
    workbook.save(path)
    preview = import_file(path)
    assert _lines(preview) == [
        ("激光切割机", 1, Decimal("498000.00"), date(2025, 5, 6), "25442000000000000021")
    ]
    assert "hidden_columns_ignored" in _notes(preview)
    # when nothing visible gives a price, the hidden column is used, and said
    workbook.active.column_dimensions["D"].hidden = True
    workbook.active.column_dimensions["C"].hidden = True
    workbook.active["D1"] = "备注"
    workbook.save(path)
    used = import_file(path)
    assert _lines(used) == [("激光切割机", 1, Decimal("520000.00"), date(2025, 5, 6), "25442000000000000021")]
    assert "hidden_columns_used" in _notes(used)


ENGLISH = [
    "No.",
    "Description",
    "Model",
    "Qty",
    "Currency",
    "Unit Price",
    "Amount",
    "Amount (CNY)",
    "Invoice Date",
    "Invoice No.",
    "Supplier",
]


def test_english_register_foreign_currency_rates_derived_day_first_and_month_names(tmp_path: Path) -> None:
    rows = [
        ["Fixed Asset Register — R&D Equipment FY2025"],
        ENGLISH,
        [
            1,
            "Spectrum analyzer",
            "FSW26",
            1,
            "USD",
            85000,
            85000,
            606543.00,
            "15-Oct-2025",
            "INV-2025-0912",
            "R&S",
        ],
        [2, "Laser tracker", "AT960", 1, "EUR", 120000, 120000, 998760.00, "03.11.2025", "DE-77812", "Leica"],
        [
            3,
            "Nano indenter",
            "TI 980",
            2,
            "JPY",
            3500000,
            7000000,
            339500.00,
            "25.09.2025",
            "JP-5531",
            "Bruker JP",
        ],
        [
            4,
            "Fixture set",
            "FX-1",
            1,
            "CNY",
            20000,
            20000,
            20000,
            "10.10.2025",
            "25442000000000000031",
            "Local",
        ],
        ["Total", None, None, 5, None, None, None, 1964803.00],
    ]
    preview = import_file(write_workbook(tmp_path / "register.xlsx", rows, sheet="Register"))
    assert _lines(preview) == [
        ("Spectrum analyzer", 1, Decimal("85000.00"), date(2025, 10, 15), "INV-2025-0912"),
        ("Laser tracker", 1, Decimal("120000.00"), date(2025, 11, 3), "DE-77812"),
        ("Nano indenter", 2, Decimal("3500000.00"), date(2025, 9, 25), "JP-5531"),
        ("Fixture set", 1, Decimal("20000.00"), date(2025, 10, 10), "25442000000000000031"),
    ]
    assert [(x.currency, x.exchange_rate) for x in preview.lines] == [
        ("USD", Decimal("7.135800")),
        ("EUR", Decimal("8.323000")),
        ("JPY", Decimal("0.048500")),
        ("CNY", None),
    ]
    notes = _notes(preview)
    assert notes["rate_derived"] == [3, 4, 5] and notes["totals"] == [7] and not preview.problems
    assert next(n for n in preview.notes if n.code == "date_order").args == (
        ("column", "I"),
        ("order", "dmy"),
    )


def test_dates_the_column_cannot_decide_are_asked(tmp_path: Path) -> None:
    rows = [
        ENGLISH,
        [1, "Oscilloscope", "MSO64", 1, "CNY", 90000, 90000, 90000, "03.11.2025", "A-1", "Tek"],
        [2, "Probe set", "TPP", 2, "CNY", 5000, 10000, 10000, "05.10.2025", "A-2", "Tek"],
    ]
    path = write_workbook(tmp_path / "ambiguous.xlsx", rows)
    with pytest.raises(ImportRefused) as refused:
        import_file(path)
    assert "column I (Invoice Date)" in refused.value.text("en") and "--date-order dmy" in refused.value.text(
        "en"
    )
    assert "--date-order" in refused.value.text("zh")
    mdy = import_file(path, options=Options(date_order="mdy"))
    assert [x.purchase_date for x in mdy.lines] == [date(2025, 3, 11), date(2025, 5, 10)]


def test_invoice_numbers_mangled_by_excel_refused_by_row(tmp_path: Path) -> None:
    rows = [
        ["设备名称", "数量", "不含税单价", "购置日期", "发票号码"],
        ["真空炉", 1, 300000, "2025-04-01", "2.5112E+19"],
        ["淬火机", 1, 200000, "2025-04-02", 25112000000000000000],
        ["回火炉", 1, 100000, "2025-04-03", "25112000000000000003"],
        ["清洗机", 1, 50000, "2025-04-04", 12345678],
    ]
    preview = import_file(write_workbook(tmp_path / "mangled.xlsx", rows))
    assert _lines(preview) == [
        ("回火炉", 1, Decimal("100000.00"), date(2025, 4, 3), "25112000000000000003"),
        ("清洗机", 1, Decimal("50000.00"), date(2025, 4, 4), "12345678"),
    ]
    assert [(p.row, p.column, p.code) for p in preview.problems] == [
        (2, "E", "invoice_as_number"),
        (3, "E", "invoice_as_number"),
    ]
    assert "as text" in preview.problems[0].text("en")


def test_negative_full_reversal_without_a_status_column(tmp_path: Path) -> None:
    rows = [
        ["发票号码", "开票日期", "项目名称", "规格型号", "数量", "单价", "金额"],
        ["25442000000000000041", "2025-03-01", "*机械设备*注塑机", "HX-300", 1, 230000, 230000],
        ["25442000000000000042", "2025-03-09", "*机械设备*注塑机", "HX-300", -1, 230000, -230000],
        ["25442000000000000043", "2025-03-10", "*机械设备*注塑机", "HX-320", 1, 240000, 240000],
    ]
    preview = import_file(write_workbook(tmp_path / "reversal.xlsx", rows))
    assert _lines(preview) == [("注塑机", 1, Decimal("240000.00"), date(2025, 3, 10), "25442000000000000043")]
    assert _notes(preview)["reversed"] == [2, 3]
