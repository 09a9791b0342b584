"""Several people at once, on both backends where it makes sense and between real processes on
PostgreSQL: the version counter refuses a stale save across processes and nothing is lost; a killed
editor's lease runs out; authors and the review step are recorded; the change token moves."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest

from desktop import paths
from desktop.domain.changes import SetValue, line_path
from desktop.storage import repository as repo
from desktop.storage import team
from desktop.storage.database import Database, open_database
from desktop.storage.records import now
from tests import pg_support
from tests.unit.storage_helpers import demo, edit_until_stored

EDITS = 25


def _editor(url: str, draft_id: int, k: int, out: multiprocessing.Queue) -> None:
    """One process: EDITS edits of its own line, each retried after a refusal (reload, then apply)."""
    with open_database(url) as db:
        conflicts = sum(edit_until_stored(db, draft_id, SetValue(line_path(k, "invoice_number"), f"{k}-{i}"))
                        for i in range(EDITS))
    out.put((k, conflicts))


def test_two_processes_editing_one_draft_conflict_and_lose_nothing(pg_url: str) -> None:
    with open_database(pg_url) as db, db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    ctx = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = ctx.Queue()
    procs = [ctx.Process(target=_editor, args=(pg_url, draft_id, k, out)) for k in (0, 1)]
    for p in procs:
        p.start()
    results = dict(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0, 0]
    with open_database(pg_url) as db, db.session() as s:
        stored = repo.get_draft(s, draft_id=draft_id)
    assert stored.version == 1 + 2 * EDITS  # every edit stored once, none overwritten
    assert [line.invoice_number for line in stored.draft.equipment[:2]] == [f"0-{EDITS - 1}", f"1-{EDITS - 1}"]
    assert set(results) == {0, 1}  # the refusals they met (may be 0 when the two never overlapped)


def test_a_stale_save_from_another_process_is_refused(pg_url: str) -> None:
    with open_database(pg_url) as db, db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    script = textwrap.dedent(f"""
        from desktop.domain.changes import SetValue
        from desktop.storage import repository as repo
        from desktop.storage.database import open_database
        with open_database({pg_url!r}) as db, db.session() as s:
            repo.apply_change(s, draft_id={draft_id}, change=SetValue("title", "他人的修改"), expected_version=1)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=paths.PROJECT_ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    with open_database(pg_url) as db:
        with pytest.raises(repo.ConflictError) as err, db.session() as s:
            repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "我的修改"), expected_version=1)
        assert err.value.current_version == 2
        with db.session() as s:
            assert repo.get_draft(s, draft_id=draft_id).draft.title == "他人的修改"


LEASE_SCRIPT = """
import sys, time
from desktop.storage import team
from desktop.storage.database import open_database
db = open_database(sys.argv[1])
with db.session() as s:
    team.take_lease(s, draft_id=int(sys.argv[2]), holder="小王", token="editor-1", seconds=int(sys.argv[3]))
print("held", flush=True)
time.sleep(600)
"""


def test_a_killed_editors_lease_runs_out(backend_db: Database) -> None:
    db = backend_db
    with db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    proc = subprocess.Popen([sys.executable, "-c", LEASE_SCRIPT, db.location, str(draft_id), "60"],
                            cwd=paths.PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with db.session() as s:
            info = team.team_info(s)[draft_id]
            assert info.editing is not None and info.editing.holder == "小王"
            other = team.take_lease(s, draft_id=draft_id, holder="小李", token="editor-2")
            assert other.token == "editor-1"  # refused: shown as taken by 小王 since then
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    later = now() + timedelta(seconds=61)  # nobody renews a dead editor's lease
    with db.session() as s:
        assert team.team_info(s, at=later)[draft_id].editing is None
        mine = team.take_lease(s, draft_id=draft_id, holder="小李", token="editor-2", at=later)
        assert (mine.token, mine.holder) == ("editor-2", "小李")
        assert team.renew_lease(s, draft_id=draft_id, token="editor-2", at=later)
        assert not team.renew_lease(s, draft_id=draft_id, token="editor-1", at=later)
        team.release_lease(s, draft_id=draft_id, token="editor-2")
        assert team.live_leases(s, at=later) == {}


def test_authors_review_and_approval_are_recorded(backend_db: Database) -> None:
    db = backend_db
    team.set_author("张会计")
    try:
        with db.session() as s:
            draft_id = repo.create_draft(s, draft=demo()).id
            repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "新标题"), expected_version=1)
            repo.snapshot(s, draft_id=draft_id, reason="manual")
        team.set_author("李经理")
        with db.session() as s:
            assert team.set_review(s, draft_id=draft_id, state="review", author="张会计") == "张会计"
            team.set_review(s, draft_id=draft_id, state="approved")
        with db.session() as s:
            info = team.team_info(s)[draft_id]
            revisions = repo.list_revisions(s, draft_id=draft_id)
        assert info.updated_by == "张会计"
        assert (info.review_state, info.review_by) == ("approved", "李经理") and info.review_at is not None
        assert [(r.reason, r.author) for r in revisions] == [
            ("approved", "李经理"), ("review", "张会计"), ("manual", "张会计")]
        with db.session() as s, pytest.raises(ValueError):
            team.set_review(s, draft_id=draft_id, state="done")
        with db.session() as s, pytest.raises(repo.DraftNotFound):
            team.set_review(s, draft_id=draft_id + 99, state="review")
    finally:
        team.set_author(None)


def test_the_database_user_is_the_default_author_on_a_server(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANT_ASSISTANT_AUTHOR", raising=False)
    user = pg_support.server_url().username  # type: ignore[union-attr]
    with open_database(pg_url) as db, db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
        assert repo.snapshot(s, draft_id=draft_id, reason="manual").author == user
        assert team.team_info(s)[draft_id].updated_by == user


def test_the_change_token_moves_with_every_kind_of_change(backend_db: Database) -> None:
    db = backend_db
    seen = []

    def token() -> object:
        with db.session() as s:
            return team.change_token(s)

    with db.session() as s:
        repo.create_draft(s, draft=demo())
    seen.append(token())
    with db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    seen.append(token())
    with db.session() as s:
        repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "x"), expected_version=1)
    seen.append(token())
    with db.session() as s:
        team.set_review(s, draft_id=draft_id, state="review")
    seen.append(token())
    with db.session() as s:
        team.take_lease(s, draft_id=draft_id, holder="a", token="t")
    seen.append(token())
    with db.session() as s:
        repo.delete_draft(s, draft_id=draft_id)
    seen.append(token())
    with db.session() as s:
        repo.purge_draft(s, draft_id=draft_id)
    seen.append(token())
    assert all(a != b for a, b in zip(seen, seen[1:], strict=False))  # each step seen by a polling window
    assert seen[-1] == seen[0]  # purged: the list is as it was at first, and the token says so
    assert token() == seen[-1]  # nothing changed: the same token
