"""Run by tests/gui/test_geometry_screen.py in a process of its own, on an offscreen screen of a given size
(QT_QPA_PLATFORM=offscreen:configfile=...): opens the demo draft in the wizard, visits every step and prints,
as JSON, the screen's available geometry and where the windows, Back / Next and the status bar are."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def start_with_demo(folder: Path) -> tuple[Any, Any, Any, Any]:
    """(application, controller, drafts window, wizard on the demo draft), in Chinese, with the settings
    and the database in `folder`."""
    from PySide6.QtCore import QSettings

    from desktop.ui.application import make_app
    from desktop.ui.controller import Controller

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = make_app(sys.argv[:1])
    controller = Controller(str(folder / "drafts.sqlite3"), "zh")
    drafts = controller.show_drafts()
    controller.start()
    return app, controller, drafts, controller.open_demo()


def main(folder: Path) -> int:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    app, controller, drafts, wizard = start_with_demo(folder)

    def rect(r) -> list[int]:
        return [r.x(), r.y(), r.width(), r.height()]

    def on_screen(widget) -> list[int]:
        top_left = widget.mapToGlobal(QPoint(0, 0))
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    steps = []
    for i in range(len(wizard.form.steps)):
        wizard.go(i)
        for _ in range(5):
            app.processEvents()
        steps.append({"step": wizard.form.steps[i].id, "frame": rect(wizard.frameGeometry()),
                      "back": on_screen(wizard.back_button), "next": on_screen(wizard.next_button),
                      "status": on_screen(wizard.statusBar())})
    screen = wizard.screen() or QApplication.primaryScreen()
    print(json.dumps({"available": rect(screen.availableGeometry()), "drafts": rect(drafts.frameGeometry()),
                      "steps": steps}))
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
