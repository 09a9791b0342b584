"""The words the forms use for the draft's fields: each field's label, help and example as the wizard shows
them (forms/wizard.yaml lays the wizard out and takes them from here through the field catalogue), and
the label the printed application gives it. A `table`
field's columns are entries of their own (`company_facts.financials[].year`)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.lang import Bilingual


@dataclass(frozen=True, slots=True)
class FormText:
    label: Bilingual
    help: Bilingual | None = None
    placeholder: Bilingual | None = None


FORM_TEXTS: dict[str, FormText] = {
    "applicant.center_level": FormText(
        label=Bilingual("创新中心级别", "Innovation centre level"),
        help=Bilingual(
            "申报单位被认定的制造业创新中心级别。非制造业创新中心不能申报本项补助。",
            "The level at which the applicant was recognised as a manufacturing innovation centre. Other "
            "organisations cannot claim this subsidy.",
        ),
    ),
    "applicant.center_name": FormText(
        label=Bilingual("创新中心名称", "Innovation centre name"),
        help=Bilingual(
            "认定文件上的创新中心全称。",
            "The centre's full name as written in its approval document.",
        ),
        placeholder=Bilingual(
            "例如：国家智能机器人制造业创新中心",
            "e.g. National Intelligent Robotics Innovation Centre",
        ),
    ),
    "applicant.center_approved_on": FormText(
        label=Bilingual("创新中心获批日期", "Centre approval date"),
        help=Bilingual(
            "认定或批复文件的日期（年-月-日）。",
            "The date of the recognition or approval document (year-month-day).",
        ),
    ),
    "applicant.city": FormText(
        label=Bilingual("注册所在地市", "City of registration"),
        help=Bilingual(
            "营业执照上的注册地。只有在广东省注册的单位可以申报。",
            "Where the business licence says the applicant is registered. Only organisations registered in "
            "Guangdong can apply.",
        ),
    ),
    "project.category": FormText(
        label=Bilingual("项目类别", "Project category"),
        help=Bilingual(
            "研发设备补助属于\"制造业创新中心项目\"；其他三类项目另有支持方式。",
            "The equipment subsidy belongs to the innovation-centre track; the other three project types are funded "
            "differently.",
        ),
    ),
    "applicant.name": FormText(
        label=Bilingual("申报单位名称", "Registered name"),
        help=Bilingual(
            "申报单位的全称，须与营业执照完全一致。",
            "The applicant's full name, exactly as on its business licence.",
        ),
        placeholder=Bilingual("与营业执照一致", "As on the business licence"),
    ),
    "applicant.credit_code": FormText(
        label=Bilingual("统一社会信用代码", "Unified social credit code"),
        help=Bilingual(
            "营业执照上的 18 位代码。最后一位是校验码，输入时会即时核对。",
            "The 18-character code on the business licence. The last character is a check character, verified as "
            "you type.",
        ),
        placeholder=Bilingual("18 位，例如 91440101MA5CQ7RT45", "18 characters, e.g. 91440101MA5CQ7RT45"),
    ),
    "applicant.address": FormText(
        label=Bilingual("注册地址", "Registered address"),
        help=Bilingual("营业执照上的住所。", "The registered address on the business licence."),
    ),
    "applicant.legal_representative": FormText(
        label=Bilingual("法定代表人", "Legal representative"),
        help=Bilingual(
            "营业执照上的法定代表人姓名。",
            "The legal representative named on the business licence.",
        ),
    ),
    "applicant.contact.name": FormText(
        label=Bilingual("联系人", "Contact person"),
        help=Bilingual(
            "主管部门就本申报联系的人。",
            "The person the department will contact about this application.",
        ),
    ),
    "applicant.contact.phone": FormText(
        label=Bilingual("联系电话", "Contact phone"),
        help=Bilingual("固定电话或手机号码。", "A landline or mobile number."),
        placeholder=Bilingual("例如 020-8888 6612", "e.g. 020-8888 6612"),
    ),
    "applicant.contact.email": FormText(
        label=Bilingual("电子邮箱", "Contact e-mail"),
        help=Bilingual("接收通知的电子邮箱。", "The e-mail address for notices."),
    ),
    "title": FormText(
        label=Bilingual("草稿标题", "Draft title"),
        help=Bilingual(
            "只在本程序的草稿列表中显示，不写入申报书。",
            "Shown in this program's list of drafts only; not printed on the application.",
        ),
    ),
    "project.title": FormText(
        label=Bilingual("项目名称", "Project title"),
        help=Bilingual("申报书上的项目名称。", "The project title as it will appear on the application."),
    ),
    "project.summary": FormText(
        label=Bilingual("项目概况", "Project summary"),
        help=Bilingual(
            "用几句话说明项目目标、建设内容和购置设备的用途。",
            "A few sentences on the project's aims, what it builds and what the equipment is for.",
        ),
    ),
    "project.start_date": FormText(
        label=Bilingual("项目开始日期", "Start date"),
        help=Bilingual(
            "项目实施期的第一天。可写作 2025-09-01、2025/9/1、2025.9.1、2025年9月1日 或 20250901，也可点日历选择。",
            "The first day of the project period. Write 2025-09-01, 2025/9/1, 2025.9.1, 2025年9月1日 or 20250901, "
            "or pick it in the calendar.",
        ),
    ),
    "project.end_date": FormText(
        label=Bilingual("项目结束日期", "End date"),
        help=Bilingual(
            "项目实施期的最后一天，不能早于开始日期。",
            "The last day of the project period; not before the start.",
        ),
    ),
    "project.requested_subsidy": FormText(
        label=Bilingual("申请补助金额（元）", "Requested subsidy (yuan)"),
        help=Bilingual(
            "以元为单位，也可写作 ¥1,234.50、300万 或 300万元；精确到分，不能超过可申请上限（不含税购置金额的 40%，"
            "并受上限约束）。",
            "In yuan; ¥1,234.50, 300万 or 300万元 are read too. To the fen, and no more than the maximum (40 % of "
            "the eligible cost excluding tax, within the cap).",
        ),
        placeholder=Bilingual("留空 = 按可申请上限", "Empty = the maximum"),
    ),
    "project_facts.recommender": FormText(
        label=Bilingual("推荐单位/主管部门", "Recommending unit / department"),
        help=Bilingual(
            "受理并推荐本项目的地市工业和信息化主管部门。",
            "The city's industry and information-technology department that receives and recommends the project.",
        ),
        placeholder=Bilingual(
            "例如：广州市工业和信息化局",
            "e.g. Guangzhou Bureau of Industry and Information Technology",
        ),
    ),
    "project_facts.leader.name": FormText(
        label=Bilingual("项目负责人", "Project leader"),
        help=Bilingual("对项目负总责的人。", "The person responsible for the project."),
    ),
    "project_facts.leader.mobile": FormText(
        label=Bilingual("项目负责人手机", "Project leader's mobile"),
        help=Bilingual(
            "项目负责人的手机号码，印在申报书封面上。",
            "The project leader's mobile number, printed on the cover.",
        ),
        placeholder=Bilingual("11 位手机号码", "11-digit mobile number"),
    ),
    "project_facts.contact.name": FormText(
        label=Bilingual("项目联系人", "Project contact"),
        help=Bilingual(
            "主管部门就申报书联系的人（不填则用申报单位的联系人）。",
            "The person the department contacts about the application (the applicant's contact when empty).",
        ),
    ),
    "project_facts.contact.mobile": FormText(
        label=Bilingual("联系人手机", "Contact's mobile"),
        help=Bilingual(
            "联系人的手机号码，印在申报书封面上。",
            "The contact's mobile number, printed on the cover.",
        ),
        placeholder=Bilingual("11 位手机号码", "11-digit mobile number"),
    ),
    "project_facts.finance_officer.name": FormText(
        label=Bilingual("财务负责人", "Finance officer"),
        help=Bilingual("申报单位的财务负责人。", "The applicant's finance officer."),
    ),
    "project_facts.finance_officer.mobile": FormText(
        label=Bilingual("财务负责人手机", "Finance officer's mobile"),
        help=Bilingual(
            "财务负责人的手机号码，印在申报书封面上。",
            "The finance officer's mobile number, printed on the cover.",
        ),
        placeholder=Bilingual("11 位手机号码", "11-digit mobile number"),
    ),
    "project_facts.application_date": FormText(
        label=Bilingual("申报日期", "Date of application"),
        help=Bilingual(
            "印在封面上的申报日期；留空则留出空白，盖章时手写。",
            "The date printed on the cover; leave it empty to write it by hand when sealing.",
        ),
        placeholder=Bilingual("留空 = 手写", "Empty = by hand"),
    ),
    "company_facts.registered_capital": FormText(
        label=Bilingual("注册资本（元）", "Registered capital (yuan)"),
        help=Bilingual(
            "营业执照上的注册资本，以元为单位（也可写 5000万）。",
            "The registered capital on the business licence, in yuan (5000万 is read too).",
        ),
    ),
    "company_facts.founded_on": FormText(
        label=Bilingual("成立日期", "Date of establishment"),
        help=Bilingual("营业执照上的成立日期。", "The date of establishment on the business licence."),
    ),
    "company_facts.staff": FormText(
        label=Bilingual("职工总数（人）", "Employees"),
        help=Bilingual("上年末在职职工人数。", "Employees at the end of last year."),
    ),
    "company_facts.rd_staff": FormText(
        label=Bilingual("研发人员数（人）", "R&D staff"),
        help=Bilingual(
            "上年末从事研发的人员数，不超过职工总数。",
            "R&D staff at the end of last year; no more than the employees.",
        ),
    ),
    "company_facts.bank_name": FormText(
        label=Bilingual("开户银行", "Bank"),
        help=Bilingual("基本存款账户的开户银行。", "The bank of the basic deposit account."),
    ),
    "company_facts.bank_account": FormText(
        label=Bilingual("银行账号", "Account number"),
        help=Bilingual(
            "基本存款账户的账号，补助资金拨入此账户。",
            "The basic deposit account; the subsidy is paid into it.",
        ),
    ),
    "company_facts.financials": FormText(
        label=Bilingual("近三年财务情况（元）", "Last three years (yuan)"),
        help=Bilingual(
            "经审计的近三年数据，每年一行，以元为单位；申报书中以万元列出。",
            "Audited figures of the last three years, a row a year, in yuan; the application shows them in 10,000 "
            "yuan.",
        ),
    ),
    "company_facts.financials[].year": FormText(Bilingual("年度", "Year")),
    "company_facts.financials[].revenue": FormText(Bilingual("营业收入", "Revenue")),
    "company_facts.financials[].total_profit": FormText(Bilingual("利润总额", "Total profit")),
    "company_facts.financials[].rd_spending": FormText(Bilingual("研发费用", "R&D spending")),
    "company_facts.financials[].total_assets": FormText(Bilingual("资产总额", "Total assets")),
    "company_facts.financials[].total_liabilities": FormText(Bilingual("负债总额", "Total liabilities")),
    "project_facts.indicators": FormText(
        label=Bilingual("绩效目标", "Performance targets"),
        help=Bilingual(
            "产出指标（如购置设备台套数、研发投入）和效益指标（如专利、标准、对外服务），各写计量单位和目标值。",
            "Output indicators (equipment sets bought, R&D spending) and effect indicators (patents, standards, "
            "services offered), each with its unit and target.",
        ),
    ),
    "project_facts.indicators[].kind": FormText(Bilingual("指标类型", "Kind")),
    "project_facts.indicators[].name": FormText(Bilingual("指标名称", "Indicator")),
    "project_facts.indicators[].unit": FormText(Bilingual("计量单位", "Unit")),
    "project_facts.indicators[].target": FormText(Bilingual("目标值", "Target")),
}

# The printed application's words for the fields its forms print (单位基本情况表, 财务情况表, 项目概况表,
# 项目绩效目标表, 设备购置明细表: the government's templates, worded unlike the wizard).
PRINTED: dict[str, Bilingual] = {
    "applicant.name": Bilingual("单位名称", "Registered name"),
    "applicant.credit_code": Bilingual("统一社会信用代码", "Unified social credit code"),
    "applicant.city": Bilingual("所在地市", "City"),
    "applicant.address": Bilingual("注册地址", "Registered address"),
    "applicant.legal_representative": Bilingual("法定代表人", "Legal representative"),
    "company_facts.founded_on": Bilingual("成立日期", "Date of establishment"),
    "company_facts.registered_capital": Bilingual("注册资本（万元）", "Registered capital (10,000 CNY)"),
    "company_facts.staff": Bilingual("职工总数（人）", "Employees"),
    "company_facts.rd_staff": Bilingual("研发人员数（人）", "R&D staff"),
    "company_facts.bank_name": Bilingual("开户银行", "Bank"),
    "company_facts.bank_account": Bilingual("银行账号", "Account number"),
    "applicant.center_level": Bilingual("创新中心级别", "Innovation centre level"),
    "applicant.center_name": Bilingual("创新中心名称", "Innovation centre"),
    "applicant.center_approved_on": Bilingual("认定（批复）日期", "Date of approval"),
    "applicant.contact.name": Bilingual("联系人", "Contact person"),
    "applicant.contact.phone": Bilingual("联系电话", "Phone"),
    "applicant.contact.email": Bilingual("电子邮箱", "E-mail"),
    "company_facts.financials[].revenue": Bilingual("营业收入", "Operating revenue"),
    "company_facts.financials[].total_profit": Bilingual("利润总额", "Total profit"),
    "company_facts.financials[].rd_spending": Bilingual("研发费用", "R&D spending"),
    "company_facts.financials[].total_assets": Bilingual("资产总额", "Total assets"),
    "company_facts.financials[].total_liabilities": Bilingual("负债总额", "Total liabilities"),
    "project.title": Bilingual("项目名称", "Project"),
    "project.category": Bilingual("项目类别", "Category"),
    "project.requested_subsidy": Bilingual("申请补助金额（元）", "Subsidy requested (CNY)"),
    "project.summary": Bilingual("项目主要内容", "What the project does"),
    "project_facts.indicators[].kind": Bilingual("指标类型", "Kind"),
    "project_facts.indicators[].name": Bilingual("指标名称", "Indicator"),
    "project_facts.indicators[].unit": Bilingual("计量单位", "Unit"),
    "project_facts.indicators[].target": Bilingual("目标值", "Target"),
    "equipment[].name": Bilingual("设备名称", "Equipment"),
    "equipment[].model": Bilingual("规格型号", "Model"),
    "equipment[].supplier": Bilingual("供应商", "Supplier"),
    "equipment[].kind": Bilingual("类别", "Kind"),
    "equipment[].quantity": Bilingual("数量", "Qty"),
    "equipment[].unit_price": Bilingual("单价（不含税）", "Unit price (excl. VAT)"),
    "equipment[].contract.number": Bilingual("合同编号", "Contract no."),
    "equipment[].contract.date": Bilingual("合同日期", "Contract date"),
    "equipment[].invoices[].number": Bilingual("发票号码", "Invoice no."),
    "equipment[].invoices[].date": Bilingual("开票日期", "Invoice date"),
    "equipment[].payments[].date": Bilingual("付款日期", "Payment date"),
    "equipment[].imported": Bilingual("是否进口", "Imported"),
    "equipment[].acceptance_date": Bilingual("验收日期", "Acceptance date"),
    "equipment[].asset_tag": Bilingual("资产编号", "Asset no."),
}
