"""Shared by the storage tests: a fresh database in a temporary folder, the demo draft, odd values."""

from __future__ import annotations

import copy
import random
import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop import paths
from desktop.domain.changes import (
    Change,
    InsertLines,
    MoveLines,
    RemoveLines,
    ReplaceLine,
    SetAttachments,
    SetValue,
    line_path,
)
from desktop.domain.exchange import dumps, loads
from desktop.domain.model import Attachment, Draft, EquipmentLine
from desktop.storage.database import Database, open_database
from desktop.storage.repository import ConflictError, apply_change, create_draft, get_draft, list_drafts


def new_db(folder: Path, name: str = "drafts.sqlite3") -> Database:
    return open_database(str(folder / name), today=date(2026, 6, 1))


def closing_db(folder: Path) -> Iterator[Database]:
    """A fresh database in `folder` for a fixture to yield from; closed after the test."""
    database = new_db(folder)
    yield database
    database.close()


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


def round_trip(db: Database, draft: Draft) -> Draft:
    """`draft` stored (a copy) and read back; it must come back equal and exchanged to the same text."""
    with db.session() as s:
        stored = create_draft(s, draft=copy.deepcopy(draft))
    with db.session() as s:
        got = get_draft(s, draft_id=stored.id).draft
    assert got == draft and dumps(got) == dumps(draft)
    return got


def count_drafts(location: str | Path) -> int:
    """How many drafts (not in the trash) the database at `location` lists, opened and closed again."""
    with open_database(str(location)) as db, db.session() as s:
        return len(list_drafts(s))


def stored_text(db: Database, draft_id: int) -> str:
    with db.session() as s:
        return dumps(get_draft(s, draft_id=draft_id).draft)


def random_change(rng: random.Random, draft: Draft, counter: list[int]) -> Change:
    n = len(draft.equipment)
    counter[0] += 1
    fresh = EquipmentLine(name=f"new {counter[0]}", quantity=counter[0], unit_price=Decimal(f"{counter[0]}.5"))
    pick = rng.randrange(9)
    if pick == 0 or n < 3:
        k = rng.randint(1, 3)
        return InsertLines(rng.randint(0, n), tuple(copy.copy(fresh) for _ in range(k)))
    if pick == 1:
        return RemoveLines(tuple(sorted(rng.sample(range(n), rng.randint(1, min(3, n - 1))))))
    if pick == 2:
        removed = RemoveLines(tuple(sorted(rng.sample(range(n), rng.randint(1, min(4, n - 1))))))
        return removed.inverse(draft)  # RestoreLines needs the lines gone first: undo the removal below
    if pick == 3:
        return ReplaceLine(rng.randrange(n), fresh)
    if pick == 4:
        count = rng.randint(1, min(3, n))
        start = rng.randint(0, n - count)
        return MoveLines(start, count, rng.randint(0, n - count))
    if pick == 5:
        return SetAttachments((Attachment(kind="invoice", name=f"f{counter[0]}.pdf", lines=[0, 1]),))
    if pick == 6:
        return SetValue("applicant.contact.phone", f"020-{counter[0]}")
    if pick == 7:
        return SetValue(line_path(rng.randrange(n), "unit_price"), Decimal(f"{counter[0]}.125"))
    return SetValue(line_path(rng.randrange(n), "purchase_date"), date(2025, 10, 1 + counter[0] % 28))


def edit_until_stored(db: Database, draft_id: int, change: Change) -> int:
    """One edit as a window makes it: read the version, apply; after a refusal (another writer came
    first) read again and retry. How many refusals it met."""
    conflicts = 0
    while True:
        with db.session() as s:
            version = get_draft(s, draft_id=draft_id).version
        try:
            with db.session() as s:
                apply_change(s, draft_id=draft_id, change=change, expected_version=version)
            return conflicts
        except ConflictError:
            conflicts += 1


def mounted_tmpfs(folder: Path, size: str, otherwise: str) -> Iterator[Path]:
    """A small tmpfs of our own at `folder` (needs root and mount) for a fixture to yield from; skipped loudly
    with the reason, and `otherwise` (what still covers the logic), where mounting is refused."""
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"SKIPPED LOUDLY: cannot mount a {size} tmpfs to fill ({done.stderr.strip() or done.returncode}); "
                    + otherwise)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
