"""The closed value sets of the draft format, with their labels in Chinese and English."""

from __future__ import annotations

from typing import Final

Labels = dict[str, tuple[str, str]]  # key -> (zh, en)

CENTER_LEVELS: Final[Labels] = {
    "national": ("国家级制造业创新中心", "National-level innovation centre"),
    "provincial": ("省级制造业创新中心", "Provincial-level innovation centre"),
    "none": ("非制造业创新中心", "Not an innovation centre"),
}

CATEGORIES: Final[Labels] = {
    "innovation_center": ("制造业创新中心项目", "Manufacturing innovation centre project"),
    "quality_enterprise": ("培育优质企业项目", "Nurturing high-calibre innovative firms"),
    "ai_benchmark": ("人工智能赋能新型工业化标杆项目", "AI-for-industry flagship pilot"),
    "open_source": ("开源社区和开源生态中心运营项目", "Open-source community and ecosystem hub"),
}

KINDS: Final[Labels] = {
    "hardware": ("硬件设备", "Hardware"),
    "software": ("配套软件", "Supporting software"),
}

USES: Final[Labels] = {
    "rd": ("研发", "R&D"),
    "production": ("生产", "Production"),
}

CONDITIONS: Final[Labels] = {
    "new": ("全新", "New"),
    "used": ("二手", "Used"),
}

ATTACHMENT_KINDS: Final[Labels] = {
    "business_licence": ("营业执照", "Business licence"),
    "center_approval": ("创新中心认定/批复文件", "Centre approval document"),
    "contract": ("采购合同", "Purchase contract"),
    "invoice": ("增值税发票", "VAT invoice"),
    "payment_voucher": ("付款凭证", "Payment voucher"),
    "acceptance_note": ("验收单", "Acceptance note"),
    "customs_declaration": ("报关单", "Customs declaration"),
    "audit_report": ("审计报告", "Audit report"),
    "credit_report": ("信用报告", "Credit report"),
    "legal_rep_certificate": ("法定代表人证明书", "Certificate of the legal representative"),
    "power_of_attorney": ("授权委托书", "Power of attorney"),
    "completion_note": ("完工情况说明", "Completion note"),
    "other": ("其他", "Other"),
}

PAYMENT_METHODS: Final[Labels] = {
    "bank_transfer": ("银行转账", "Bank transfer"),
    "acceptance_bill": ("承兑汇票", "Acceptance bill"),
    "letter_of_credit": ("信用证", "Letter of credit"),
    "cash": ("现金", "Cash"),
    "other": ("其他", "Other"),
}

LINE_FILE_KINDS: Final[Labels] = {
    "contract": ("采购合同", "Contract"),
    "invoice": ("发票", "Invoice"),
    "payment": ("付款凭证", "Payment proof"),
    "acceptance": ("验收单", "Acceptance note"),
    "nameplate_photo": ("铭牌照片", "Nameplate photo"),
    "customs": ("报关单", "Customs declaration"),
    "other": ("其他", "Other"),
}


def label(table: Labels, key: str | None, lang: str) -> str:
    """The label of `key` in `lang` ("zh", "en" or "bilingual"); an unknown key as written."""
    if key is None:
        return ""
    pair = table.get(key)
    if pair is None:
        return key
    if lang == "en":
        return pair[1]
    if lang == "bilingual":
        return f"{pair[0]} {pair[1]}"
    return pair[0]

# Where an application is (grant-draft/2 `status.state`; storage/app_status.py moves it).
APPLICATION_STATES: Final[Labels] = {
    "draft": ("草稿", "Draft"),
    "submitted": ("已提交", "Submitted"),
    "entered": ("已入库", "Entered in the library"),
    "approved": ("已立项", "Approved"),
    "rejected": ("未通过", "Not approved"),
}
# The moves recorded in its history: the states, and an explicit reopen (back to draft).
APPLICATION_EVENTS: Final[Labels] = {**APPLICATION_STATES, "reopened": ("重新打开", "Reopened")}
