"""The bare-canvas baseline as a process of its own: read rows (JSON), draw each cell with drawString
in the bundled body face on landscape A4 pages, write the PDF. `python -m tests.benchmarks.canvas_child
ROWS.json OUT.pdf`: the least a program printing these rows can cost, start-up included."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from desktop.pdf.fonts import register_fonts


def draw(rows: list[list[str]]) -> bytes:
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


if __name__ == "__main__":
    rows = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    Path(sys.argv[2]).write_bytes(draw(rows))
