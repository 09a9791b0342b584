"""The checker against json.loads of the same file; `validate` on 10,000 lines against 10 lines."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from desktop.domain.changes import InsertLines, RemoveLines
from desktop.domain.exchange import dumps
from desktop.rules.checker import IncrementalChecker, check
from desktop.services.packs import get_pack
from tests.benchmarks.drafts import big_draft
from tests.benchmarks.harness import Figure, best_of, median_of

AS_OF = date(2026, 6, 1)


def _validate_ms(path: Path, repeat: int) -> float:
    cmd = [sys.executable, "-m", "desktop", "validate", str(path), "--as-of", "2026-06-01", "--json"]
    return best_of(lambda: subprocess.run(cmd, capture_output=True, check=False), repeat)


def run(scale: float = 1.0) -> list[Figure]:
    n = max(10, int(10_000 * scale))
    draft = big_draft(n)
    text = dumps(draft)
    pack = get_pack(draft.program)
    figures = []

    parse = best_of(lambda: json.loads(text))
    full = best_of(lambda: check(draft, pack, AS_OF))
    figures.append(Figure(f"checker_{n}_lines", full, "ms", "json.loads", parse, "ratio <= 3"))

    inc = IncrementalChecker(pack, AS_OF)
    inc.run(draft)

    def one_edit() -> None:
        draft.equipment[n // 2].quantity = (draft.equipment[n // 2].quantity or 0) % 7 + 1
        inc.line_changed(n // 2)
        inc.run(draft)

    figures.append(Figure(f"recheck_after_one_edit_{n}_lines", median_of(one_edit), "ms", target="value <= 16",
                          note="incremental checker, per keystroke"))

    extra = copy.copy(draft.equipment[0])

    def paste_and_undo() -> None:  # 20 lines appended (a paste), then taken away again (its undo)
        change = InsertLines(n, tuple(copy.copy(extra) for _ in range(20)))
        change.apply(draft)
        inc.run(draft)
        RemoveLines(tuple(range(n, n + 20))).apply(draft)
        inc.run(draft)

    figures.append(Figure(f"recheck_after_paste_and_undo_{n}_lines", median_of(paste_and_undo, 11) / 2, "ms",
                          "full check", full, "ratio <= 1", "per structural edit; lines known by identity"))

    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.json", Path(tmp) / "small.json"
        big.write_text(text, encoding="utf-8")
        small.write_text(dumps(big_draft(10)), encoding="utf-8")
        repeat = 3 if scale >= 0.5 else 1
        t_small = _validate_ms(small, repeat)
        t_big = _validate_ms(big, repeat)
    per_line_us = (t_big - t_small) * 1000 / max(1, n - 10)
    figures.append(Figure("validate_cli_per_extra_line", per_line_us, "us", target="value <= 100",
                          note=f"validate {n} lines {t_big:.0f} ms vs 10 lines {t_small:.0f} ms"))
    return figures
