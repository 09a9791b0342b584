"""Killed at any moment, the program has already saved what was typed more than a second before.

The child process (tests/gui/kill_child.py) reports each key it typed and each autosave on stdout with
its time (time.monotonic(), one clock for both processes); the test kills it with SIGKILL and compares
the stored draft with those facts, never with a sleep.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

import pytest

from desktop.services.draft_store import DraftStore

TEXT = "steady typing is saved within a second of every key"
CEILING = 1.0  # the promise: a change is on disk within one second of being made


def _env(tmp_path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GRANT_ASSISTANT_HOME": str(tmp_path / "home"),
            "XDG_CONFIG_HOME": str(tmp_path / "config")}


def _child(tmp_path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.gui.kill_child", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path), text=True, encoding="utf-8",
    )


def _kill(child: subprocess.Popen[str]) -> str:
    """SIGKILL; what the child printed before it died."""
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL
    assert child.stdout is not None
    return child.stdout.read()


def _stored_name(db: str) -> str | None:
    store = DraftStore(db)
    try:
        (summary,) = store.list()
        return store.load(summary.id).draft.applicant.name
    finally:
        store.close()


def _expect(child: subprocess.Popen[str], word: str) -> list[str]:
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line.startswith(word):
        child.kill()
        raise AssertionError(f"expected {word}, got {line!r}; stderr: {child.stderr.read() if child.stderr else ''}")
    return line.split()


@pytest.mark.slow
def test_sigkill_once_an_edit_is_saved_keeps_the_edit(tmp_path):
    db = str(tmp_path / "drafts.sqlite3")
    for value in ("第一次 first", "第二次 second"):
        child = _child(tmp_path, db, value)
        try:
            _expect(child, "EDITED")
            _expect(child, "SAVED")  # the child says the edit is written: kill it at once
            _kill(child)
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


@dataclass
class _Reports:
    """What the typing child said: when each key went in, the most it reported saved, its last report."""

    keys: list[float] = field(default_factory=list)
    saved: int = 0
    last_report: float = 0.0  # the child's event loop was running then

    def note(self, line: str) -> None:  # "KEY n when" or "SAVED n when"
        word, count, when = line.split()
        self.last_report = max(self.last_report, float(when))
        if word == "KEY":
            self.keys.append(float(when))
        else:
            self.saved = max(self.saved, int(count))


@pytest.mark.slow
def test_sigkill_while_typing_steadily_loses_at_most_the_last_second(tmp_path):
    """A key every 250 ms (never a pause long enough for a plain debounce) and SIGKILL at random moments:
    every key typed more than a second before the child's last report is in the database, and so is
    everything the child reported saved."""
    db = str(tmp_path / "drafts.sqlite3")
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for round_ in range(5):
        stop_after = rng.randint(6, 16)  # keys typed before the kill (1.5 to 4 s of typing)
        child = _child(tmp_path, db, "--type", TEXT)
        heard = _Reports()
        keys = heard.keys
        try:
            _expect(child, "READY")
            assert child.stdout is not None
            while len(keys) < stop_after:
                line = child.stdout.readline()
                if not line:
                    raise AssertionError(child.stderr.read() if child.stderr else "the child ended")
                heard.note(line)
            time.sleep(rng.uniform(0, 0.25))  # somewhere between two keys
            for line in _kill(child).splitlines():
                heard.note(line)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        stored = _stored_name(db) or ""
        due = sum(1 for t in keys if t <= heard.last_report - CEILING)
        where = f"round {round_}, seed {seed}: {len(keys)} keys typed, {heard.saved} reported saved, stored {stored!r}"
        assert TEXT[: len(keys)].startswith(stored), where
        assert len(stored) >= heard.saved, where
        assert len(stored) >= due, where
        assert due >= 1, where  # the round typed long enough for the promise to matter
