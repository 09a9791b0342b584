"""Large drafts for the benchmarks, made from the demo draft's lines (unique invoice numbers)."""

from __future__ import annotations

from desktop import paths
from desktop.domain.exchange import loads
from desktop.domain.model import Draft
from tests.unit.builders import cycled_lines


def big_draft(n: int) -> Draft:
    demo = loads(paths.demo_draft_path().read_bytes())
    demo.equipment = cycled_lines(demo.equipment, n)
    return demo
