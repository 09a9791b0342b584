"""Start-up with a consultant's database: process start to the drafts list painted with 10,000 drafts
of 1,000 companies (half of them naming a notice), against a bare PySide6 window in the same run."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from tests.benchmarks.bench_startup import _spawn
from tests.benchmarks.harness import Figure


def _fill(db: str, drafts: int, companies: int) -> None:
    from desktop import paths
    from desktop.domain.company import company_from_draft
    from desktop.services.checking import assess, read_draft_file
    from desktop.services.draft_store import DraftStore
    from desktop.storage import companies as store

    demo = read_draft_file(paths.demo_draft_path())
    demo.equipment = demo.equipment[:2]
    ui_store = DraftStore(db)
    try:
        with ui_store.db.session() as s:
            from desktop.storage import repository as repo

            first = repo.create_draft(s, draft=demo).id
            ui_store.refresh(s, first, assess(demo))
            company = company_from_draft(demo)
            for i in range(companies):
                company.name = f"客户公司 {i + 1:04d}"
                store.create_company(s, company=company)
    finally:
        ui_store.close()
    con = sqlite3.connect(db)  # the other drafts copied row by row in SQL (the benchmark is the reading)
    try:
        columns = [r[1] for r in con.execute("PRAGMA table_info(drafts)") if r[1] not in ("id", "title")]
        line_columns = [r[1] for r in con.execute("PRAGMA table_info(equipment_lines)")
                        if r[1] not in ("id", "draft_id")]
        cols, lcols = ", ".join(columns), ", ".join(line_columns)
        con.executemany(
            f"INSERT INTO drafts (title, {cols}) SELECT ?, {cols} FROM drafts WHERE id = ?",
            [(f"草稿 {i:05d}", first) for i in range(2, drafts + 1)],
        )
        picked = ", ".join("l." + c for c in line_columns)
        con.execute(f"INSERT INTO equipment_lines (draft_id, {lcols}) SELECT d.id, {picked}"
                    " FROM drafts d, equipment_lines l WHERE l.draft_id = ? AND d.id <> ?", (first, first))
        con.execute("UPDATE drafts SET company_id = (id % ?) + 1", (companies,))
        con.execute("UPDATE drafts SET notice = 'gd-ai-benchmark-2026-entry' WHERE id % 2 = 0")
        con.commit()
    finally:
        con.close()


def run(scale: float) -> list[Figure]:
    repeat = 3 if scale >= 0.5 else 1
    drafts = max(10, round(10_000 * scale))
    companies = max(1, round(1_000 * scale))
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ, "QT_QPA_PLATFORM": "offscreen", "GRANT_ASSISTANT_HOME": str(Path(tmp) / "home"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
        }
        full = str(Path(tmp) / "clients.sqlite3")
        _fill(full, drafts, companies)
        _spawn(["bare"], env)
        bare, filled = [], []
        for _ in range(repeat):
            bare.append(_spawn(["bare"], env)[0])
            ms, line = _spawn(["filled", full], env)
            filled.append(ms)
            assert line == f"FILLED {drafts}", line
    return [
        Figure(f"startup_drafts_list_{drafts}_drafts_{companies}_companies_painted", min(filled), "ms",
               "bare PySide6 window", min(bare), "ratio <= 5", "half the drafts name a notice"),
    ]
