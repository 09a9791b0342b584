"""Exporting a 10,000-line draft to PDF against a plain ReportLab canvas drawing the same rows.

The baseline draws each row's cells with drawString in the bundled font (no wrapping, no table, no
other sections): the least any PDF of these rows can cost. Target: the whole application <= 2x that,
in this process and as whole processes (`grant-assistant export` against tests/benchmarks/canvas_child.py,
start-up included), both with ReportLab's C accelerator (rl_accel) when it is installed.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.exchange import dumps
from desktop.domain.money import format_yuan
from desktop.pdf import render_application
from desktop.rules.assessment import Assessment
from desktop.services.checking import assess
from tests.benchmarks.canvas_child import draw
from tests.benchmarks.harness import Figure, best_of
from tests.conftest import AS_OF
from tests.unit.pdf_helpers import many_lines

CREATED = datetime(2026, 6, 1, tzinfo=UTC)


def _plain_canvas(rows: list[tuple[str, ...]]) -> bytes:
    return draw([list(r) for r in rows])


def _rows(draft_lines: list[object], a: Assessment) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for i, line in enumerate(a.lines):
        eq = draft_lines[i]
        out.append((
            str(i + 1), eq.name or "", eq.model or "", eq.supplier or "", eq.kind or "",  # type: ignore[attr-defined]
            str(eq.quantity), str(eq.unit_price), eq.currency or "CNY",  # type: ignore[attr-defined]
            format_yuan(line.amount), str(eq.purchase_date), eq.invoice_number or "",  # type: ignore[attr-defined]
            "是" if line.eligible else "否",
        ))
    return out


def _run(*args: str) -> None:
    done = subprocess.run([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stderr[-500:]!r}")


def _processes(draft: object, rows: list[tuple[str, ...]], repeat: int) -> tuple[float, float]:
    """(export as a process, the bare canvas as a process), in ms."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, table, out = folder / "draft.json", folder / "rows.json", folder / "out.pdf"
        source.write_text(dumps(draft), encoding="utf-8")  # type: ignore[arg-type]
        table.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        process = best_of(lambda: _run("-m", "desktop", "export", str(source), "-o", str(out),
                                       "--as-of", AS_OF.isoformat()), repeat)
        bare = best_of(lambda: _run("-m", "tests.benchmarks.canvas_child", str(table), str(out)), repeat)
    return process, bare


def run(scale: float) -> list[Figure]:
    n = max(20, int(10_000 * scale))
    draft = many_lines(n)
    a = assess(draft, AS_OF)
    rows = _rows(list(draft.equipment), a)
    repeat = 3 if scale >= 0.5 else 2

    def export() -> bytes:
        return render_application(draft, a, created=CREATED)

    value = best_of(export, repeat)
    baseline = best_of(lambda: _plain_canvas(rows), repeat)
    tracemalloc.start()
    export()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    accel = "with rl_accel" if importlib.util.find_spec("_rl_accel") else "WITHOUT rl_accel"
    process, bare = _processes(draft, rows, repeat)
    return [
        Figure(f"pdf_export_{n}", value, "ms", "canvas drawString", baseline, "ratio <= 2",
               note=f"whole application vs the rows alone, {accel}"),
        Figure(f"pdf_export_{n}_process", process, "ms", "canvas drawString process", bare, "ratio <= 2",
               note=f"grant-assistant export vs a bare canvas script, start-up included, {accel}"),
        Figure(f"pdf_export_{n}_peak_memory", peak / 2**20, "MiB", target="info", note="tracemalloc peak"),
    ]
