"""The GUI's background jobs take the same Progress as the importers and the renderer: its reports reach
the UI thread as Qt signals, and cancelling the job stops the work (Cancelled) with nothing written."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.files import write_atomic
from desktop.progress import Progress
from desktop.ui.common.workers import Job


def test_a_cancelled_job_stops_and_writes_nothing(qtbot, tmp_path: Path) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    target = tmp_path / "out.txt"
    started = threading.Event()
    reached: list[int] = []
    outcome: list[str] = []
    shown: list[tuple[int, int]] = []

    def work(progress: Progress) -> None:
        assert isinstance(progress, Progress)
        lines = []
        for i in range(10_000):
            progress.report(i, 10_000, "lines")
            reached.append(i)
            started.set()
            threading.Event().wait(0.001)
            lines.append(str(i))
        write_atomic(target, "\n".join(lines).encode())

    job = Job(work, done=lambda _r: outcome.append("done"), failed=lambda e: outcome.append(f"failed {e!r}"),
              cancelled=lambda: outcome.append("cancelled"), progress=lambda d, t: shown.append((d, t)),
              owner=owner).start()
    assert started.wait(10)
    job.cancel()
    qtbot.waitUntil(lambda: job.finished, timeout=20000)
    assert outcome == ["cancelled"]
    assert job.cancelled and len(reached) < 10_000
    assert not target.exists()
    assert shown and shown[0] == (0, 10_000)  # the reports came through the Qt signal


def test_a_job_whose_window_closes_is_cancelled(qtbot) -> None:
    owner = QWidget()
    gate = threading.Event()
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        gate.wait(10)
        progress.report(1, 1, "end")  # raises Cancelled: the window is gone
        outcome.append("finished the work")

    job = Job(work, done=lambda _r: outcome.append("done"), cancelled=lambda: outcome.append("cancelled"),
              owner=owner).start()
    owner.deleteLater()
    qtbot.waitUntil(lambda: job.cancelled, timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: job.finished, timeout=20000)
    assert outcome == []  # no callback on a window that is gone, and the work stopped
