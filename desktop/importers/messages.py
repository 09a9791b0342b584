"""What the importer says, in Chinese and English: what a cell should have held, and notes."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.fields import column_label
from desktop.domain.lang import Lang, choose

# code -> (zh, en); `{name}` fields are filled from the problem's or note's arguments.
EXPECTED: dict[str, tuple[str, str]] = {
    "money": ("金额，如 1234.50、¥1,234.50 或 12.5万", "an amount such as 1234.50, ¥1,234.50 or 12.5万"),
    "positive": ("大于零的金额", "an amount above zero"),
    "decimals": ("最多两位小数的金额（精确到分）", "an amount with at most two decimals (to the fen)"),
    "quantity": ("整数数量，如 2 或 2台", "a whole number such as 2 or 2台"),
    "quantity_positive": ("至少为 1 的数量", "a quantity of at least 1"),
    "date": (
        "日期，如 2025-10-15、2025/10/15、2025年10月15日 或 2025.10.15",
        "a date such as 2025-10-15, 2025/10/15, 2025年10月15日 or 2025.10.15",
    ),
    "calendar": ("真实存在的日期", "a real calendar date"),
    "date_range": ("1990 年至 2100 年之间的日期", "a date between 1990 and 2100"),
    "tax_rate": ("税率，如 13%、0.13 或 13", "a tax rate such as 13%, 0.13 or 13"),
    "currency": ("币种，如 CNY、人民币、USD 或 美元", "a currency such as CNY, 人民币, USD or 美元"),
    "rate": ("大于零的汇率（1 单位外币折合人民币）", "an exchange rate above zero (CNY per unit)"),
    "kind": ("类型：硬件（设备）或 软件", "a kind: hardware (硬件, 设备) or software (软件)"),
    "use": ("用途：研发 或 生产", "a use: R&D (研发) or production (生产)"),
    "condition": ("新旧：全新 或 二手", "a condition: new (全新) or used (二手)"),
    "text": ("文字", "text"),
    "invoice_as_number": (
        "以文本保存的发票号码：此单元格是超过 15 位的数字（或显示为 2.5112E+19），Excel 已丢失末尾几位；"
        "请从开票或财务系统重新导出，并把发票号码列设为文本",
        "the invoice number stored as text: the cell is a number of more than 15 digits (or shows as "
        "2.5112E+19) and Excel has lost its last digits; export the ledger again from the invoicing or "
        "accounting system with the invoice number column as text",
    ),
    "date_order": (
        "可判断先后的日期：本列的日期都既可读作日/月也可读作月/日；请用 --date-order dmy 或 mdy 指明",
        "a date whose order is known: every date in this column reads both day-first and month-first; "
        "say which with --date-order dmy or mdy",
    ),
    "formula_no_value": (
        "公式的计算结果：文件没有保存公式结果，请在 Excel 或 WPS 中打开、保存后再导入",
        "the formula's result, but the file holds no saved result: open it in Excel or WPS, save it "
        "and import again",
    ),
    "excel_error": ("数值；该单元格是 Excel 错误值", "a value; the cell holds an Excel error"),
    "required": ("{label}（必填）", "the {label} (required)"),
    "not_exact": (
        "能精确到分的单价：{amount} ÷ {quantity} = {result}…，除不尽到分；请填写单价",
        "an amount that divides to the fen: {amount} ÷ {quantity} = {result}…, which does not come out "
        "to the fen; give the unit price",
    ),
    "mismatch": ("数量 × 单价 = {expected}", "quantity × unit price = {expected}"),
    "no_price": (
        "单价；或金额与数量；或含税价与税率",
        "a unit price, or an amount and a quantity, or a tax-inclusive price and a tax rate",
    ),
    "no_column": ("一列{label}", "a column for the {label}"),
}

NOTES: dict[str, tuple[str, str]] = {
    "derived_unit_from_amount": ("不含税单价由 金额 ÷ 数量 得出", "unit price derived from amount ÷ quantity"),
    "derived_unit_from_gross": (
        "不含税单价由 含税单价 ÷ (1 + 税率) 得出，四舍五入到分",
        "unit price excl. VAT derived from the tax-inclusive unit price ÷ (1 + tax rate), rounded to the fen",
    ),
    "derived_amount_from_gross": (
        "不含税金额由 价税合计 ÷ (1 + 税率) 得出，四舍五入到分",
        "amount excl. VAT derived from the tax-inclusive total ÷ (1 + tax rate), rounded to the fen",
    ),
    "hidden": ("隐藏行，未导入", "hidden rows, not imported"),
    "totals": ("合计行，未导入", "totals rows, not imported"),
    "repeated_header": ("重复的表头行，已跳过", "repeated header rows, skipped"),
    "merged": ("合并单元格 {ref} 的值用于其覆盖的每一行", "merged cells {ref}: the value applies to each row"),
    "wan": ("{column} 列以万元为单位，已换算为元", "column {column} is in 万元 (10,000 yuan); converted to yuan"),
    "sheet_chosen": ("读取工作表「{sheet}」：它是设备清单（{others_zh}）", 'read sheet "{sheet}": it is the one that '
                     "holds equipment lines ({others})"),
    "header_two_rows": ("表头占两行（第 {rows} 行，合并单元格），两行合读", "the header spreads over two rows ({rows}, "
                        "merged cells); read together"),
    "wan_table": ("第 {row} 行写明「{text}」：金额各列按万元换算为元", 'row {row} says "{text}": the money columns '
                  "are in 万元 (10,000 yuan); converted to yuan"),
    "notes_row": ("注释行，已跳过", "notes rows, skipped"),
    "column_numbers": ("栏次编号行，已跳过", "column-number rows, skipped"),
    "hidden_columns_ignored": ("隐藏的列未使用：{columns}", "hidden columns not used: {columns}"),
    "hidden_columns_used": ("可见的列不够，使用了隐藏的列：{columns}", "nothing visible fits, so hidden columns were "
                            "used: {columns}"),
    "price_from_amount": ("{column} 列单价有多位小数：以金额为准，单价 = 金额 ÷ 数量，四舍五入到分",
                          "column {column} holds prices with many decimals: the amount is taken as given and the "
                          "unit price is amount ÷ quantity, rounded to the fen"),
    "category_removed": ("名称前的税收分类（如 *机械设备*）已去掉", "the tax category before the names (such as "
                         "*机械设备*) removed"),
    "discount": ("折扣行（负数金额）已并入其上一行的设备，单价按折后金额 ÷ 数量重算", "discount rows (a negative "
                 "amount) netted into the line above them; its unit price recomputed from the net amount"),
    "void": ("已红冲或已作废的发票，未导入", "red-flushed or void invoices, left out"),
    "red_invoice": ("红字（负数）发票，未导入", "red (negative) invoices, left out"),
    "reversed": ("被红字发票全额冲销的行，连同冲销行一起未导入", "rows fully reversed by a red invoice, left out "
                 "with the reversing rows"),
    "services": ("看来不是设备（服务、运费、安装等），建议不导入；"
                 "如需导入请选择「也导入服务类行」（--include-services）",
                 "these do not look like equipment (services, freight, installation): proposed as excluded; to "
                 "import them, choose to include them (--include-services)"),
    "services_included": ("看来不是设备（服务、运费、安装等），按您的选择仍已导入",
                          "these do not look like equipment (services, freight, installation); imported as you chose"),
    "one_per_card": ("没有数量列：每张资产卡片记为 1 台", "no quantity column: each asset card counts as one unit"),
    "cards_grouped": ("同名称、型号、发票、单价的卡片已合并为一条（{n} 条）", "cards of the same name, model, "
                      "invoice and price grouped into one line each ({n} lines)"),
    "cards_groupable": ("有 {n} 组卡片名称、型号、发票、单价相同，可合并为一条（--group-cards）",
                        "{n} groups of cards share name, model, invoice and price and could be one line each "
                        "(--group-cards)"),
    "rate_derived": ("汇率由 人民币金额 ÷ 原币金额 得出：{rates}", "exchange rate derived from the CNY amount ÷ the "
                     "amount in the currency: {rates}"),
    "paper_invoice": ("没有数电发票号码的行：发票号码取 发票代码 + 发票号码", "rows without a 数电 invoice number: "
                      "the invoice number is 发票代码 + 发票号码"),
    "date_order": ("{column} 列的日期按{order}读取", "dates in column {column} read {order}"),
    "duplicate_invoice": ("同一张发票出现了不止一次：{numbers}", "the same invoice appears more than once: {numbers}"),
    "invoice_files": ("读取了 {n} 张发票；每条设备附上其发票文件作为发票证明", "read {n} invoices; each line has "
                      "its invoice file as its invoice evidence"),
    "buyer_mismatch": ("购买方不是申请单位（{applicant}）：{files}", "the buyer is not the applicant ({applicant}): "
                       "{files}"),
    "remembered": ("使用了为此表头保存的列对应关系", "used the column mapping saved for this header layout"),
    "unmapped": ("未导入的列：{columns}", "columns not imported: {columns}"),
}

def _pick(pair: tuple[str, str], lang: str) -> str:
    return choose(lang, pair[0], pair[1])


def field_name(field: str, lang: str) -> str:
    """What the importer calls a column of `field` (the field catalogue's name for it)."""
    label = column_label(field)
    return field if label is None else label.one(lang)


def render(table: Mapping[str, tuple[str, str]], code: str, args: Mapping[str, str], lang: str) -> str:
    pair = table.get(code)
    if pair is None:
        return code
    values = dict(args)
    if "field" in values:
        values["label"] = field_name(values["field"], lang)
    try:
        return _pick(pair, lang).format(**values)
    except (KeyError, IndexError):
        return _pick(pair, lang)


def empty_word(lang: str) -> str:
    return "(empty)" if Lang.parse(lang).english else "（空）"
