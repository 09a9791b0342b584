"""The document's own words in Chinese and English; bilingual shows both."""

from __future__ import annotations

from typing import Final

from desktop.domain.fields import CATALOGUE
from desktop.domain.lang import Bilingual, pick
from desktop.pdf.app_strings import APP_STRINGS


def _heading(pattern: str) -> tuple[str, str]:
    """A column heading that is the field catalogue's label of the field, word for word."""
    heading = CATALOGUE[pattern].heading
    return heading.zh, heading.en


# The equipment table's headings: the catalogue's labels where the table words the field as it does; the
# others are the table's own (a narrow column's "Qty", "Invoice no."; "Name" and "Purchase date" where the
# catalogue says "equipment name" and "购置日期（开票日期）"; the attachments' "类型", "文件名", "大小（字节）"
# where it says 附件类别, 附件名称, 附件大小（字节）).
S: Final[dict[str, tuple[str, str]]] = {
    "doc_title": ("研发仪器设备补助申报书", "Application for the R&D Equipment Subsidy"),
    "programme": ("广东省人工智能与机器人产业创新发展资金", "Guangdong AI and Robotics Industry Innovation Funds"),
    "sec1": ("一、申报单位基本信息", "1. Applicant"),
    "sec2": ("二、项目概况", "2. Project overview"),
    "sec3": ("三、设备购置清单", "3. Equipment purchase list"),
    "sec4": ("四、补助测算", "4. Subsidy calculation"),
    "sec5": ("五、合规检查结果", "5. Compliance check"),
    "sec6": ("六、承诺书", "6. Declaration"),
    "sec7": ("七、附件清单", "7. Attachments"),
    "appendix": ("附件", "Attachments"),
    "attachment": ("附件", "Attachment"),
    "cover_applicant": ("申报单位", "Applicant"),
    "cover_project": ("项目名称", "Project"),
    "cover_requested": ("申请补助金额", "Requested subsidy"),
    "cover_date": ("申报日期", "Date"),
    "cover_revision": ("草稿版本", "Draft revision"),
    "cover_pack": ("规则包", "Rule pack"),
    "cover_basis": ("政策依据", "Policy basis"),
    "cover_fingerprint": ("内容指纹", "Content fingerprint"),
    "not_given": ("（未填写）", "(not given)"),
    "none_listed": ("（无）", "(none)"),
    "city": ("所在地市", "City"),
    "period": ("实施期限", "Project period"),
    "summary": ("项目概况", "Summary"),
    "to": ("至", "to"),
    "col_no": ("序号", "No."),
    "col_name": ("设备名称", "Name"),
    "col_model": _heading("equipment[].model"),
    "col_supplier": _heading("equipment[].supplier"),
    "col_kind": _heading("equipment[].kind"),
    "col_qty": ("数量", "Qty"),
    "col_price": _heading("equipment[].unit_price"),
    "col_currency": ("币种/汇率", "Currency / rate"),
    "col_amount": ("不含税金额（元）", "Amount excl. VAT (CNY)"),
    "col_date": ("购置日期", "Purchase date"),
    "col_invoice": ("发票号", "Invoice no."),
    "col_counted": ("是否计入补助基数", "Counted in the base"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "lines_total": ("合计", "Total"),
    "counted_total": ("计入基数", "Counted"),
    "lines_unit": ("项", "lines"),
    "declared": ("申报设备金额（不含税）", "Declared equipment (excl. VAT)"),
    "eligible": ("计入补助基数", "Eligible base"),
    "excluded": ("不计入补助基数", "Not counted"),
    "rate": ("补助比例", "Subsidy rate"),
    "cap": ("补助上限", "Cap"),
    "max_subsidy": ("可申请补助上限", "Maximum subsidy"),
    "requested": ("申请补助金额", "Requested subsidy"),
    "item": ("项目", "Item"),
    "yuan": ("金额（元）", "Amount (CNY)"),
    "wan": ("金额（万元）", "Amount (10,000 CNY)"),
    "no_cap": ("不适用", "not applicable"),
    "cap_unconfirmed": (
        "省级上限尚未在本文件中确认，仅供参考。", "The provincial cap is not confirmed for this document."
    ),
    "calc_note": (
        "可申请补助金额按计入补助基数乘以补助比例计算（舍去分以下），超过补助上限的按上限计。金额均不含增值税。",
        "The maximum subsidy is the eligible base times the rate, cut to the fen, and no more than the cap. "
        "Amounts exclude VAT.",
    ),
    "no_equipment": ("未填写设备。", "No equipment lines."),
    "check_summary": (
        "检查日期 {as_of}，规则包 {pack} {version}。", "Checked as of {as_of} with rule pack {pack} {version}."
    ),
    "status_ready": ("结论：可以申报。", "Result: ready to submit."),
    "status_blocked": ("结论：不能申报，有 {n} 个错误须修改。", "Result: blocked, {n} error(s) must be fixed."),
    "counts": ("错误 {e} 项，警告 {w} 项，提示 {i} 项。", "{e} error(s), {w} warning(s), {i} note(s)."),
    "no_findings": ("未发现问题。", "No findings."),
    "col_severity": ("级别", "Severity"),
    "col_where": ("位置", "Where"),
    "col_message": ("说明", "Finding"),
    "col_clause": ("依据", "Clause and basis"),
    "error": ("错误", "Error"),
    "warning": ("警告", "Warning"),
    "info": ("提示", "Note"),
    "basis_seed": ("原文报道", "seed"),
    "basis_reprint": ("转载文本", "reprint"),
    "basis_practice": ("通行做法", "practice"),
    "and_more": ("等 {n} 项同类", "and {m} more of the same kind"),
    "line_no": ("第 {n} 行", "line {n}"),
    "lines_no": ("第 {n} 行", "lines {n}"),
    "col_att_kind": ("类型", "Kind"),
    "col_att_name": ("文件名", "File"),
    "col_att_size": ("大小（字节）", "Size (bytes)"),
    "col_att_sha": ("SHA-256", "SHA-256"),
    "no_attachments": ("未登记附件。", "No attachments are listed."),
    "decl_intro": ("本单位郑重承诺：", "We, the applicant, declare that:"),
    "decl_1": (
        "本申报书及所附材料所填内容真实、准确、完整，设备购置真实发生，金额均不含增值税；",
        "the contents of this application and its attachments are true, accurate and complete, "
        "the purchases were actually made, and all amounts exclude VAT;",
    ),
    "decl_2": (
        "本单位依法经营、依法纳税，未被列入严重失信主体名单或经营异常名录，近三年无重大违法违规行为；",
        "we operate lawfully and pay our taxes, are not on the list of seriously dishonest entities or the "
        "abnormal-operation list, and have had no serious violations in the last three years;",
    ),
    "decl_3": (
        "同一设备未重复申报其他财政资金补助，获得的补助资金将专款专用，并接受主管部门的监督检查；",
        "no item has been claimed under another public fund; any subsidy will be used for its purpose only, "
        "and we accept inspection by the competent departments;",
    ),
    "decl_4": (
        "如有虚假，本单位愿承担相应法律责任，并退回已获得的补助资金。",
        "should anything be false, we accept the legal consequences and will return any subsidy received.",
    ),
    "sign_rep": ("法定代表人（签字）：", "Legal representative (signature):"),
    "sign_seal": ("申报单位（盖章）：", "Applicant (seal):"),
    "sign_date": ("日期：", "Date (year / month / day):"),
    "header_sep": (" · ", " · "),
    "page": ("第 {x} 页 / 共 {y} 页", "Page {x} of {y}"),
    "fingerprint": ("指纹", "Fingerprint"),
    **APP_STRINGS,
}

WATERMARK: Final = "草稿 / DRAFT — 未通过合规检查"  # a draft copy that fails the checks
WATERMARK_PASSING: Final = "草稿 / DRAFT"  # a draft copy of a draft that passes


def t(key: str, lang: str, sep: str = " / ") -> str:
    """The text of `key` in `lang`; bilingual joins Chinese and English with `sep`."""
    return pick(S[key], lang, sep)


def label(key: str, lang: str, sep: str = " / ") -> str:
    """A heading of the printed forms: `key` is a path of the draft (its printed label is the field
    catalogue's, desktop/domain/form_texts.py) or a key of the document's own words."""
    entry = CATALOGUE.get(key)
    printed = None if entry is None else entry.printed
    return t(key, lang, sep) if printed is None else printed.pick(lang, sep)


def tf(key: str, lang: str, sep: str = " / ", **values: object) -> str:
    """Like `t`, with {name} fields filled in."""
    zh, en = S[key]
    return Bilingual(zh.format(**values), en.format(**values)).pick(lang, sep)


def pair(pair_: tuple[str, str], lang: str, sep: str = " / ") -> str:
    """Pick from a (zh, en) pair owned by another module."""
    return pick(pair_, lang, sep)
