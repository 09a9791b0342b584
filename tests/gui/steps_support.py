"""Helpers shared by the tests of the equipment, attachments, review and export steps."""

from __future__ import annotations

from datetime import date

from desktop import paths
from desktop.services.checking import read_draft_file
from desktop.ui.wizard.session import DraftSession

AS_OF = date(2026, 6, 1)


def demo_session() -> DraftSession:
    return DraftSession(read_draft_file(paths.demo_draft_path()), as_of=AS_OF)


def show(qtbot, widget, width: int = 1400, height: int = 700):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    with qtbot.waitActive(widget, timeout=3000):
        widget.show()
        widget.activateWindow()
    return widget
