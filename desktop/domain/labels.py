"""People's names for the draft's values, by path pattern (line indexes written as [])."""

from __future__ import annotations

from desktop.domain.fieldpath import pattern_of

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
    # the facts of the application's parts (grant-draft/2)
    "company_facts.registered_capital": ("注册资本", "registered capital"),
    "company_facts.founded_on": ("成立日期", "date of establishment"),
    "company_facts.staff": ("职工总数", "number of employees"),
    "company_facts.rd_staff": ("研发人员数", "number of R&D staff"),
    "company_facts.bank_name": ("开户银行", "bank"),
    "company_facts.bank_account": ("银行账号", "bank account"),
    "company_facts.financials": ("近三年财务情况", "financial figures of the last three years"),
    "company_facts.financials[].year": ("年度", "year"),
    "company_facts.financials[].revenue": ("营业收入", "operating revenue"),
    "company_facts.financials[].total_profit": ("利润总额", "total profit"),
    "company_facts.financials[].rd_spending": ("研发费用", "R&D spending"),
    "company_facts.financials[].total_assets": ("资产总额", "total assets"),
    "company_facts.financials[].total_liabilities": ("负债总额", "total liabilities"),
    "project_facts.recommender": ("推荐单位/主管部门", "recommending unit / competent department"),
    "project_facts.leader.name": ("项目负责人", "project leader"),
    "project_facts.leader.mobile": ("项目负责人手机", "project leader's mobile"),
    "project_facts.contact.name": ("项目联系人", "project contact"),
    "project_facts.contact.mobile": ("项目联系人手机", "project contact's mobile"),
    "project_facts.finance_officer.name": ("财务负责人", "finance officer"),
    "project_facts.finance_officer.mobile": ("财务负责人手机", "finance officer's mobile"),
    "project_facts.application_date": ("申报日期", "date of application"),
    "project_facts.indicators": ("绩效目标", "performance indicators"),
    "project_facts.indicators[].kind": ("指标类型", "indicator kind"),
    "project_facts.indicators[].name": ("指标名称", "indicator"),
    "project_facts.indicators[].unit": ("计量单位", "unit"),
    "project_facts.indicators[].target": ("目标值", "target value"),
}

def field_label(path: str, lang: str) -> str:
    pair = FIELD_LABELS.get(pattern_of(path))
    if pair is None:
        return path
    return pair[1] if lang == "en" else pair[0]
