"""Run by tests/gui/test_scaling.py in a process of its own (Qt reads QT_SCALE_FACTOR and the screen when
it starts), on an offscreen 1920×1080 screen (QT_QPA_PLATFORM=offscreen:configfile=...): opens the demo
draft, visits every wizard step and the drafts window, and prints as JSON, for each, the screen's available
geometry, the window's frame, every visible widget that leaves its window and every label, button and
check box narrower than its minimum size hint (its text clipped). With a folder as second argument it
saves each step as `scaled-<percent>-stepN-zh.png` there (and the drafts window as
`scaled-<percent>-drafts-zh.png`)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def _problems(top) -> dict[str, list[str]]:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea, QCheckBox, QLabel, QPushButton, QWidget

    def name(w) -> str:
        text = w.text() if hasattr(w, "text") else ""
        return f"{type(w).__name__}({w.objectName() or text[:30]!r})"

    outside, clipped = [], []
    bounds = top.rect()
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.window() is not top or w.visibleRegion().isEmpty():
            continue
        rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
        parent = w.parentWidget()
        while parent is not None and parent is not top:  # what a scroll area scrolls is clipped by its viewport
            grand = parent.parentWidget()
            if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
                rect = rect.intersected(QRect(parent.mapTo(top, QPoint(0, 0)), parent.size()))
            parent = grand
        if rect.isEmpty():
            continue
        if not bounds.contains(rect):
            outside.append(f"{name(w)} at {rect.getRect()} outside {bounds.getRect()}")
        if isinstance(w, QLabel | QPushButton | QCheckBox) and (w.text() or "").strip():
            hint = w.minimumSizeHint()
            if w.width() < hint.width() or w.height() < hint.height():
                clipped.append(f"{name(w)} {w.width()}x{w.height()} < {hint.width()}x{hint.height()}")
    return {"outside": outside, "clipped": clipped}


def main(folder: Path, shots: Path | None) -> int:
    from PySide6.QtWidgets import QApplication

    from tests.gui.geometry_child import start_with_demo

    app, controller, drafts, wizard = start_with_demo(folder)
    percent = round(float(os.environ.get("QT_SCALE_FACTOR", "1")) * 100)

    def settle() -> None:
        import time

        from desktop.ui.export.export_page import ExportPage

        deadline = time.monotonic() + 60  # the export step's preview renders in a thread of its own
        while time.monotonic() < deadline and any(
            p.job is not None and not p.job.finished for p in wizard.findChildren(ExportPage)
        ):
            app.processEvents()
            time.sleep(0.02)
        for _ in range(8):
            app.processEvents()

    def rect(r) -> list[int]:
        return [r.x(), r.y(), r.width(), r.height()]

    def save(widget, stem: str) -> None:
        if shots is not None:
            widget.grab().save(str(shots / f"scaled-{percent}-{stem}-zh.png"))

    windows = []
    for i in range(len(wizard.form.steps)):
        wizard.go(i)
        settle()
        windows.append({"window": f"step{i + 1}-{wizard.form.steps[i].id}", "frame": rect(wizard.frameGeometry()),
                        **_problems(wizard)})
        save(wizard, f"step{i + 1}")
    drafts.raise_()
    drafts.refresh()
    settle()
    windows.append({"window": "drafts", "frame": rect(drafts.frameGeometry()), **_problems(drafts)})
    save(drafts, "drafts")
    screen = wizard.screen() or QApplication.primaryScreen()
    print(json.dumps({"available": rect(screen.availableGeometry()), "ratio": screen.devicePixelRatio(),
                      "windows": windows}))
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
