"""Two engines on one database (two windows, two processes), on SQLite and PostgreSQL: a stale save is
refused, never lost."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from desktop.domain.changes import SetValue, line_path
from desktop.domain.exchange import dumps
from desktop.storage import repository as repo
from desktop.storage.database import open_database
from tests import pg_support
from tests.unit.storage_helpers import demo, edit_until_stored, stored_text


def test_stale_version_from_another_engine_is_a_conflict(backend: str, tmp_path: Path) -> None:
    path = pg_support.location(backend, tmp_path)
    first, second = open_database(path), open_database(path)
    with first.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    with first.session() as a, second.session() as b:
        seen_a = repo.get_draft(a, draft_id=draft_id)
        seen_b = repo.get_draft(b, draft_id=draft_id)
    assert seen_a.version == seen_b.version == 1
    with first.session() as s:
        repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "窗口一"), expected_version=1)
    kept = stored_text(first, draft_id)
    with pytest.raises(repo.ConflictError) as err, second.session() as s:
        repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "窗口二"), expected_version=1)
    assert err.value.current_version == 2 and err.value.expected_version == 1
    with pytest.raises(repo.ConflictError), second.session() as s:
        repo.save_draft(s, draft_id=draft_id, draft=seen_b.draft, expected_version=1)
    assert stored_text(second, draft_id) == kept
    with second.session() as s:  # the second window reloads and goes on
        fresh = repo.get_draft(s, draft_id=draft_id)
        assert fresh.draft.title == "窗口一"
        repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "窗口二"), expected_version=fresh.version)
    first.close()
    second.close()


def test_two_writers_at_once_lose_nothing(backend: str, tmp_path: Path) -> None:
    path = pg_support.location(backend, tmp_path)
    engines = [open_database(path), open_database(path)]
    with engines[0].session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    conflicts = [0, 0]

    def writer(k: int) -> None:
        for i in range(30):
            change = SetValue(line_path(k, "invoice_number"), f"{k}-{i}")
            conflicts[k] += edit_until_stored(engines[k], draft_id, change)

    threads = [threading.Thread(target=writer, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with engines[1].session() as s:
        stored = repo.get_draft(s, draft_id=draft_id)
    assert stored.version == 61  # every change counted once: none silently overwritten
    assert [line.invoice_number for line in stored.draft.equipment[:2]] == ["0-29", "1-29"]
    expected = demo()
    expected.equipment[0].invoice_number, expected.equipment[1].invoice_number = "0-29", "1-29"
    assert dumps(stored.draft) == dumps(expected)
    for db in engines:
        db.close()


def _open_and_close(path: str) -> None:
    open_database(path).close()


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="needs forkserver")
def test_programs_opening_a_new_database_at_once_create_it_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("forkserver")  # fast starts, none of this process's threads
    ctx.set_forkserver_preload([__name__])
    for round_ in range(3):
        path = str(tmp_path / f"new-{round_}.sqlite3")
        procs = [ctx.Process(target=_open_and_close, args=(path,)) for _ in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        assert [p.exitcode for p in procs] == [0, 0, 0, 0]
        db = open_database(path)
        with db.session(write=True) as s:
            assert repo.list_drafts(s) == []
        db.close()
