"""The field catalogue: for each text or number of the draft (by path pattern), how long or how large it
may be and which characters it may not hold. The editors enforce it as the user types; the checker
reports a draft that breaks it (a file written elsewhere can) as errors with the value's path.

Limits (characters, counted as Python counts them):
- names of people and organisations: applicant 100, centre 100, supplier 100, legal representative and
  contact 50; registered address 200; phone 30; e-mail 254 (RFC 5321);
- titles: the draft's title 200, the project's 200; equipment name 200, model 100; invoice number 30
  (a fully digital invoice has 20 digits);
- the project summary 5,000 (a page or two of the printed application).
These are our choice, generous for real entries and short enough for one line of the printed form
(names, titles) or a page or two (the summary); the rule pack gives them as practice.
Numbers: a quantity from 1 to 9,999,999; a unit price up to 9,999,999,999,999.99 yuan (13 digits);
an exchange rate up to 999,999.
Characters refused in every text: NUL and the other C0 and C1 controls (a multi-line text may hold line
breaks and tabs), the zero-width and direction marks U+200B–U+200F, the embeddings and overrides
U+202A–U+202E, the isolates U+2066–U+2069 and U+FEFF (they make a name print or compare differently
from how it reads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.fieldpath import pattern_of


@dataclass(frozen=True, slots=True)
class TextLimit:
    max_length: int
    multiline: bool = False
    counted: bool = False  # the editor shows how many characters it holds ("57/200")


@dataclass(frozen=True, slots=True)
class NumberLimit:
    minimum: Decimal
    maximum: Decimal


TEXT_LIMITS: dict[str, TextLimit] = {
    "title": TextLimit(200, counted=True),
    "applicant.name": TextLimit(100),
    "applicant.address": TextLimit(200, counted=True),
    "applicant.legal_representative": TextLimit(50),
    "applicant.contact.name": TextLimit(50),
    "applicant.contact.phone": TextLimit(30),
    "applicant.contact.email": TextLimit(254),
    "applicant.center_name": TextLimit(100),
    "project.title": TextLimit(200, counted=True),
    "project.summary": TextLimit(5000, multiline=True, counted=True),
    "equipment[].name": TextLimit(200),
    "equipment[].model": TextLimit(100),
    "equipment[].supplier": TextLimit(100),
    "equipment[].invoice_number": TextLimit(30),
    "project_facts.recommender": TextLimit(100),
    "project_facts.leader.name": TextLimit(50),
    "project_facts.leader.mobile": TextLimit(30),
    "project_facts.contact.name": TextLimit(50),
    "project_facts.contact.mobile": TextLimit(30),
    "project_facts.finance_officer.name": TextLimit(50),
    "project_facts.finance_officer.mobile": TextLimit(30),
    "company_facts.bank_name": TextLimit(100),
    "company_facts.bank_account": TextLimit(40),
}

NUMBER_LIMITS: dict[str, NumberLimit] = {
    "equipment[].quantity": NumberLimit(Decimal(1), Decimal(9_999_999)),
    "equipment[].unit_price": NumberLimit(Decimal("0.01"), Decimal("9999999999999.99")),
    "equipment[].exchange_rate": NumberLimit(Decimal("0.000001"), Decimal(999_999)),
    "project.requested_subsidy": NumberLimit(Decimal("0.01"), Decimal("9999999999999.99")),
}

_HIDDEN = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_REFUSED_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_HIDDEN}]")
_REFUSED_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_HIDDEN}]")


def text_limit(path: str) -> TextLimit | None:
    return TEXT_LIMITS.get(pattern_of(path))


def number_limit(path: str) -> NumberLimit | None:
    return NUMBER_LIMITS.get(pattern_of(path))


def refused_pattern(limit: TextLimit | None) -> re.Pattern[str]:
    """The characters a field with this limit may not hold, as one pattern (search it to test a value)."""
    return _REFUSED_MULTILINE if limit is not None and limit.multiline else _REFUSED_LINE


def refused_characters(path: str, text: str) -> list[str]:
    """The characters `text` may not hold in this field, each once, as U+XXXX (in order of appearance)."""
    found: list[str] = []
    for ch in refused_pattern(text_limit(path)).findall(text):
        code = f"U+{ord(ch):04X}"
        if code not in found:
            found.append(code)
    return found


def without_refused(path: str, text: str) -> str:
    """`text` with the characters the field may not hold removed (a line break in a one-line field
    becomes a space)."""
    limit = text_limit(path)
    if limit is None or not limit.multiline:
        text = re.sub(r"[\r\n\t]+", " ", text)
    return refused_pattern(limit).sub("", text)


# ---- ledger names: the column headers under which ledgers and exports hold each line field
# Normalised (NFKC, lower case, no spaces or punctuation, no "(元)" or "(%)"), the most specific first:
# a column matched by an earlier name wins over one matched by a later. The importer reads them from here.
# Sources: the e-tax bureau's full invoice export (全量发票查询导出, sheets 发票基础信息 and 信息汇总表),
# Kingdee and UFIDA U8 fixed-asset card lists, ERP purchase-invoice lists, English registers.
# Fields beyond the line's own (invoice_code, paper_number, invoice_status, positive, amount_cny,
# asset_code, buyer, buyer_code, category) steer the import and are not stored as such.
LEDGER_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("设备名称", "名称", "品名", "设备", "资产名称", "固定资产名称", "物料名称", "货物名称",
             "货物或应税劳务名称",
             "货物或应税劳务服务名称", "项目名称", "商品名称", "项目名称设备", "仪器设备名称", "存货名称",
             "equipmentname", "assetname", "itemname", "name", "equipment", "item", "description"),
    "model": ("规格型号", "型号", "规格", "型号规格", "model", "spec", "specification", "modelspec",
              "modelspecification"),
    "supplier": ("供应商", "供应商名称", "销方名称", "销售方名称", "销售方", "供货单位", "供货商", "生产厂家", "厂商",
                 "supplier", "vendor", "seller", "suppliername", "vendorname"),
    "kind": ("类型", "设备类型", "类别", "设备类别", "kind", "type", "category"),
    "use": ("用途", "设备用途", "use", "purpose"),
    "condition": ("新旧", "新旧程度", "是否全新", "condition"),
    "quantity": ("数量", "台数", "台套数", "购置数量", "quantity", "qty"),
    "unit_price": ("不含税单价", "单价不含税", "结算单价不含税", "结算单价", "单价", "unitpriceexclvat",
                   "unitpriceexcltax", "unitprice", "price"),
    "amount": ("不含税金额", "金额不含税", "金额", "原值", "原币金额", "资产原值", "amountexclvat", "amountexcltax",
               "amount", "netamount", "originalvalue", "cost"),
    "amount_cny": ("amountcny", "amountrmb", "cnyamount", "金额人民币", "折合人民币金额", "本位币金额",
                   "人民币金额", "折人民币"),
    "tax_rate": ("税率", "增值税税率", "taxrate", "vatrate"),
    "gross_unit_price": ("含税单价", "单价含税", "unitpriceinclvat", "unitpriceincltax", "grossunitprice"),
    "gross_amount": ("价税合计", "含税金额", "金额含税", "价税合计金额", "amountinclvat", "amountincltax",
                     "grossamount", "totalinclvat"),
    "currency": ("币种", "币别", "货币", "原币币种", "currency"),
    "exchange_rate": ("汇率", "exchangerate", "fxrate"),
    "purchase_date": ("购置日期", "购置日期开票日期", "开票日期", "发票日期", "购买日期", "采购日期", "入账日期",
                      "开始使用日期", "日期", "purchasedate", "invoicedate", "date"),
    "invoice_number": ("数电发票号码", "数电票号码", "全电发票号码", "发票号码", "发票号", "发票编号",
                       "invoicenumber", "invoiceno", "invoice"),
    "invoice_code": ("发票代码", "invoicecode"),
    "invoice_status": ("发票状态", "invoicestatus"),
    "positive": ("是否正数发票",),
    "asset_code": ("资产编码", "资产编号", "卡片编号", "assetcode", "assetno", "assettag"),
    "buyer": ("购方名称", "购买方名称", "buyer", "buyername"),
    "buyer_code": ("购方识别号", "购买方纳税人识别号", "购方纳税人识别号", "buyertaxid"),
}
