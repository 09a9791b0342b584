"""Starting the desktop program: Qt application, fonts, translations, the first window."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(db: str | None = None, open_file: Path | None = None, smoke_test: bool = False) -> int:
    from desktop.ui.application import run

    if not (open_file or smoke_test):
        return run(sys.argv[:1], db=db)
    from desktop.ui import launch_options
    from desktop.ui.application import start

    app, controller = start(sys.argv[:1], db=db)
    if open_file is not None:
        launch_options.open_file(controller, open_file)
    if smoke_test:
        launch_options.smoke_test(controller, app.exit)
    return int(app.exec())
