"""Killed a second after an edit, the program has already saved it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from desktop.ui.store import DraftStore


def test_sigkill_a_second_after_an_edit_keeps_the_edit(tmp_path):
    db = str(tmp_path / "drafts.sqlite3")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GRANT_ASSISTANT_HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    for value in ("第一次 first", "第二次 second"):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.kill_child", db, value],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8",
        )
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.strip() == "EDITED", child.stderr.read() if child.stderr else line
            time.sleep(1.0)
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=10) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        store = DraftStore(db)
        try:
            (summary,) = store.list()
            assert store.load(summary.id).draft.applicant.name == value
            assert summary.applicant == value
        finally:
            store.close()
