"""Importing a 10,000-row ledger workbook against openpyxl merely iterating the same rows read-only."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl

from desktop.importers import import_file
from tests.benchmarks.harness import Figure, best_of
from tests.unit.ledgers import write_big_ledger


def _iterate(path: Path) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in workbook.active.iter_rows(values_only=True))
    finally:
        workbook.close()


def run(scale: float) -> list[Figure]:
    rows = max(int(10_000 * scale), 10)
    with tempfile.TemporaryDirectory() as folder:
        path = write_big_ledger(Path(folder) / "ledger.xlsx", rows)
        assert len(import_file(path).lines) == rows
        repeat = 3 if scale >= 0.5 else 5
        baseline = best_of(lambda: _iterate(path), repeat)
        value = best_of(lambda: import_file(path), repeat)
    return [Figure(f"import_xlsx_{rows}", value, "ms", "openpyxl read-only iteration", baseline, "ratio <= 2",
                   note="read, header, mapping, every value parsed, preview built")]
