"""Large drafts for the benchmarks, made from the demo draft's lines (unique invoice numbers)."""

from __future__ import annotations

import copy

from desktop import paths
from desktop.domain.exchange import loads
from desktop.domain.model import Draft


def big_draft(n: int) -> Draft:
    demo = loads(paths.demo_draft_path().read_bytes())
    base = demo.equipment
    lines = []
    for i in range(n):
        line = copy.copy(base[i % len(base)])
        line.invoice_number = f"{25442000000000000000 + i}"
        lines.append(line)
    demo.equipment = lines
    return demo
