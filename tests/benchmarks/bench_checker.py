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
from desktop.domain.company import StandingDocument
from desktop.domain.exchange import dumps
from desktop.rules.checker import IncrementalChecker, check
from desktop.rules.notice import apply_notice, parse_notice
from desktop.services.packs import get_pack
from tests.benchmarks.drafts import big_draft
from tests.benchmarks.harness import Figure, best_of, median_of

AS_OF = date(2026, 6, 1)
_NOTICE = """\
id: bench-notice
program: gd-ai-robotics-2025
tracks: [innovation_center]
number: 基准〔2026〕1号
title: {zh: 基准通知, en: Benchmark notice}
issuer: {zh: 基准, en: Benchmark}
basis: reprint
source: benchmark
windows:
  invoices: {start: 2025-09-01, end: 2027-12-31}
  payments: {start: 2025-09-01, end: 2027-12-31}
  project_start: {start: 2025-01-01, end: 2027-12-31}
  project_finish: {start: 2025-01-01, end: 2027-12-31}
deadlines:
  - {id: online, zh: 网上填报截止, en: online entry closes, date: 2026-09-30}
"""


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

    # the same grant-draft/2 draft read through an application notice (its windows, deadlines, clauses):
    # no dearer than without one (a notice makes a draft /2, so both sides are /2 with evidence checks)
    plain2 = copy.copy(draft)
    plain2.format_version = 2
    noticed = copy.copy(plain2)
    noticed.notice = "bench-notice"
    through = apply_notice(pack, parse_notice(_NOTICE, "bench-notice.yaml"))
    without = best_of(lambda: check(plain2, pack, AS_OF))
    with_notice = best_of(lambda: check(noticed, through, AS_OF))
    figures.append(Figure(f"checker_{n}_lines_with_notice", with_notice, "ms", "same /2 draft, no notice", without,
                          "ratio <= 1.15", "the notice layer's cost"))
    # and with the company's standing documents (one lapsing before the deadline: the finding is raised)
    documents = [StandingDocument("business_licence", "营业执照", None, date(2015, 3, 2), None),
                 StandingDocument("center_approval", "批复", None, date(2024, 5, 1), date(2026, 8, 1))]
    with_documents = best_of(lambda: check(noticed, through, AS_OF, None, documents))
    figures.append(Figure(f"checker_{n}_lines_with_notice_and_company", with_documents, "ms",
                          "same /2 draft, no notice", without, "ratio <= 1.15",
                          "the notice layer and the company's documents"))

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
