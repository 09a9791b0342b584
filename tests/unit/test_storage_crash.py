"""Killed mid-write: a child process applies changes in a loop and is killed with SIGKILL at random
moments. After each kill the file passes `PRAGMA integrity_check` and the stored draft is exactly one
the child committed (or the one it was committing), never a mix. SQLite only: a killed server client
cannot damage the server's files (the two-process tests on PostgreSQL are in test_pg_team.py).

The child logs "P <fingerprint>" (fsynced) before each commit and "C <fingerprint>" after it, and
"C <fingerprint>" of the state it starts from; so the stored draft must be the last C or a P after it.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from desktop.domain.changes import RestoreLines
from desktop.domain.exchange import canonical_bytes
from desktop.domain.model import Draft
from desktop.storage import repository as repo
from desktop.storage.database import open_database
from tests.unit.storage_helpers import demo, random_change

ROUNDS = 25

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or "forkserver" not in multiprocessing.get_all_start_methods(),
    reason="needs forkserver and SIGKILL",
)


def fingerprint(draft: Draft) -> str:
    return hashlib.sha256(canonical_bytes(draft)).hexdigest()


def _log(fd: int, text: str) -> None:
    os.write(fd, text.encode())
    os.fsync(fd)


def child(path: str, log: str, seed: int) -> None:
    """Apply random changes (cells, line inserts, removals, moves, whole saves, revisions) forever."""
    db = open_database(path, keep_backups=0)
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    with db.session() as s:
        stored = repo.get_draft(s, draft_id=1)
    draft, version = stored.draft, stored.version
    _log(fd, f"C {fingerprint(draft)}\n")
    rng, counter = random.Random(seed), [seed * 100_000]
    while True:
        change = random_change(rng, draft, counter)
        whole = isinstance(change, RestoreLines)  # stands in for a whole-draft save here
        if whole:
            draft = copy.deepcopy(draft)
            draft.title = f"saved whole {counter[0]}"
            draft.equipment.reverse()
        else:
            change.apply(draft)
        _log(fd, f"P {fingerprint(draft)}\n")
        with db.session() as s:
            if whole:
                version = repo.save_draft(s, draft_id=1, draft=draft, expected_version=version)
                repo.snapshot(s, draft_id=1, reason="manual")
            else:
                version = repo.apply_change(s, draft_id=1, change=change, expected_version=version)
        _log(fd, f"C {fingerprint(draft)}\n")


def _allowed(log: Path) -> set[str]:
    entries = [line.split() for line in log.read_text().splitlines() if line.strip()]
    last_c = max(i for i, (kind, _) in enumerate(entries) if kind == "C")
    return {entries[last_c][1]} | {fp for kind, fp in entries[last_c + 1:] if kind == "P"}


def _check(path: Path, log: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        positions = [r[0] for r in con.execute("SELECT position FROM equipment_lines ORDER BY position")]
        count = con.execute("SELECT line_count FROM drafts").fetchone()[0]
        assert positions == list(range(count))
    finally:
        con.close()
    db = open_database(str(path), keep_backups=0)
    with db.session() as s:
        stored = repo.get_draft(s, draft_id=1).draft
    db.close()
    assert fingerprint(stored) in _allowed(log)


def _commits_after(log: Path, offset: int) -> int:
    with log.open("rb") as fh:
        fh.seek(offset)
        return sum(1 for line in fh.read().splitlines() if line.startswith(b"C "))


def test_killed_writer_leaves_a_committed_state(tmp_path: Path) -> None:
    path, log = tmp_path / "drafts.sqlite3", tmp_path / "commits.log"
    db = open_database(str(path), keep_backups=0)
    start = demo()
    start.equipment = [copy.copy(start.equipment[i % len(start.equipment)]) for i in range(200)]
    with db.session() as s:
        repo.create_draft(s, draft=start)
    db.close()
    log.write_text(f"C {fingerprint(start)}\n")
    # forkserver: children fork from a clean server process that has imported this module once, so they
    # start in milliseconds and do not inherit the test process's threads (Qt's, when GUI tests ran).
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    rng = random.Random(20260601)
    waited_for_commit = 0
    for round_ in range(ROUNDS):
        size = log.stat().st_size
        proc = ctx.Process(target=child, args=(str(path), str(log), round_ + 1), daemon=True)
        proc.start()
        deadline = time.monotonic() + 10
        while log.stat().st_size == size and time.monotonic() < deadline:  # the child has started
            time.sleep(0.002)
        # Half the rounds also wait for the child's first commit, so that commits between kills are
        # proven however loaded the machine is; the others may kill it before it commits anything.
        if round_ % 2 == 0:
            waited_for_commit += 1
            started = log.stat().st_size
            while _commits_after(log, started) == 0 and time.monotonic() < deadline:
                time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.15))
        assert proc.pid is not None
        with contextlib.suppress(ProcessLookupError):  # a child that died by itself fails the next line
            os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        assert proc.exitcode == -signal.SIGKILL
        _check(path, log)
    starts_and_commits = sum(1 for line in log.read_text().splitlines() if line.startswith("C "))
    # the initial state, one start per round, and at least one commit in every round that waited for one
    assert starts_and_commits >= 1 + ROUNDS + waited_for_commit
