"""The readable report `validate` prints: totals, then findings grouped by severity."""

from __future__ import annotations

from datetime import date

from desktop.domain.fieldpath import line_text
from desktop.domain.labels import finding_place
from desktop.domain.lang import Lang, choose
from desktop.domain.money import format_yuan
from desktop.rules.assessment import Assessment, reason_label
from desktop.rules.notice import Notice, default_reading, notice_reading
from desktop.rules.notice_checks import days_left

_HEADINGS = {
    "error": ("错误（须修改后才能申报）", "Errors (must be fixed before applying)"),
    "warning": ("警告（请核实）", "Warnings (check these)"),
    "info": ("提示", "Notes"),
}
_BASIS = {
    "seed": ("原文报道", "seed: stated in the news report"),
    "reprint": ("转载文本", "reprint: stated in reprints of the official text"),
    "practice": ("通行做法", "practice: our reading of common practice"),
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return choose(lang, *pair)


def render_text(a: Assessment, source: str, lang: str = "zh") -> str:
    t = a.totals
    en = Lang.parse(lang).english
    out: list[str] = []
    status = (
        ("READY" if en else "可以申报") if a.status == "ready"
        else (f"BLOCKED: {a.errors} error(s)" if en else f"不能申报：{a.errors} 个错误")
    )
    out.append(f"{source}: {status}")
    out.append(
        (f"Rule pack {a.pack.id} {a.pack.version} · checked as of {a.as_of}")
        if en else f"规则包 {a.pack.id} {a.pack.version} · 检查日期 {a.as_of}"
    )
    notice = a.pack.notice
    if notice is None:
        out.append(default_reading(a.pack, lang))
    else:
        out.append(notice_reading(notice, lang))
        out.append(deadline_text(notice, a.as_of, lang))
    rows = [
        (("申报设备金额（不含税）", "Declared equipment (excl. VAT)"), format_yuan(t.declared)),
        (("计入补助基数", "Eligible base"), format_yuan(t.eligible)),
        (("补助比例", "Rate"), f"{t.rate * 100:.0f}%"),
        (("补助上限", "Cap"), format_yuan(t.cap) if t.cap is not None else _t(("无", "none"), lang)),
        (("可申请上限", "Maximum subsidy"), format_yuan(t.max_subsidy)),
        (("申请补助", "Requested"), format_yuan(t.requested)),
    ]
    width = max(len(_t(label, lang)) for label, _ in rows)
    unit = "yuan" if en else "元"
    unconfirmed = any(f.rule == "provincial_cap_unconfirmed" for f in a.findings)
    for label, value in rows:
        suffix = "" if value.endswith("%") or value in ("none", "无") else f" {unit}"
        if unconfirmed and label[1] == "Cap":
            suffix += " (unconfirmed)" if en else "（未确认）"
        out.append(f"  {_t(label, lang):<{width}}  {value:>18}{suffix}")
    excluded = [r for r in a.lines if not r.eligible]
    if excluded:
        out.append(
            f"  {len(excluded)} line(s) not counted" if en else f"  {len(excluded)} 行不计入补助基数"
        )
        for r in excluded[:20]:
            reasons = ", ".join(reason_label(x, lang) for x in r.reasons)
            out.append(f"    {line_text(r.index)}: {reasons}")
        if len(excluded) > 20:
            out.append(f"    … {len(excluded) - 20} more" if en else f"    …… 另有 {len(excluded) - 20} 行")
    for severity in ("error", "warning", "info"):
        group = [f for f in a.findings if f.severity == severity]
        if not group:
            continue
        out.append("")
        out.append(f"{_t(_HEADINGS[severity], lang)} ({len(group)})")
        for f in group:
            out.append(f"  [{finding_place(f.path, lang) or '-'}] {a.message(f, lang)}")
            basis = _t(_BASIS[a.basis(f)], lang)
            out.append(f"      {'Clause' if en else '依据'}: {a.clause(f, lang)} · {basis}")
    if not a.findings:
        out.append("")
        out.append("No findings." if en else "没有发现问题。")
    return "\n".join(out) + "\n"


def deadline_text(notice: Notice, today: date, lang: str = "zh") -> str:
    """The notice's next deadline and the days left (or past), or that the notice states none."""
    found = days_left(notice, today)
    en = Lang.parse(lang).english
    if found is None:
        return ("Deadline: not stated in this notice; ask the local industry and IT office" if en
                else "截止日期：本通知未载明，请向当地工业和信息化主管部门确认")
    zh_label, en_label, day, days = found
    if days < 0:
        return (f"Deadline {en_label} {day.isoformat()}: passed {-days} day(s) ago" if en
                else f"截止日期 {zh_label} {day.isoformat()}：已过 {-days} 天")
    return (f"Deadline {en_label} {day.isoformat()}: {days} day(s) left" if en
            else f"截止日期 {zh_label} {day.isoformat()}：还剩 {days} 天")
