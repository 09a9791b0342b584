"""What the importer says, in Chinese and English: what a cell should have held, and notes."""

from __future__ import annotations

from collections.abc import Mapping

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
        "以文本保存的发票号码：此单元格是超过 15 位的数字，Excel 已丢失末尾几位",
        "the invoice number stored as text: the cell is a number of more than 15 digits and Excel has "
        "lost its last digits",
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
    "remembered": ("使用了为此表头保存的列对应关系", "used the column mapping saved for this header layout"),
    "unmapped": ("未导入的列：{columns}", "columns not imported: {columns}"),
}

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "name": ("设备名称", "equipment name"),
    "model": ("规格型号", "model"),
    "supplier": ("供应商", "supplier"),
    "kind": ("类型", "kind"),
    "use": ("用途", "use"),
    "condition": ("新旧", "condition"),
    "quantity": ("数量", "quantity"),
    "unit_price": ("不含税单价", "unit price excl. VAT"),
    "amount": ("不含税金额", "amount excl. VAT"),
    "tax_rate": ("税率", "tax rate"),
    "gross_unit_price": ("含税单价", "unit price incl. VAT"),
    "gross_amount": ("价税合计", "total incl. VAT"),
    "currency": ("币种", "currency"),
    "exchange_rate": ("汇率", "exchange rate"),
    "purchase_date": ("购置日期", "purchase date"),
    "invoice_number": ("发票号码", "invoice number"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def field_name(field: str, lang: str) -> str:
    pair = FIELD_NAMES.get(field)
    return field if pair is None else _pick(pair, lang)


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
    return "(empty)" if lang == "en" else "（空）"
