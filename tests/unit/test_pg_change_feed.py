"""A change made elsewhere reaches a listener at once on PostgreSQL (LISTEN/NOTIFY through the r0006
triggers): a save, a status mark, a trash, a lease on another connection; SQLite has no feed (windows
poll); the listener survives its connection being cut."""

from __future__ import annotations

import queue
from pathlib import Path

from sqlalchemy import text

from desktop.domain.changes import SetValue
from desktop.storage import change_feed, team
from desktop.storage import repository as repo
from desktop.storage.database import open_database
from tests.unit.storage_helpers import demo

WAIT = 30  # seconds at most for a notice (it comes in milliseconds; never a timing assertion)


def _drain(got: queue.Queue[str]) -> list[str]:
    seen = []
    while not got.empty():
        seen.append(got.get_nowait())
    return seen


def test_saves_marks_trash_and_leases_elsewhere_are_heard(pg_url: str) -> None:
    got: queue.Queue[str] = queue.Queue()
    with open_database(pg_url) as mine, open_database(pg_url) as theirs:
        listener = change_feed.listen(mine, got.put, wait_seconds=0.2)
        assert listener is not None and listener.listening.wait(WAIT)
        try:
            with theirs.session() as s:
                draft_id = repo.create_draft(s, draft=demo()).id
            assert got.get(timeout=WAIT) == "drafts"
            with theirs.session() as s:  # a one-cell save by the other "machine"
                repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "改了"), expected_version=1)
            assert got.get(timeout=WAIT) == "drafts"
            with theirs.session() as s:
                team.set_review(s, draft_id=draft_id, state="review", author="李会计")
            assert got.get(timeout=WAIT) == "drafts"
            _drain(got)
            with theirs.session() as s:
                team.take_lease(s, draft_id=draft_id, holder="李会计", token="t-1")
            assert got.get(timeout=WAIT) == "draft_leases"
            with theirs.session() as s:
                repo.delete_draft(s, draft_id=draft_id)
            assert "drafts" in [got.get(timeout=WAIT), *_drain(got)]
            with theirs.session() as s:  # a read changes nothing: no notice
                repo.list_drafts(s)
            with theirs.session() as s:
                repo.restore_draft(s, draft_id=draft_id)
            assert got.get(timeout=WAIT) == "drafts" and _drain(got) == []
        finally:
            listener.stop()
        assert not listener.listening.is_set()


def test_the_listener_comes_back_after_its_connection_is_cut(pg_url: str) -> None:
    got: queue.Queue[str] = queue.Queue()
    with open_database(pg_url) as mine, open_database(pg_url) as theirs:
        listener = change_feed.listen(mine, got.put, wait_seconds=0.2, retry_seconds=0.2)
        assert listener is not None and listener.listening.wait(WAIT)
        try:
            with theirs.engine.begin() as conn:  # the server drops the listening connection
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"))
            with theirs.session() as s:
                repo.create_draft(s, draft=demo())
            # what happened while it was away is the polling's; the next change is heard again
            while True:
                assert listener.listening.wait(WAIT)
                with theirs.session() as s:
                    repo.create_draft(s, draft=demo())
                try:
                    assert got.get(timeout=2) == "drafts"
                    break
                except queue.Empty:
                    continue
        finally:
            listener.stop()


def test_sqlite_has_no_feed(tmp_path: Path) -> None:
    with open_database(str(tmp_path / "drafts.sqlite3")) as db:
        assert change_feed.listen(db, print) is None
