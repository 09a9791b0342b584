"""Evidence files of a team database are shared through it (storage/file_blobs.py): attached on one
machine, packaged on another byte for byte; fetched in pieces and checked; freed when no draft uses them;
carried both ways by the database copy. SQLite keeps its files beside the database file only."""

from __future__ import annotations

import hashlib
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.services.db_copy import copy_database
from desktop.services.evidence_files import attach_to_stored, export_archive, purge_with_files, store_of
from desktop.storage import file_blobs, tables
from desktop.storage import repository as repo
from desktop.storage.database import Database, open_database
from desktop.storage.file_blobs import CHUNK, SharedFileStore
from desktop.storage.files_store import FileStore, StoreError
from tests.unit.storage_helpers import demo

# more than two pieces, and not a whole number of them
SCAN = bytes(range(256)) * (CHUNK // 256) * 2 + b"%%EOF tail of a scanned contract"


def _machine(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Another machine: another local data folder (and so another local file store)."""
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(home))


def _attached(db: Database, folder: Path, content: bytes = SCAN) -> tuple[int, str]:
    with db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    source = folder / "合同 扫描.pdf"
    source.write_bytes(content)
    item = attach_to_stored(db, draft_id, source, kind="contract", line=0)
    assert item.sha256
    return draft_id, item.sha256


def test_attached_on_one_machine_packaged_on_another_byte_identical(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _machine(monkeypatch, tmp_path / "a")
    with open_database(pg_url) as db:
        draft_id, digest = _attached(db, tmp_path)
        assert isinstance(store_of(db), SharedFileStore) and file_blobs.stored_count(db) == 1
    _machine(monkeypatch, tmp_path / "b")
    with open_database(pg_url) as db:
        store = store_of(db)
        assert not store.path_of(digest).exists()  # machine B has never seen the file
        missing = export_archive(db, draft_id, tmp_path / "b.zip")
    assert missing == []
    assert store.path_of(digest).read_bytes() == SCAN  # fetched into B's own store on demand
    with zipfile.ZipFile(tmp_path / "b.zip") as z:
        packed = [n for n in z.namelist() if digest in n]
        assert len(packed) == 1 and z.read(packed[0]) == SCAN
    assert hashlib.sha256(SCAN).hexdigest() == digest


def test_bytes_go_in_pieces_and_a_damaged_copy_is_refused(pg_url: str, tmp_path: Path) -> None:
    with open_database(pg_url) as db:
        _draft_id, digest = _attached(db, tmp_path)
        with db.engine.connect() as conn:
            sizes = [len(d) for (d,) in conn.execute(
                select(tables.file_chunks.c.data).where(tables.file_chunks.c.sha256 == digest)
                .order_by(tables.file_chunks.c.seq))]
        assert sizes == [CHUNK, CHUNK, len(SCAN) - 2 * CHUNK]
        assert file_blobs.digest_in_database(db, digest) == digest
        with db.engine.begin() as conn:
            conn.execute(update(tables.file_chunks).where(tables.file_chunks.c.seq == 1)
                         .values(data=b"x" * CHUNK))
        other = SharedFileStore(tmp_path / "other", db)
        with pytest.raises(StoreError, match="damaged in the team database"):
            other.read(digest)
        assert not other.path_of(digest).exists()  # nothing kept under that name


def test_a_file_no_draft_uses_is_freed_from_the_database(pg_url: str, tmp_path: Path) -> None:
    with open_database(pg_url) as db:
        first, shared = _attached(db, tmp_path)
        second, same = _attached(db, tmp_path)  # the same file on a second draft: kept once
        assert same == shared and file_blobs.stored_count(db) == 1
        later = time.time() + 2 * 3600
        for draft_id in (first, second):
            with db.session() as s:
                repo.delete_draft(s, draft_id=draft_id)
        assert purge_with_files(db, first, now=later) == []  # the other draft still uses it
        assert file_blobs.stored_count(db) == 1
        purge_with_files(db, second, now=later)
        assert file_blobs.stored_count(db) == 0 and file_blobs.digest_in_database(db, shared) is None


def test_a_file_only_just_stored_is_not_freed(pg_url: str, tmp_path: Path) -> None:
    with open_database(pg_url) as db:
        digest, _ = SharedFileStore(tmp_path / "s", db).add_bytes(b"an attachment being added")
        assert file_blobs.free_unused(db) == []  # no draft_files row yet: it is within its first hour
        assert file_blobs.free_unused(db, moment=time.time() + 2 * 3600) == [digest]


def test_sqlite_keeps_its_files_beside_the_database(tmp_path: Path) -> None:
    with open_database(str(tmp_path / "drafts.sqlite3")) as db:
        store = store_of(db)
        assert type(store) is FileStore and store.root == tmp_path / "files"
        _draft_id, digest = _attached(db, tmp_path)
        assert store.has(digest) and file_blobs.stored_count(db) == 0


def test_the_copy_carries_the_bytes_both_ways(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _machine(monkeypatch, tmp_path / "a")
    (tmp_path / "personal").mkdir()
    with open_database(str(tmp_path / "personal" / "drafts.sqlite3")) as home, open_database(pg_url) as team:
        _id, digest = _attached(home, tmp_path)
        there = copy_database(home, store_of(home), team, store_of(team))
        assert there.files == 1 and file_blobs.digest_in_database(team, digest) == digest
    _machine(monkeypatch, tmp_path / "b")  # a colleague copies the team's drafts to a file of their own
    (tmp_path / "mine").mkdir()
    with open_database(pg_url) as team, open_database(str(tmp_path / "mine" / "drafts.sqlite3")) as mine:
        assert not store_of(team).path_of(digest).exists()
        back = copy_database(team, store_of(team), mine, store_of(mine))
        assert (back.files, back.missing_files) == (1, [])
        assert store_of(mine).path_of(digest).read_bytes() == SCAN


def test_a_file_kept_only_locally_goes_to_the_database_when_asked_for(pg_url: str, tmp_path: Path) -> None:
    with open_database(pg_url) as db:
        local = FileStore(tmp_path / "a")  # e.g. invoice files imported into a draft file first
        digest, _ = local.add_bytes(SCAN)
        assert file_blobs.digest_in_database(db, digest) is None
        assert SharedFileStore(local.root, db).has(digest)
        assert file_blobs.digest_in_database(db, digest) == digest
        assert SharedFileStore(tmp_path / "b", db).read(digest) == SCAN
