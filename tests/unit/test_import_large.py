"""A 100,000-row sheet: every row imported, money exact, no row lost."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.importers import import_file
from desktop.progress import Progress
from tests.unit.ledgers import write_big_ledger

ROWS = 100_000


@pytest.fixture(scope="session")
def big_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_ledger(tmp_path_factory.mktemp("big") / "big.xlsx", ROWS)


def test_hundred_thousand_rows(big_ledger: Path) -> None:
    seen: list[int] = []
    preview = import_file(big_ledger, progress=Progress(lambda done, total, _what: seen.append(done)))
    assert len(preview.lines) == ROWS
    assert not preview.problems
    assert preview.lines[0].unit_price == Decimal("1000.50")
    assert preview.lines[-1].unit_price == Decimal(1000 + ROWS - 1) + Decimal("0.50")
    assert preview.lines[-1].invoice_number == str(25442000000000000000 + ROWS - 1)
    assert preview.line_rows[-1] == ROWS + 1
    assert seen and seen == sorted(seen) and seen[-1] <= 100
