"""The program as a child process for the kill test: `python -m tests.gui.kill_child DB VALUE`.

Starts the real program on DB (offscreen), opens the only draft (creating it first if the database is
empty), types VALUE into the applicant's name through the session as the form does, prints "EDITED"
and keeps running until it is killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QTimer

    from desktop.ui.application import start

    db, value = sys.argv[1], sys.argv[2]
    app, controller = start([sys.argv[0]], db=db, lang="en")

    def edit() -> None:
        controller.start()
        rows = controller.drafts_window.model.rows
        wizard = controller.open_draft(rows[0].id) if rows else controller.new_draft()
        wizard.go_to_step("applicant")
        wizard.session.set_value("applicant.name", value)
        print("EDITED", flush=True)

    QTimer.singleShot(0, edit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
