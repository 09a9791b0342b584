"""Lines with evidence (grant-draft/2) for the evidence tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.domain.model import Contract, EquipmentLine, Invoice, LineFile, Payment
from tests.unit.builders import line

SHA = "ab" * 32


def sha(n: int) -> str:
    return f"{n:064x}"


def evidenced_line(n: int = 0, quantity: int = 1, **over: object) -> EquipmentLine:
    """A hardware line whose evidence is complete and inside the window (no evidence finding)."""
    item = line(
        quantity=quantity, unit_price=Decimal("50000.00"), invoice_number=None,
        contract=Contract(f"HT-2025-{n:04d}", date(2025, 9, 20)),
        invoices=[Invoice(f"{25442000000000000000 + n}", date(2025, 10, 15), Decimal(50000 * quantity) + 0)],
        payments=[Payment(date(2025, 10, 30), Decimal(50000 * quantity), "bank_transfer")],
        acceptance_date=date(2025, 11, 10), asset_tag=f"ZC-{n:05d}", location="广州研发楼 3F",
        imported=False,
        files=[
            LineFile("contract", sha(3 * n + 1), f"合同{n}.pdf", 1000),
            LineFile("invoice", sha(3 * n + 2), f"发票{n}.pdf", 2000),
            *[LineFile("nameplate_photo", sha(10**6 + 100 * n + k), f"铭牌{n}-{k}.jpg", 3000) for k in range(quantity)],
        ],
    )
    for key, value in over.items():
        setattr(item, key, value)
    return item
