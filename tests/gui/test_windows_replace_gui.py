"""The export step saving onto a PDF another program holds open (Windows): the message, in the user's
language, names the file and says to close it; the file and the folder are left as they were."""

from __future__ import annotations

import errno
import os

from desktop import files
from tests.gui.steps_support import demo_session, show


def test_export_step_says_to_close_the_open_file(qtbot, tmp_path, monkeypatch) -> None:
    from desktop.ui.export.export_page import ExportPage

    page = show(qtbot, ExportPage(demo_session()), 1000, 800)
    qtbot.waitUntil(lambda: page.job is not None and page.job.finished, timeout=20000)
    target = tmp_path / "申报书.pdf"
    target.write_bytes(b"open in a PDF reader")

    def replace(src, dst):
        exc = PermissionError(errno.EACCES, "being used by another process")
        exc.winerror = 32  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(files, "_sleep", lambda _: None)
    page.choose_save_path = lambda kind: str(target)
    page.buttons["pdf"].click()
    qtbot.waitUntil(lambda: page.job.finished, timeout=20000)
    error = page.last_error or ""
    assert str(target) in error
    assert ("其他程序打开" in error and "关闭" in error) if page.lang == "zh" else "open in another program" in error
    assert error in page.status.text()
    assert target.read_bytes() == b"open in a PDF reader"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
