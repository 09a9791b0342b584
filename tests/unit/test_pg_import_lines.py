"""`import-lines` of 数电发票 files keeps each invoice file in the store of the database --db names: on a team
(PostgreSQL) database in the database itself at import time, so a colleague's machine has the files
without ever seeing the folder they came from; on SQLite beside the database file, as the program does."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop import paths
from desktop.cli import main
from desktop.services.evidence_files import store_of
from desktop.storage import file_blobs
from desktop.storage.database import open_database
from desktop.storage.files_store import store_beside
from tests.unit.einvoices import Spec, write_ofd, write_xml

MACHINE = Spec("25442000000123456781", "2025-10-15",
               [("*机械设备*立式加工中心", "VMC850", "台", "1", "176991.15", "176991.15", "13%")],
               total="200000.00")
LASER = Spec("25442000000987654321", "2025-09-03",
              [("*仪器仪表*激光干涉仪", "XL-80", "套", "1", "150442.48", "150442.48", "13%")],
              total="170000.00")


def _invoices(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    files = [write_xml(folder / "25442000000123456781.xml", MACHINE),
             write_ofd(folder / "激光干涉仪 发票.ofd", LASER)]
    return {hashlib.sha256(f.read_bytes()).hexdigest(): f.read_bytes() for f in files}


def _import(db: str, folder: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["--db", db, "import-lines", str(paths.demo_draft_path()), str(folder), "-o", str(out), "--lang", "en"])
    assert code in (0, 1), capsys.readouterr().err
    return capsys.readouterr().out


def test_invoice_files_go_into_the_team_database_at_import(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "machine-a"))
    sent = _invoices(tmp_path / "发票")
    out = _import(pg_url, tmp_path / "发票", tmp_path / "new.json", capsys)
    assert "2 invoice files kept in the program's file store" in out
    with open_database(pg_url) as db:
        assert file_blobs.stored_count(db) == 2  # in the database now, not only in machine A's folder
        for digest in sent:
            assert file_blobs.digest_in_database(db, digest) == digest
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "machine-b"))  # a colleague's machine
    (tmp_path / "发票").rename(tmp_path / "moved")  # the folder the files came from is gone
    with open_database(pg_url) as db:
        store = store_of(db)
        for digest, content in sent.items():
            assert not store.path_of(digest).exists()
            assert store.read(digest) == content  # fetched from the database, byte for byte


def test_on_sqlite_the_files_stay_beside_the_database_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "home"))
    sent = _invoices(tmp_path / "发票")
    database = tmp_path / "team" / "drafts.sqlite3"
    database.parent.mkdir()
    _import(str(database), tmp_path / "发票", tmp_path / "new.json", capsys)
    beside = store_beside(database)
    assert all(beside.read(digest) == content for digest, content in sent.items())
    assert not database.exists()  # the draft file is imported into: the database is not made for it
    with open_database(str(database)) as db:  # and the database, opened later, finds them in its store
        assert all(store_of(db).has(digest) for digest in sent)
