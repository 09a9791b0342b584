"""Screenshots of the drafts window and every wizard step in both languages:
`.venv/bin/python -m tests.gui.screenshots OUTDIR` (offscreen; a private database and settings)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.application import make_app
    from desktop.ui.controller import Controller

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="grant-shots-"))
    os.environ["GRANT_ASSISTANT_HOME"] = str(tmp)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    make_app(sys.argv[:1])
    controller = Controller(str(tmp / "drafts.sqlite3"), "zh")
    drafts = controller.show_drafts()
    drafts.resize(1100, 560)
    controller.start()

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()

    settle()
    drafts.grab().save(str(out / "drafts-empty-zh.png"))
    demo = controller.open_demo()
    blocked = controller.new_draft()
    blocked.session.set_value("applicant.center_level", "none")
    blocked.session.set_value("project.category", "open_source")
    blocked.session.check_now()
    for window in (demo, blocked):
        window.resize(1180, 780)
    shots = 0
    for lang in ("zh", "en"):
        controller.switch_language(lang)
        settle()
        drafts.grab().save(str(out / f"drafts-{lang}.png"))
        blocked.go(0)
        settle()
        blocked.grab().save(str(out / f"eligibility-blocked-{lang}.png"))
        for i, step in enumerate(demo.form.steps):
            demo.go(i)
            settle()
            demo.grab().save(str(out / f"step{i + 1}-{step.id}-{lang}.png"))
            shots += 1
    print(f"{shots + 5} screenshots in {out}")
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
