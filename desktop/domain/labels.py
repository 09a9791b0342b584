"""People's names for the draft's values, by path pattern (line indexes written as [])."""

from __future__ import annotations

import re

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "title": ("草稿标题", "draft title"),
    "applicant.name": ("申报单位名称", "applicant name"),
    "applicant.credit_code": ("统一社会信用代码", "unified social credit code"),
    "applicant.city": ("所在地市", "city"),
    "applicant.address": ("注册地址", "registered address"),
    "applicant.legal_representative": ("法定代表人", "legal representative"),
    "applicant.contact.name": ("联系人", "contact person"),
    "applicant.contact.phone": ("联系电话", "contact phone"),
    "applicant.contact.email": ("电子邮箱", "contact e-mail"),
    "applicant.center_level": ("创新中心级别", "innovation centre level"),
    "applicant.center_name": ("创新中心名称", "innovation centre name"),
    "applicant.center_approved_on": ("创新中心获批日期", "centre approval date"),
    "project.title": ("项目名称", "project title"),
    "project.category": ("项目类别", "project category"),
    "project.summary": ("项目概况", "project summary"),
    "project.start_date": ("项目开始日期", "project start date"),
    "project.end_date": ("项目结束日期", "project end date"),
    "project.requested_subsidy": ("申请补助金额", "requested subsidy"),
    "equipment": ("设备购置清单", "equipment list"),
    "equipment[].name": ("设备名称", "equipment name"),
    "equipment[].model": ("型号", "model"),
    "equipment[].supplier": ("供应商", "supplier"),
    "equipment[].kind": ("类型", "kind"),
    "equipment[].use": ("用途", "use"),
    "equipment[].condition": ("新旧", "condition"),
    "equipment[].quantity": ("数量", "quantity"),
    "equipment[].unit_price": ("不含税单价", "unit price excl. VAT"),
    "equipment[].currency": ("币种", "currency"),
    "equipment[].exchange_rate": ("汇率", "exchange rate"),
    "equipment[].purchase_date": ("购置日期（开票日期）", "purchase (invoice) date"),
    "equipment[].invoice_number": ("发票号码", "invoice number"),
    "attachments": ("附件", "attachments"),
}

_INDEX = re.compile(r"\[\d+\]")


def pattern_of(path: str) -> str:
    """`equipment[12].name` -> `equipment[].name`."""
    return _INDEX.sub("[]", path)


def field_label(path: str, lang: str) -> str:
    pair = FIELD_LABELS.get(pattern_of(path))
    if pair is None:
        return path
    return pair[1] if lang == "en" else pair[0]
