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
from dataclasses import dataclass, replace
from decimal import Decimal

from desktop.domain.fieldpath import ANY, line_text, pattern_of
from desktop.domain.form_texts import FORM_TEXTS, PRINTED, FormText
from desktop.domain.lang import Bilingual


@dataclass(frozen=True, slots=True)
class TextLimit:
    max_length: int
    multiline: bool = False
    counted: bool = False  # the editor shows how many characters it holds ("57/200")


@dataclass(frozen=True, slots=True)
class NumberLimit:
    minimum: Decimal
    maximum: Decimal


@dataclass(frozen=True, slots=True)
class Field:
    """One value of the draft, by path pattern: what people call it, what it holds, how long or large it
    may be, how the wizard shows it. `named`: messages name it by its label (False: by its path, as they
    always have for the attachments, the company and status records and the records that hold other
    fields)."""

    label: Bilingual
    kind: str  # the draft format's kind of value (desktop/domain/exchange.py): text, date, money, enum, list, …
    text: TextLimit | None = None
    number: NumberLimit | None = None
    named: bool = True
    form: FormText | None = None  # how the wizard shows it (desktop/domain/form_texts.py), if it does
    printed: Bilingual | None = None  # its label on the printed application's forms, if they print it

    @property
    def heading(self) -> Bilingual:
        """The label as a column heading or a dialog writes it: the English capitalised ("Unit price excl. VAT")."""
        return Bilingual(self.label.zh, self.label.en[:1].upper() + self.label.en[1:])


def _field(zh: str, en: str, kind: str, *, text: TextLimit | None = None, number: NumberLimit | None = None,
           named: bool = True) -> Field:
    return Field(Bilingual(zh, en), kind, text, number, named)


# Every value of the draft format (tests/unit/test_field_catalogue.py checks that each has an entry with both
# labels and the format's kind). The checker reports too-long texts in this order.
_ENTRIES: dict[str, Field] = {
    "program": _field("资金项目", "programme", "program", named=False),
    "notice": _field("申报通知", "notice", "notice", named=False),
    "title": _field("草稿标题", "draft title", "text", text=TextLimit(200, counted=True)),
    "applicant": _field("申报单位", "applicant", "object", named=False),
    "applicant.name": _field("申报单位名称", "applicant name", "text", text=TextLimit(100)),
    "applicant.credit_code": _field("统一社会信用代码", "unified social credit code", "text"),
    "applicant.city": _field("所在地市", "city", "city"),
    "applicant.address": _field("注册地址", "registered address", "text", text=TextLimit(200, counted=True)),
    "applicant.legal_representative": _field("法定代表人", "legal representative", "text", text=TextLimit(50)),
    "applicant.contact": _field("联系人信息", "contact", "object", named=False),
    "applicant.contact.name": _field("联系人", "contact person", "text", text=TextLimit(50)),
    "applicant.contact.phone": _field("联系电话", "contact phone", "text", text=TextLimit(30)),
    "applicant.contact.email": _field("电子邮箱", "contact e-mail", "text", text=TextLimit(254)),
    "applicant.center_level": _field("创新中心级别", "innovation centre level", "enum"),
    "applicant.center_name": _field("创新中心名称", "innovation centre name", "text", text=TextLimit(100)),
    "applicant.center_approved_on": _field("创新中心获批日期", "centre approval date", "date"),
    "project": _field("项目", "project", "object", named=False),
    "project.title": _field("项目名称", "project title", "text", text=TextLimit(200, counted=True)),
    "project.category": _field("项目类别", "project category", "enum"),
    "project.summary": _field("项目概况", "project summary", "text",
                              text=TextLimit(5000, multiline=True, counted=True)),
    "project.start_date": _field("项目开始日期", "project start date", "date"),
    "project.end_date": _field("项目结束日期", "project end date", "date"),
    "project.requested_subsidy": _field("申请补助金额", "requested subsidy", "money",
                                       number=NumberLimit(Decimal("0.01"), Decimal("9999999999999.99"))),
    "equipment": _field("设备购置清单", "equipment list", "list"),
    "equipment[].name": _field("设备名称", "equipment name", "text", text=TextLimit(200)),
    "equipment[].model": _field("型号", "model", "text", text=TextLimit(100)),
    "equipment[].supplier": _field("供应商", "supplier", "text", text=TextLimit(100)),
    "equipment[].kind": _field("类型", "kind", "enum"),
    "equipment[].use": _field("用途", "use", "enum"),
    "equipment[].condition": _field("新旧", "condition", "enum"),
    "equipment[].quantity": _field("数量", "quantity", "int", number=NumberLimit(Decimal("1"), Decimal("9999999"))),
    "equipment[].unit_price": _field("不含税单价", "unit price excl. VAT", "money",
                                    number=NumberLimit(Decimal("0.01"), Decimal("9999999999999.99"))),
    "equipment[].currency": _field("币种", "currency", "currency"),
    "equipment[].exchange_rate": _field("汇率", "exchange rate", "decimal",
                                       number=NumberLimit(Decimal("0.000001"), Decimal("999999"))),
    "equipment[].purchase_date": _field("购置日期（开票日期）", "purchase (invoice) date", "date"),
    "equipment[].invoice_number": _field("发票号码", "invoice number", "text", text=TextLimit(30)),
    "equipment[].contract": _field("合同", "contract", "object"),
    "equipment[].contract.number": _field("合同编号", "contract number", "text"),
    "equipment[].contract.date": _field("合同签订日期", "contract date", "date"),
    "equipment[].invoices": _field("发票", "invoices", "list"),
    "equipment[].invoices[].number": _field("发票号码", "invoice number", "text"),
    "equipment[].invoices[].date": _field("开票日期", "invoice date", "date"),
    "equipment[].invoices[].amount": _field("发票金额（不含税）", "invoice amount excl. VAT", "money"),
    "equipment[].payments": _field("付款", "payments", "list"),
    "equipment[].payments[].date": _field("付款日期", "payment date", "date"),
    "equipment[].payments[].amount": _field("付款金额", "payment amount", "money"),
    "equipment[].payments[].method": _field("付款方式", "payment method", "enum"),
    "equipment[].acceptance_date": _field("验收日期", "acceptance date", "date"),
    "equipment[].asset_tag": _field("资产编号", "asset number", "text"),
    "equipment[].location": _field("存放地点", "location", "text"),
    "equipment[].imported": _field("是否进口", "imported", "bool"),
    "equipment[].customs_declaration": _field("报关单号", "customs declaration number", "text"),
    "equipment[].files": _field("附件", "files", "list"),
    "equipment[].files[].kind": _field("文件类别", "file kind", "enum"),
    "equipment[].files[].sha256": _field("文件摘要", "file digest", "sha256"),
    "equipment[].files[].name": _field("文件名", "file name", "text"),
    "equipment[].files[].size": _field("文件大小（字节）", "file size (bytes)", "int"),
    "attachments": _field("附件", "attachments", "list"),
    "attachments[].kind": _field("附件类别", "attachment kind", "enum", named=False),
    "attachments[].name": _field("附件名称", "attachment name", "text", named=False),
    "attachments[].sha256": _field("附件摘要", "attachment digest", "sha256", named=False),
    "attachments[].size": _field("附件大小（字节）", "attachment size (bytes)", "int", named=False),
    "attachments[].path": _field("附件路径", "attachment path", "text", named=False),
    "attachments[].lines": _field("附件对应的设备行", "equipment lines of the attachment", "int_list", named=False),
    "project_facts": _field("项目情况", "project facts", "object", named=False),
    "project_facts.recommender": _field("推荐单位/主管部门", "recommending unit / competent department", "text",
                                       text=TextLimit(100)),
    "project_facts.leader": _field("项目负责人信息", "project leader", "object", named=False),
    "project_facts.leader.name": _field("项目负责人", "project leader", "text", text=TextLimit(50)),
    "project_facts.leader.mobile": _field("项目负责人手机", "project leader's mobile", "text", text=TextLimit(30)),
    "project_facts.contact": _field("项目联系人信息", "project contact", "object", named=False),
    "project_facts.contact.name": _field("项目联系人", "project contact", "text", text=TextLimit(50)),
    "project_facts.contact.mobile": _field("项目联系人手机", "project contact's mobile", "text", text=TextLimit(30)),
    "project_facts.finance_officer": _field("财务负责人信息", "finance officer", "object", named=False),
    "project_facts.finance_officer.name": _field("财务负责人", "finance officer", "text", text=TextLimit(50)),
    "project_facts.finance_officer.mobile": _field("财务负责人手机", "finance officer's mobile", "text",
                                                   text=TextLimit(30)),
    "project_facts.application_date": _field("申报日期", "date of application", "date"),
    "project_facts.indicators": _field("绩效目标", "performance indicators", "list"),
    "project_facts.indicators[].kind": _field("指标类型", "indicator kind", "enum"),
    "project_facts.indicators[].name": _field("指标名称", "indicator", "text"),
    "project_facts.indicators[].unit": _field("计量单位", "unit", "text"),
    "project_facts.indicators[].target": _field("目标值", "target value", "decimal"),
    "company_facts": _field("单位情况", "company facts", "object", named=False),
    "company_facts.registered_capital": _field("注册资本", "registered capital", "money"),
    "company_facts.founded_on": _field("成立日期", "date of establishment", "date"),
    "company_facts.staff": _field("职工总数", "number of employees", "int"),
    "company_facts.rd_staff": _field("研发人员数", "number of R&D staff", "int"),
    "company_facts.bank_name": _field("开户银行", "bank", "text", text=TextLimit(100)),
    "company_facts.bank_account": _field("银行账号", "bank account", "text", text=TextLimit(40)),
    "company_facts.financials": _field("近三年财务情况", "financial figures of the last three years", "list"),
    "company_facts.financials[].year": _field("年度", "year", "int"),
    "company_facts.financials[].revenue": _field("营业收入", "operating revenue", "money"),
    "company_facts.financials[].total_profit": _field("利润总额", "total profit", "money"),
    "company_facts.financials[].rd_spending": _field("研发费用", "R&D spending", "money"),
    "company_facts.financials[].total_assets": _field("资产总额", "total assets", "money"),
    "company_facts.financials[].total_liabilities": _field("负债总额", "total liabilities", "money"),
    "company": _field("所属企业", "company record", "object", named=False),
    "company.credit_code": _field("企业统一社会信用代码", "company's credit code", "text", named=False),
    "company.name": _field("企业名称", "company name", "text", named=False),
    "status": _field("申报状态", "application status", "object", named=False),
    "status.state": _field("状态", "state", "enum", named=False),
    "status.on_date": _field("状态日期", "date of the state", "date", named=False),
    "status.granted": _field("获批金额", "amount granted", "money", named=False),
    "status.note": _field("备注", "note", "text", named=False),
    "status.history": _field("状态记录", "status history", "list", named=False),
    "status.history[].state": _field("状态", "state", "enum", named=False),
    "status.history[].on_date": _field("日期", "date", "date", named=False),
    "status.history[].granted": _field("获批金额", "amount granted", "money", named=False),
    "status.history[].note": _field("备注", "note", "text", named=False),
}
CATALOGUE: dict[str, Field] = {  # with the words of the forms (desktop/domain/form_texts.py)
    path: replace(entry, form=FORM_TEXTS.get(path), printed=PRINTED.get(path)) for path, entry in _ENTRIES.items()
}

# the fields of a line that are its evidence (the line's own dialog edits them; grant-draft/2)
EVIDENCE_FIELDS = frozenset({"contract", "invoices", "payments", "acceptance_date", "asset_tag", "location",
                             "imported", "customs_declaration", "files"})

TEXT_LIMITS: dict[str, TextLimit] = {p: f.text for p, f in CATALOGUE.items() if f.text is not None}
NUMBER_LIMITS: dict[str, NumberLimit] = {p: f.number for p, f in CATALOGUE.items() if f.number is not None}
# what messages call each field (zh, en): the fields they name by label
FIELD_LABELS: dict[str, tuple[str, str]] = {
    p: (f.label.zh, f.label.en) for p, f in CATALOGUE.items() if f.named
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


# ---- what the importer calls a ledger's column: the line field's label from the catalogue, else its own
# (a column that is not a field of the line, or one the ledgers call by another name)
COLUMN_LABELS: dict[str, Bilingual] = {
    "model": Bilingual("规格型号", "model"),
    "amount": Bilingual("不含税金额", "amount excl. VAT"),
    "tax_rate": Bilingual("税率", "tax rate"),
    "gross_unit_price": Bilingual("含税单价", "unit price incl. VAT"),
    "gross_amount": Bilingual("价税合计", "total incl. VAT"),
    "purchase_date": Bilingual("购置日期", "purchase date"),
    "amount_cny": Bilingual("人民币金额", "amount in CNY"),
    "invoice_code": Bilingual("发票代码", "invoice code"),
    "paper_number": Bilingual("发票号码（纸票）", "paper invoice number"),
    "invoice_status": Bilingual("发票状态", "invoice status"),
    "positive": Bilingual("是否正数发票", "positive invoice"),
    "asset_code": Bilingual("资产编码", "asset code"),
    "buyer": Bilingual("购买方名称", "buyer"),
    "buyer_code": Bilingual("购买方识别号", "buyer's tax id"),
}


def column_label(name: str) -> Bilingual | None:
    """The importer's name for the column of `name` (a line field or a ledger column); None if unknown."""
    label = COLUMN_LABELS.get(name)
    if label is None and (entry := CATALOGUE.get(line_text(ANY, name))) is not None:
        label = entry.label
    return label
