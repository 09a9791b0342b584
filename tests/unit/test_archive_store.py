"""The file store: attaching copies a file in once by its SHA-256, the database knows which draft uses
which file, and purging a draft frees the files no other draft uses."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.model import Attachment, LineFile
from desktop.services.evidence_files import attach_file, attach_to_stored, purge_with_files, store_of
from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.draft_files import files_in_use, files_of
from desktop.storage.files_store import FileStore, StoreError
from tests.unit.builders import draft
from tests.unit.evidence_builders import evidenced_line
from tests.unit.storage_helpers import closing_db

LATER = time.time() + 7200  # past the grace period of files stored just now


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from closing_db(tmp_path / "home")


def _file(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_same_content_is_stored_once_by_its_digest(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    a = _file(tmp_path / "in", "合同.pdf", b"%PDF contract")
    b = _file(tmp_path / "in", "copy.pdf", b"%PDF contract")
    digest = hashlib.sha256(b"%PDF contract").hexdigest()
    assert store.add_file(a) == (digest, 13) == store.add_file(b)
    assert list(store.digests()) == [digest] and store.read(digest) == b"%PDF contract"
    assert store.path_of(digest) == tmp_path / "files" / digest[:2] / digest
    assert not list((tmp_path / "files" / "tmp").iterdir())
    with pytest.raises(ValueError):
        store.path_of("../../etc/passwd")


def test_only_ordinary_files_are_kept(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    target = _file(tmp_path / "in", "a.jpg", b"photo")
    link = tmp_path / "in" / "link.jpg"
    link.symlink_to(target)
    fifo = tmp_path / "in" / "pipe"
    os.mkfifo(fifo)
    for bad, needle in ((link, "link"), (fifo, "not an ordinary file"), (tmp_path / "in", "not an ordinary file"),
                        (tmp_path / "nope.pdf", "no such file")):
        with pytest.raises(StoreError, match=needle):
            store.add_file(bad)
    assert list(store.digests()) == []


def test_a_file_past_the_limit_is_refused_and_not_kept(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    big = _file(tmp_path / "in", "big.bin", b"x" * 5000)
    with pytest.raises(StoreError) as info:
        store.add_file(big, limit=4096)
    assert "larger than 4,096 bytes" in str(info.value) and "超过" in info.value.text("zh")
    assert list(store.digests()) == [] and not list((tmp_path / "files" / "tmp").iterdir())


def test_a_damaged_stored_file_is_reported(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    digest, _ = store.add_bytes(b"original")
    path = store.path_of(digest)
    path.chmod(0o644)
    path.write_bytes(b"changed")
    with pytest.raises(StoreError, match="damaged"):
        store.read(digest)


def test_attach_to_a_line_and_to_the_draft(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    d = draft([evidenced_line(0)])
    photo = _file(tmp_path / "in", "铭牌.jpg", b"\xff\xd8\xffphoto")
    item = attach_file(store, d, photo, kind="nameplate_photo", line=0)
    assert isinstance(item, LineFile) and d.equipment[0].files[-1] == item and item.name == "铭牌.jpg"
    licence = attach_file(store, d, _file(tmp_path / "in", "执照.pdf", b"%PDF lic"), kind="business_licence")
    assert isinstance(licence, Attachment) and d.attachments == [licence] and licence.size == 8
    before = len(d.equipment[0].files)
    for kwargs, needle in (({"kind": "photo", "line": 0}, "not a kind of line evidence"),
                           ({"kind": "invoice", "line": 3}, "line 4: the draft has 1 line"),
                           ({"kind": "nameplate_photo"}, "not an attachment kind")):
        with pytest.raises(StoreError, match=needle):
            attach_file(store, d, photo, **kwargs)
    assert len(d.equipment[0].files) == before


def test_stored_draft_knows_its_files_and_purge_frees_the_unshared(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        one = repo.create_draft(s, draft=draft([evidenced_line(0)], title="one")).id
        two = repo.create_draft(s, draft=draft([evidenced_line(1)], title="two")).id
    shared = _file(tmp_path / "in", "licence.pdf", b"%PDF shared licence")
    only = _file(tmp_path / "in", "photo.jpg", b"only in draft one")
    for draft_id in (one, two):
        attach_to_stored(db, draft_id, shared, kind="business_licence")
    digest_only = attach_to_stored(db, one, only, kind="nameplate_photo", line=0).sha256
    store = store_of(db)
    assert store.root == tmp_path / "home" / "files"
    with db.session() as s:
        assert digest_only in files_of(s, draft_id=one) and digest_only not in files_of(s, draft_id=two)
        got = repo.get_draft(s, draft_id=one).draft
        assert got.equipment[0].files[-1].sha256 == digest_only and got.attachments[0].name == "licence.pdf"
        repo.delete_draft(s, draft_id=one)
    # a file the draft stops using stays linked until the draft is purged (undo, revisions)
    assert purge_with_files(db, one, now=LATER) == [digest_only]
    assert not store.has(digest_only or "") and store.has(hashlib.sha256(b"%PDF shared licence").hexdigest())
    with db.session() as s:
        assert digest_only not in files_in_use(s)


def test_files_stored_in_the_last_hour_are_not_collected(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    digest, _ = store.add_bytes(b"just attached")
    assert store.collect(set()) == [] and store.has(digest)
    assert store.collect(set(), now=LATER) == [digest] and not store.has(digest)


def test_files_in_use_reads_past_a_damaged_draft(db: Database) -> None:
    d = draft([evidenced_line(0)])
    with db.session() as s:
        bad = repo.create_draft(s, draft=d).id
        s.connection().exec_driver_sql(
            "UPDATE equipment_lines SET files = CAST(X'5B7B22736861323536223A2261FF227D5D' AS TEXT) WHERE draft_id = ?",
            (bad,),
        )
    with db.session() as s:
        used = files_in_use(s)
    assert "a\ufffd" in used and evidenced_line(0).files[0].sha256 in used  # the table still knows it
