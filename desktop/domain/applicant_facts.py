"""The facts of the application's own parts (grant-draft/2): the company's and the project's.

Company level (`CompanyFacts`, the draft's `company_facts`): registered capital, founding date, staff
and R&D staff, bank and account, three years of financial figures. The innovation centre's level, name
and approval date are the applicant's (`Applicant.center_*`) and are not repeated here.

Project level (`ProjectFacts`, the draft's `project_facts`): the recommending unit (推荐单位/主管部门),
the project leader, the contact and the finance officer with their mobile numbers, the date of the
application (left blank to fill by hand when not set) and the performance indicators.

Plain dataclasses in the style of model.py: every field carries its JSON kind in `metadata`, so the
strict reader, the writer and the JSON Schema handle them like every other field. Money is in yuan, as
Decimal. Names here are stable: the company records (storage/companies.py) are built on these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any, Final

INDICATOR_KINDS: Final[dict[str, tuple[str, str]]] = {
    "output": ("产出指标", "Output indicator"),
    "effect": ("效益指标", "Effect indicator"),
}

FINANCIAL_YEARS: Final = 3  # the 财务情况表 shows the last three years


def _f(kind: str, default: Any = None, **extra: Any) -> Any:
    return field(default=default, metadata={"kind": kind, **extra})


@dataclass(slots=True)
class FinancialYear:
    year: int | None = _f("int", title="Financial year, e.g. 2024")
    revenue: Decimal | None = _f("money", title="Operating revenue (营业收入), in CNY")
    total_profit: Decimal | None = _f("money", title="Total profit (利润总额), in CNY")
    rd_spending: Decimal | None = _f("money", title="R&D spending (研发费用), in CNY")
    total_assets: Decimal | None = _f("money", title="Total assets (资产总额), in CNY")
    total_liabilities: Decimal | None = _f("money", title="Total liabilities (负债总额), in CNY")


@dataclass(slots=True)
class CompanyFacts:
    registered_capital: Decimal | None = _f("money", title="Registered capital (注册资本), in CNY")
    founded_on: date | None = _f("date", title="Date of establishment (成立日期)")
    staff: int | None = _f("int", title="Number of employees (职工总数)")
    rd_staff: int | None = _f("int", title="Number of R&D staff (研发人员数)")
    bank_name: str | None = _f("text", title="Bank of the basic account (开户银行)")
    bank_account: str | None = _f("text", title="Account number (银行账号)")
    financials: list[FinancialYear] = field(
        default_factory=list,
        metadata={"kind": "list", "cls": FinancialYear, "title": "The last three years' figures, oldest first"},
    )


@dataclass(slots=True)
class Person:
    name: str | None = _f("text", title="Name")
    mobile: str | None = _f("text", title="Mobile number")


@dataclass(slots=True)
class Indicator:
    kind: str | None = _f("enum", choices=tuple(INDICATOR_KINDS), title="output or effect")
    name: str | None = _f("text", title="Indicator, e.g. 购置研发设备")
    unit: str | None = _f("text", title="Unit, e.g. 台(套)")
    target: Decimal | None = _f("decimal", title="Target value")


@dataclass(slots=True)
class ProjectFacts:
    recommender: str | None = _f("text", title="Recommending unit or competent department (推荐单位/主管部门)")
    leader: Person = field(default_factory=Person, metadata={"kind": "object", "cls": Person})
    contact: Person = field(default_factory=Person, metadata={"kind": "object", "cls": Person})
    finance_officer: Person = field(default_factory=Person, metadata={"kind": "object", "cls": Person})
    application_date: date | None = _f("date", title="Date of the application; null = a blank to fill by hand")
    indicators: list[Indicator] = field(
        default_factory=list, metadata={"kind": "list", "cls": Indicator, "title": "Performance indicators"}
    )


def holds_something(obj: Any) -> bool:
    """True when any field of a facts object (nested objects and lists included) holds a value."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        kind = f.metadata.get("kind")
        if kind == "object":
            if holds_something(value):
                return True
        elif kind == "list":
            if value:
                return True
        elif value is not None:
            return True
    return False
