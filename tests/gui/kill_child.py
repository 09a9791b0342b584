"""The program as a child process for the kill tests.

`python -m tests.gui.kill_child DB VALUE`: starts the real program on DB (offscreen), opens the only draft
(creating it first if the database is empty), puts VALUE in the applicant's name through the session as
the form does, prints "EDITED", then "SAVED <length> <time>" when autosave has written it, and keeps
running until it is killed.

`python -m tests.gui.kill_child DB --type TEXT`: the same draft, its applicant's name emptied and saved
("READY"), then TEXT typed into the name field one key every 250 ms. Each key is reported as
"KEY <count> <time>" once the widget took it, each autosave as "SAVED <length> <time>" (the length of the
name written). Times are time.monotonic(), a clock the parent shares. It runs until it is killed.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
KEY_INTERVAL_MS = 250


def say(*words: object) -> None:
    print(*words, flush=True)


def main() -> int:
    from PySide6.QtCore import QTimer

    from desktop.ui.application import start

    db, value = sys.argv[1], sys.argv[2]
    typing = value == "--type"
    app, controller = start([sys.argv[0]], db=db, lang="en")

    def open_wizard():
        controller.start()
        rows = controller.drafts_window.model.rows
        wizard = controller.open_draft(rows[0].id) if rows else controller.new_draft()
        wizard.go_to_step("applicant")
        return wizard

    def report_saves(session) -> None:
        session.saved.connect(
            lambda _when: say("SAVED", len(session.draft.applicant.name or ""), repr(time.monotonic()))
        )

    def edit() -> None:
        wizard = open_wizard()
        report_saves(wizard.session)
        wizard.session.set_value("applicant.name", value)
        say("EDITED")

    def type_text() -> None:
        from PySide6.QtTest import QTest

        text = sys.argv[3]
        wizard = open_wizard()
        wizard.session.set_value("applicant.name", None)
        assert wizard.session.flush()
        line = wizard.current_page().rows["applicant.name"].editor.input
        line.setText("")
        line.setFocus()
        report_saves(wizard.session)
        say("READY")
        typed = 0

        def key() -> None:
            nonlocal typed
            if typed >= len(text):
                return
            QTest.keyClicks(line, text[typed])
            typed += 1
            say("KEY", typed, repr(time.monotonic()))

        timer = QTimer(app, interval=KEY_INTERVAL_MS)
        timer.timeout.connect(key)
        timer.start()

    QTimer.singleShot(0, type_text if typing else edit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
