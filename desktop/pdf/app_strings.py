"""The words of the application's own parts (申报书) and of the self-check report (自查报告), in
Chinese and English. Chinese text uses full-width punctuation and “” quotes."""

from __future__ import annotations

from typing import Final

APP_STRINGS: Final[dict[str, tuple[str, str]]] = {
    # the outline's name of the cover
    "part_cover": ("封面", "Cover"),
    # cover
    "app_title": ("项目申报书", "Project Application"),
    "cover_project_name": ("项目名称", "Project"),
    "cover_applicant_seal": ("申报单位（盖章）", "Applicant (seal)"),
    "cover_recommender": ("推荐单位/主管部门", "Recommending unit / competent department"),
    "cover_leader": ("项目负责人及手机", "Project leader, mobile"),
    "cover_contact": ("联系人及手机", "Contact person, mobile"),
    "cover_finance": ("财务负责人及手机", "Finance officer, mobile"),
    "cover_app_date": ("申报日期", "Date of application"),
    "cover_reference": ("申报依据", "Under"),
    "blank_date": ("　　　　年　　月　　日", "____ / __ / __"),
    # commitment
    "part_commitment": ("项目申报承诺书", "Declaration of the applicant"),
    "commit_to": (
        "广东省工业和信息化厅：", "To the Department of Industry and Information Technology of Guangdong Province:"
    ),
    "commit_intro": (
        "本单位自愿申报“{project}”项目，现郑重承诺如下：",
        "We apply of our own will for the project “{project}” and declare that:",
    ),
    "commit_1": (
        "所提交的申报材料及附件均真实、准确、完整，不存在弄虚作假、虚报冒领等行为；",
        "all materials and attachments submitted are true, accurate and complete, with nothing falsified or inflated;",
    ),
    "commit_2": (
        "本项目所列设备未以同一设备重复申报或获得其他各级财政资金支持；",
        "no equipment listed here has been claimed, or funded, under another public fund at any level;",
    ),
    "commit_3": (
        "本单位将积极配合有关部门开展的审计、监督检查和绩效评价工作，按要求如实提供有关资料；",
        "we will cooperate with the audits, inspections and performance evaluations of the departments "
        "concerned and provide the documents they ask for;",
    ),
    "commit_4": (
        "本单位近三年信用状况良好，未被列入严重失信主体名单，无重大违法违规行为；",
        "our credit standing over the last three years is good: we are not on the list of seriously dishonest "
        "entities and have had no serious violations;",
    ),
    "commit_5": (
        "如违反上述承诺，本单位愿承担相应的法律责任，并退回已获得的财政资金。",
        "should we break this declaration, we accept the legal consequences and will return any funds received.",
    ),
    "commit_rep": ("法定代表人（签字）：", "Legal representative (signature):"),
    "commit_agent": ("经办人（签字）：", "Person handling (signature):"),
    "commit_seal": ("申报单位（盖章）：", "Applicant (seal):"),
    "commit_date": ("日期：", "Date:"),
    # company
    "part_company": ("单位基本情况表", "Basic information of the applicant"),
    # financials
    "part_financials": ("财务情况表", "Financial situation"),
    "fin_unit": ("金额单位：万元", "Amounts in 10,000 CNY"),
    "fin_item": ("指标", "Item"),
    "fin_year": ("{year}年", "{year}"),
    "fin_ratio": ("资产负债率（%）", "Debt-to-asset ratio (%)"),
    # project
    "part_project": ("项目概况表", "Project overview"),
    "pj_period": ("实施期限", "Project period"),
    "pj_equipment": ("设备购置额（不含税，元）", "Equipment bought (excl. VAT, CNY)"),
    "pj_lines": ("购置设备（台套）", "Equipment (sets)"),
    # indicators
    "part_indicators": ("项目绩效目标表", "Performance targets"),
    # equipment
    "part_equipment": ("设备购置明细表", "Equipment purchase list"),
    "eq_no": ("序号", "No."),
    "eq_currency": ("币种/汇率", "Currency / rate"),
    "eq_amount": ("金额（元，不含税）", "Amount (CNY, excl. VAT)"),
    "eq_total": ("合计", "Total"),
    "eq_none": ("本项目无计入补助的设备。", "No equipment is counted for the subsidy."),
    # funding
    "part_funding": ("资金测算表", "Calculation of the subsidy"),
    "fund_item": ("测算项目", "Item"),
    "fund_amount": ("金额（元）", "Amount (CNY)"),
    "fund_base": ("一、设备购置额（不含税）", "1. Equipment bought (excl. VAT)"),
    "fund_rate": ("二、补助比例", "2. Subsidy rate"),
    "fund_by_rate": ("三、按比例测算金额（一 × 二，元以下保留两位小数、舍去分以下）",
                     "3. Amount at the rate (1 × 2, cut to the fen)"),
    "fund_cap": ("四、补助上限", "4. Upper limit"),
    "fund_max": ("五、可申请补助金额（三与四中较低者）", "5. Subsidy that can be requested (the lower of 3 and 4)"),
    "fund_requested": ("六、本次申请补助金额", "6. Subsidy requested"),
    "fund_no_cap": ("无上限规定", "no limit set"),
    # attachments
    "part_attachments": ("附件目录", "List of attachments"),
    "att_no": ("附件", "No."),
    "att_name": ("材料名称", "Document"),
    "att_pages": ("页码", "Pages"),
    "att_apart": ("另附", "separate"),
    "att_label": ("附件{n}", "Attachment {n}"),
    "att_pages_range": ("第{a}—{b}页", "pp. {a}–{b}"),
    "att_page_one": ("第{a}页", "p. {a}"),
    "att_none": ("（无附件）", "(no attachments)"),
    # the draft stamp
    "stamp_draft": ("草稿 / DRAFT", "草稿 / DRAFT"),
    # the self-check report
    "rep_title": ("申报材料自查报告", "Self-check report"),
    "rep_note": (
        "本报告供申报单位和服务机构自查使用，不属于申报材料，请勿随申报书提交。",
        "This report is for the applicant and its consultant; it is not part of the application and is not "
        "handed in with it.",
    ),
    "rep_summary": ("一、检查概况", "1. Summary"),
    "rep_findings": ("二、检查发现", "2. Findings"),
    "rep_excluded": ("三、不计入补助基数的设备", "3. Lines not counted"),
    "rep_lines": ("四、逐行计算", "4. The computation line by line"),
    "rep_totals": ("五、补助测算", "5. The subsidy computed"),
    "rep_identity": ("六、版本与指纹", "6. Versions and fingerprints"),
    "rep_pack": ("规则包", "Rule pack"),
    "rep_status": ("检查结论", "Result"),
    "rep_counts": ("发现问题", "Findings"),
    "rep_as_of": ("检查日期", "Checked as of"),
    "rep_draft_sha": ("草稿内容指纹（SHA-256）", "Draft fingerprint (SHA-256)"),
    "rep_app_sha": ("申报书 PDF 指纹（SHA-256）", "Application PDF fingerprint (SHA-256)"),
    "rep_program": ("程序版本", "Program version"),
    "rep_no_excluded": ("所有设备均计入补助基数。", "Every line is counted."),
    "rep_reason": ("原因", "Why"),
    "rep_formula": (
        "可申请补助金额 = 计入补助基数 × 补助比例（舍去分以下），超过补助上限的按上限计。",
        "Maximum subsidy = eligible base × rate (cut to the fen), no more than the cap.",
    ),
}
