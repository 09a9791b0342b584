"""Exporting a 10,000-line draft to PDF against a plain ReportLab canvas drawing the same rows.

The baseline draws each row's cells with drawString in the bundled font (no wrapping, no table, no
other sections): the least any PDF of these rows can cost. Target: the whole application <= 2x that.
"""

from __future__ import annotations

import io
import tracemalloc
from datetime import UTC, datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.money import format_yuan
from desktop.pdf import render_application
from desktop.pdf.fonts import register_fonts
from desktop.rules.assessment import Assessment
from desktop.services.checking import assess
from tests.benchmarks.harness import Figure, best_of
from tests.conftest import AS_OF
from tests.unit.pdf_helpers import many_lines

CREATED = datetime(2026, 6, 1, tzinfo=UTC)


def _plain_canvas(rows: list[tuple[str, ...]]) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=landscape(A4), invariant=1, initialFontName=font)
    y = 540.0
    for row in rows:
        if y < 40:
            canv.showPage()
            y = 540.0
        canv.setFont(font, 7.5)
        x = 40.0
        for cell in row:
            canv.drawString(x, y, cell)
            x += 64
        y -= 13
    canv.showPage()
    canv.save()
    return buf.getvalue()


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
    return [
        Figure(f"pdf_export_{n}", value, "ms", "canvas drawString", baseline, "ratio <= 2",
               note="whole application vs the rows alone"),
        Figure(f"pdf_export_{n}_peak_memory", peak / 2**20, "MiB", target="info", note="tracemalloc peak"),
    ]
