"""The equipment step with a big draft: open to painted, one edit to totals repainted, peak memory."""

from __future__ import annotations

import copy
import os
import resource
from datetime import date
from typing import Any

from tests.benchmarks.harness import Figure, best_of, median_of

AS_OF = date(2026, 6, 1)


def _draft_text(lines: int) -> str:
    from desktop import paths
    from desktop.domain.exchange import dumps
    from desktop.services.checking import read_draft_file

    draft = read_draft_file(paths.demo_draft_path())
    base = draft.equipment
    out = []
    for i in range(lines):
        line = copy.copy(base[i % len(base)])
        line.invoice_number = f"{25442000000000000000 + i}"
        line.name = f"{line.name} {i + 1}"
        out.append(line)
    draft.equipment = out
    return dumps(draft)


def _peak_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for row in fh:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(scale: float) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.domain.exchange import loads
    from desktop.rules.checker import check
    from desktop.services.packs import get_pack
    from desktop.ui.application import register_fonts
    from desktop.ui.equipment.equipment_model import column_of
    from desktop.ui.equipment.equipment_page import EquipmentPage
    from desktop.ui.wizard.session import DraftSession

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    register_fonts(app)
    n = max(20, int(10_000 * scale))
    text = _draft_text(n)
    repeat = 3 if scale >= 0.5 else 2
    pages: list[Any] = []

    def headless() -> None:
        draft = loads(text)
        check(draft, get_pack(draft.program), AS_OF)

    def open_painted() -> None:
        while pages:
            old = pages.pop()
            old.close()
            old.deleteLater()
        app.processEvents()
        session = DraftSession(loads(text), as_of=AS_OF)
        page = EquipmentPage(session)
        page.resize(1400, 800)
        page.show()
        app.processEvents()
        page.view.viewport().repaint()
        page.footer.repaint()
        pages.append(page)

    baseline = best_of(headless, repeat)
    opened = best_of(open_painted, repeat)
    page = pages[-1]
    session = page.session
    model = page.model
    row = n // 2
    values = iter(range(1, 1_000_000))

    def edit() -> None:
        model.setData(model.index(row, column_of("quantity")), str(next(values) % 9 + 1))
        session.check_now()  # what the 30 ms debounce would run
        page.footer.repaint()
        page.view.viewport().repaint()

    edit_ms = median_of(edit, 21 if scale >= 0.5 else 5)
    peak = _peak_mb()
    page.close()
    page.deleteLater()
    pages.clear()
    # processEvents() leaves deferred deletes alone: without this the 10,000-line page outlives the
    # benchmark and every later one pays for the garbage collector walking it
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [
        Figure(f"gui_equipment_open_{n}", opened, "ms", "load+check without GUI", baseline, "ratio <= 2",
               "to the equipment step painted"),
        Figure(f"gui_equipment_edit_{n}", edit_ms, "ms", target="value <= 50",
               note="one cell edit to totals repainted, median"),
        Figure(f"gui_equipment_peak_rss_{n}", peak, "MB", target="value <= 400", note="VmHWM of this process"),
    ]
