"""Shared by the storage tests: a fresh database in a temporary folder, the demo draft, odd values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop import paths
from desktop.domain.exchange import dumps, loads
from desktop.domain.model import Attachment, Draft, EquipmentLine
from desktop.storage.database import Database, open_database
from desktop.storage.repository import get_draft


def new_db(folder: Path, name: str = "drafts.sqlite3") -> Database:
    return open_database(str(folder / name), today=date(2026, 6, 1))


def demo() -> Draft:
    return loads(paths.demo_draft_path().read_bytes())


def odd_draft() -> Draft:
    """Values a draft in progress may hold that whole fen cannot say exactly, and empty ones."""
    d = demo()
    d.project.requested_subsidy = Decimal("1000000")
    d.equipment[0].unit_price = Decimal("1.005")
    d.equipment[1].unit_price = Decimal("-0.00")
    d.equipment[2].unit_price = Decimal("123456789012345678901234.50")
    d.equipment[3].exchange_rate = Decimal("7.123456789")
    d.equipment.append(EquipmentLine())
    d.attachments = [Attachment(kind="invoice", name="发票.pdf", sha256="a" * 64, size=12, path=None, lines=[0, 2])]
    return d


def stored_text(db: Database, draft_id: int) -> str:
    with db.session() as s:
        return dumps(get_draft(s, draft_id=draft_id).draft)
