"""Start-up: process start to the drafts window painted, and to the list of 1,000 drafts painted, each
against a bare PySide6 window shown in the same run (separate processes, wall clock from spawn)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import Figure

ROOT = Path(__file__).resolve().parents[2]


def _spawn(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.startup_child", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120, check=False,
    )
    elapsed = (time.perf_counter() - t0) * 1000
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(f"startup child {args[0]} failed: {out.stderr[-2000:]}")
    return elapsed, out.stdout.strip().splitlines()[-1]


def _fill(db: str, count: int) -> None:
    from desktop import paths
    from desktop.services.checking import read_draft_file
    from desktop.services.draft_store import DraftStore

    demo = read_draft_file(paths.demo_draft_path())
    store = DraftStore(db)
    try:
        with store.db.session() as s:
            from desktop.services.checking import assess
            from desktop.storage import repository as repo

            a = assess(demo)
            for i in range(count):
                demo.title = f"草稿 {i + 1:04d}"
                stored = repo.create_draft(s, draft=demo)
                store.refresh(s, stored.id, a)
    finally:
        store.close()


def run(scale: float) -> list[Figure]:
    repeat = 3 if scale >= 0.5 else 1
    count = max(1, round(1000 * scale))
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ, "QT_QPA_PLATFORM": "offscreen", "GRANT_ASSISTANT_HOME": str(Path(tmp) / "home"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
        }
        empty = str(Path(tmp) / "empty.sqlite3")
        full = str(Path(tmp) / "full.sqlite3")
        _fill(full, count)
        _spawn(["bare"], env)  # warm the file cache for both sides alike
        bare, painted, filled = [], [], []
        note = ""
        for _ in range(repeat):
            bare.append(_spawn(["bare"], env)[0])
            ms, line = _spawn(["painted", empty], env)
            painted.append(ms)
            note = line.split(" ", 1)[1] if " " in line else ""
            ms, line = _spawn(["filled", full], env)
            filled.append(ms)
            assert line == f"FILLED {count}", line
    base = min(bare)
    return [
        Figure("startup_drafts_window_painted", min(painted), "ms", "bare PySide6 window", base,
               "ratio <= 1.5", f"heavy modules at first paint: {note.removeprefix('heavy=')}"),
        Figure(f"startup_drafts_list_{count}_painted", min(filled), "ms", "bare PySide6 window", base,
               "ratio <= 5"),
    ]
