"""Screenshots of the drafts window and every wizard step in both languages, the windows sized as they
open on a 1366×768 screen with a 40-pixel taskbar: `.venv/bin/python -m tests.gui.screenshots OUTDIR`
(offscreen; a private database and settings). The README's pictures are these (resources/screenshots)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


SCREEN = (1366, 768)
TASKBAR = 40


def main(out: Path) -> int:
    import time

    from PySide6.QtCore import QRect, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.application import make_app
    from desktop.ui.common import screen_fit
    from desktop.ui.controller import Controller

    area = QRect(0, 0, SCREEN[0], SCREEN[1] - TASKBAR)
    def available(window: object) -> QRect:  # the offscreen screen stands for a 1366×768 one
        return area

    screen_fit.available_geometry = available

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="grant-shots-"))
    os.environ["GRANT_ASSISTANT_HOME"] = str(tmp)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    make_app(sys.argv[:1])
    controller = Controller(str(tmp / "drafts.sqlite3"), "zh")
    drafts = controller.show_drafts()
    controller.start()

    def settle(seconds: float = 0.0) -> None:
        for _ in range(5):
            QApplication.processEvents()
        deadline = time.monotonic() + seconds  # the export step's preview renders in threads of its own
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)

    settle()
    drafts.grab().save(str(out / "drafts-empty-zh.png"))
    demo = controller.open_demo()
    fresh = controller.new_draft()
    blocked = controller.new_draft()
    blocked.session.set_value("applicant.center_level", "none")
    blocked.session.set_value("project.category", "open_source")
    blocked.session.check_now()
    shots = 1
    for lang in ("zh", "en"):
        controller.switch_language(lang)
        settle()
        drafts.grab().save(str(out / f"drafts-{lang}.png"))
        shots += 1
        for name, wizard in (("new-draft", fresh), ("eligibility-blocked", blocked)):
            wizard.go(0)
            settle()
            wizard.grab().save(str(out / f"{name}-{lang}.png"))
            shots += 1
        for i, step in enumerate(demo.form.steps):
            demo.go(i)
            settle(2.0 if step.id == "export" else 0.0)
            demo.grab().save(str(out / f"step{i + 1}-{step.id}-{lang}.png"))
            shots += 1
    demo.menus.save_revision("before the board meeting")  # then two edits for the panel to show
    demo.session.set_value("title", f"{demo.session.draft.title} · v2", mergeable=False)
    demo.session.set_value("equipment[1].quantity", 2, mergeable=False)
    for lang in ("zh", "en"):
        controller.switch_language(lang)
        panel = demo.menus.show_revisions()
        panel.list_view.selectRow(0)
        settle()
        panel.grab().save(str(out / f"revisions-{lang}.png"))
        panel.close()
        shots += 1
    size = f"{demo.width()}×{demo.height()}"
    print(f"{shots} screenshots in {out}, windows of {size} on a {SCREEN[0]}×{SCREEN[1]} screen")
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
