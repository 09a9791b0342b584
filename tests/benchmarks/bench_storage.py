"""Storage: saving and loading a big draft against plain sqlite3 on the same rows, and one autosaved cell.

    save_10k: a new 10,000-line draft through create_draft (Core executemany), committed, against
              sqlite3.executemany of the same rows into the same table shape, committed
    load_10k: get_draft (rows back into a Draft) against a plain SELECT ... fetchall of the same rows
    cell_autosave_10k: one changed cell (apply_change in its own transaction) in a 10,000-line draft,
              median milliseconds
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from desktop.domain.changes import SetValue, line_path
from desktop.storage import repository as repo
from desktop.storage import rows
from desktop.storage.database import Database, open_database
from tests.benchmarks.drafts import big_draft
from tests.benchmarks.harness import Figure, best_of, median_of

_COLUMNS = rows.LINE_INSERT_COLUMNS


def _plain(folder: Path) -> sqlite3.Connection:
    con = sqlite3.connect(folder / "plain.sqlite3")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute(
        "CREATE TABLE lines (id INTEGER PRIMARY KEY, " + ", ".join(_COLUMNS) + ")"
    )
    con.execute("CREATE INDEX ix_lines ON lines (draft_id, position)")
    return con


def _figures(db: Database, plain: sqlite3.Connection, n: int, repeat: int) -> list[Figure]:
    draft = big_draft(n)
    batches = [rows.line_tuples(k, 0, draft.equipment) for k in range(1, repeat + 1)]
    insert_sql = f"INSERT INTO lines ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
    ids: list[int] = []

    def save() -> None:
        with db.session() as s:
            ids.append(repo.create_draft(s, draft=draft).id)

    def plain_save() -> None:  # like create_draft: a new draft's rows each time, into a growing table
        with plain:
            plain.executemany(insert_sql, batches.pop())

    saved = best_of(save, repeat)
    baseline_save = best_of(plain_save, repeat)
    draft_id = ids[-1]

    def load() -> Any:
        with db.session() as s:
            return repo.get_draft(s, draft_id=draft_id)

    select_sql = f"SELECT {', '.join(rows.LINE_COLUMNS)} FROM lines WHERE draft_id = 1 ORDER BY position"

    def plain_load() -> Any:
        with plain:
            return plain.execute(select_sql).fetchall()

    loaded = best_of(load, repeat)
    baseline_load = best_of(plain_load, repeat)
    assert len(load().draft.equipment) == n

    version = [1]
    counter = [0]

    def cell() -> None:
        counter[0] += 1
        change = SetValue(line_path((counter[0] * 7919) % n, "quantity"), counter[0] % 9 + 1)
        with db.session() as s:
            version[0] = repo.apply_change(
                s, draft_id=draft_id, change=change, expected_version=version[0], live_only=True  # as autosave
            )

    cell_ms = median_of(cell, max(repeat * 4, 21))
    label = f"{n:,} lines" + ("" if n >= 5000 else "; smoke run: fixed per-transaction costs dominate")
    return [
        Figure("save_10k", saved, "ms", "sqlite3.executemany", baseline_save, "ratio <= 3", label),
        Figure("load_10k", loaded, "ms", "plain SELECT fetchall", baseline_load, "ratio <= 3", label),
        Figure("cell_autosave_10k", cell_ms, "ms", target="value <= 5", note=f"median, {label}"),
    ]


def run(scale: float) -> list[Figure]:
    n = max(20, int(10_000 * scale))
    repeat = 5 if scale >= 0.5 else 2
    with tempfile.TemporaryDirectory(prefix="bench-storage-") as tmp:
        folder = Path(tmp)
        db = open_database(str(folder / "drafts.sqlite3"), keep_backups=0)
        plain = _plain(folder)
        try:
            return _figures(db, plain, n, repeat)
        finally:
            plain.close()
            db.close()
