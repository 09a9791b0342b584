"""What the checker answers: totals, per-line eligibility, and findings with their clauses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

from desktop.domain.lang import Lang, choose, pick
from desktop.domain.money import format_yuan, money_str
from desktop.rules.pack import Pack

# A message parameter is plain text, a pair (zh, en) chosen by the reader's language, or an amount
# (formatted with thousands separators only when the message is shown: cheap on every keystroke).
Param = str | tuple[str, str] | Decimal


class Finding(NamedTuple):
    rule: str
    severity: str
    path: str
    params: Mapping[str, Param] = MappingProxyType({})


@dataclass(slots=True)
class LineResult:
    index: int
    amount: Decimal | None
    eligible: bool
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Totals:
    declared: Decimal
    eligible: Decimal
    rate: Decimal
    cap: Decimal | None
    uncapped: Decimal
    max_subsidy: Decimal
    requested: Decimal


REASON_LABELS: dict[str, tuple[str, str]] = {
    "used": ("二手设备", "second-hand"),
    "production": ("生产用途", "production use"),
    "outside_window": ("购置日期不在政策期内", "bought outside the policy period"),
    "use_unknown": ("未注明用途", "use not given"),
    "condition_unknown": ("未注明新旧", "condition not given"),
    "date_unknown": ("未填购置日期", "no purchase date"),
    "amount_unknown": ("金额无法计算", "amount cannot be computed"),
}


def reason_label(reason: str, lang: str) -> str:
    return pick(REASON_LABELS.get(reason, (reason, reason)), lang)


def _param_text(value: Param, pick: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return format_yuan(value)
    return value[pick]


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Assessment:
    pack: Pack
    as_of: date
    totals: Totals
    lines: list[LineResult]
    findings: list[Finding]
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def status(self) -> str:
        return "blocked" if self.counts["error"] else "ready"

    @property
    def errors(self) -> int:
        return self.counts["error"]

    @property
    def warnings(self) -> int:
        return self.counts["warning"]

    def message(self, finding: Finding, lang: str = "zh") -> str:
        rule = self.pack.rules[finding.rule]
        return Lang.parse(lang).compose(lambda one: rule.message.get(one).format_map(
            _Params({k: _param_text(v, one.choose(0, 1)) for k, v in finding.params.items()})))

    def clause(self, finding: Finding, lang: str = "zh") -> str:
        rule = self.pack.rules[finding.rule]
        source = self.pack.sources[rule.source].get(lang)
        return choose(lang, f"{rule.clause.get(lang)}（{source}）", f"{rule.clause.get(lang)} ({source})")

    def basis(self, finding: Finding) -> str:
        return self.pack.rules[finding.rule].basis

    def findings_at(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        t = self.totals
        out = self._json(t, lang)
        notice = self.pack.notice
        if notice is not None:  # only then: a draft with no notice answers exactly as before
            deadline = notice.next_deadline(self.as_of)
            out["notice"] = {
                "id": notice.id,
                "number": notice.number,
                "basis": notice.basis,
                "invoices": [notice.invoices.start.isoformat(), notice.invoices.end.isoformat()],
                "payments": [notice.payments.start.isoformat(), notice.payments.end.isoformat()],
                "project_start": [notice.project_start.start.isoformat(), notice.project_start.end.isoformat()],
                "project_finish": [notice.project_finish.start.isoformat(), notice.project_finish.end.isoformat()],
                "deadline": None if deadline is None else deadline.day.isoformat(),
                "days_left": None if deadline is None else (deadline.day - self.as_of).days,
            }
        return out

    def _json(self, t: Totals, lang: str) -> dict[str, Any]:
        return {
            "program": self.pack.id,
            "program_version": self.pack.version,
            "as_of": self.as_of.isoformat(),
            "status": self.status,
            "totals": {
                "declared": money_str(t.declared),
                "eligible": money_str(t.eligible),
                "rate": str(t.rate.quantize(Decimal("0.01"))),
                "cap": money_str(t.cap),
                "max_subsidy": money_str(t.max_subsidy),
                "requested": money_str(t.requested),
            },
            "lines": [
                {
                    "index": r.index,
                    "amount": money_str(r.amount),
                    "eligible": r.eligible,
                    "reasons": list(r.reasons),
                }
                for r in self.lines
            ],
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity,
                    "path": f.path,
                    "message": self.message(f, lang),
                    "clause": self.clause(f, lang),
                    "basis": self.basis(f),
                }
                for f in self.findings
            ],
        }
