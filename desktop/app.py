"""Starting the desktop program: Qt application, fonts, translations, the first window."""

from __future__ import annotations

import sys


def run_gui(db: str | None = None) -> int:
    from desktop.ui.application import run

    return run(sys.argv[:1], db=db)
