"""Screenshots of the equipment, attachments, review and export steps in both languages, with the demo
draft and a 10,000-line draft: `.venv/bin/python -m tests.gui.steps_screenshots OUTDIR` (offscreen)."""

from __future__ import annotations

import copy
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.application import register_fonts
    from desktop.ui.attachments.attachments_page import AttachmentsPage
    from desktop.ui.equipment.equipment_page import EquipmentPage
    from desktop.ui.export.export_page import ExportPage
    from desktop.ui.review.review_page import ReviewPage
    from desktop.ui.wizard.session import DraftSession
    from tests.gui.steps_support import AS_OF, demo_session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    register_fonts(app)
    out.mkdir(parents=True, exist_ok=True)
    demo = demo_session()
    big_draft = copy.deepcopy(demo.draft)
    big_draft.equipment = []
    for i in range(10_000):
        line = copy.copy(demo.draft.equipment[i % len(demo.draft.equipment)])
        line.name = f"{line.name} {i + 1}"
        line.invoice_number = f"{25442000000000000000 + i}"
        big_draft.equipment.append(line)
    big = DraftSession(big_draft, as_of=AS_OF)
    files = Path(tempfile.mkdtemp(prefix="steps-shots-"))
    for name, size in (("营业执照.pdf", 120_000), ("采购合同-001.pdf", 480_000), ("发票-0001.pdf", 64_000)):
        (files / name).write_bytes(os.urandom(size))

    def settle(widget, jobs=()) -> None:
        for job in jobs:
            while job is not None and not job.finished:
                app.processEvents()
        for _ in range(5):
            app.processEvents()

    for label, session in (("demo", demo), ("10k", big)):
        for cls, name in ((EquipmentPage, "equipment"), (ReviewPage, "review")):
            page = cls(session)
            page.resize(1400, 760)
            page.show()
            for lang in ("zh", "en"):
                page.retranslate(lang)
                settle(page)
                page.grab().save(str(out / f"{name}-{label}-{lang}.png"))
            page.close()
    attachments = AttachmentsPage(demo)
    attachments.resize(1300, 420)
    attachments.show()
    settle(attachments, [attachments.add_files(sorted(files.iterdir()))])
    (files / "发票-0001.pdf").write_bytes(b"changed")
    settle(attachments, [attachments.verify()])
    for lang in ("zh", "en"):
        attachments.retranslate(lang)
        settle(attachments)
        attachments.grab().save(str(out / f"attachments-demo-{lang}.png"))
    for lang in ("zh", "en"):
        export = ExportPage(demo)
        export.resize(1000, 800)
        export.retranslate(lang)
        export.show()
        settle(export, [export.job])
        deadline = time.monotonic() + 2.0  # QPdfView renders its pages in threads of its own
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        export.grab().save(str(out / f"export-demo-{lang}.png"))
        export.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
