"""Small drafts for tests, built in code so each test says what matters to it."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.domain.exchange import draft_to_data
from desktop.domain.model import Applicant, Contact, Draft, EquipmentLine, Project

VALID_CODE = "91440300MA5FXXXX1Y"  # checksum-valid, Shenzhen


def line(**over: object) -> EquipmentLine:
    base = EquipmentLine(
        name="协作机器人", model="CR-16", supplier="广州数控", kind="hardware", use="rd", condition="new",
        quantity=1, unit_price=Decimal("50000.00"), currency="CNY", exchange_rate=None,
        purchase_date=date(2025, 10, 15), invoice_number="25442000000012345678",
    )
    for k, v in over.items():
        setattr(base, k, v)
    return base


def draft(lines: list[EquipmentLine] | None = None, **over: object) -> Draft:
    d = Draft(
        program="gd-ai-robotics-2025",
        title="测试草稿",
        applicant=Applicant(
            name="广州测试创新中心有限公司", credit_code=VALID_CODE, city="shenzhen", address="深圳市南山区",
            legal_representative="张三", contact=Contact("李四", "0755-1234", "a@b.cn"),
            center_level="national", center_name="国家测试创新中心", center_approved_on=date(2025, 6, 30),
        ),
        project=Project(
            title="研发平台", category="innovation_center", summary="概况",
            start_date=date(2025, 9, 1), end_date=date(2027, 6, 30), requested_subsidy=None,
        ),
        equipment=[line()] if lines is None else lines,
    )
    for path, value in over.items():
        obj: object = d
        parts = path.split("__")
        for part in parts[:-1]:
            obj = getattr(obj, part)
        setattr(obj, parts[-1], value)
    return d


def cycled_lines(base: list[EquipmentLine], n: int, deep: bool = False) -> list[EquipmentLine]:
    """`n` copies going round `base` (deep copies when `deep`), each with an invoice number of its own."""
    make = copy.deepcopy if deep else copy.copy
    out = []
    for i in range(n):
        c = make(base[i % len(base)])
        c.invoice_number = f"{25442000000000000000 + i}"
        out.append(c)
    return out


def unique_invoices(lines: list[EquipmentLine]) -> list[EquipmentLine]:
    return cycled_lines(lines, len(lines))


def draft_json(**over: object) -> str:
    """The builders' draft as exchange-format text, with values replaced by path (`equipment__0__quantity=…`)."""
    data = draft_to_data(draft())
    for path, value in over.items():
        obj: Any = data
        parts = path.split("__")
        for part in parts[:-1]:
            obj = obj[int(part)] if isinstance(obj, list) else obj[part]
        obj[parts[-1]] = value
    return json.dumps(data, ensure_ascii=False)
