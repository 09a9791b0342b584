"""PostgreSQL as a backend (the throwaway server of .ci/pg; skipped loudly without one): the migrations
from nothing, 64-bit money, text with backslashes read as bytes, the CLI with --db URL, the backup note,
export-all and copy-db between SQLite and PostgreSQL checked by SHA-256."""

from __future__ import annotations

import hashlib
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from desktop.cli import main
from desktop.domain.model import Draft, Invoice
from desktop.services.db_copy import copy_database
from desktop.services.evidence_files import attach_to_stored, store_of
from desktop.services.team_export import backup_note, export_all
from desktop.storage import repository as repo
from desktop.storage.database import known_revisions, open_database
from desktop.storage.draft_files import files_in_use
from desktop.storage.evidence_index import invoice_numbers_elsewhere
from desktop.storage.files_store import FileStore
from tests import pg_support
from tests.unit.evidence_builders import evidenced_line
from tests.unit.storage_helpers import demo, new_db, odd_draft


@pytest.fixture
def empty_pg() -> object:
    url = pg_support.fresh_url(migrated=False)
    yield url
    pg_support.drop(url)


def test_migrations_run_from_nothing_to_the_head(empty_pg: str) -> None:
    with open_database(empty_pg) as db:
        assert db.path is None and not db.read_only and db.engine.dialect.name == "postgresql"
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == known_revisions()[1]
        columns = {c["name"]: c["type"] for c in inspect(db.engine).get_columns("equipment_lines")}
        assert str(columns["unit_price_fen"]) == "BIGINT" and str(columns["quantity"]) == "BIGINT"
        assert "files" in columns and "contract_number" in columns
    with open_database(empty_pg) as again:  # current now: opened without a second upgrade
        assert again.warnings == []


def test_money_beyond_32_bits_and_odd_values_round_trip(pg_url: str) -> None:
    draft = odd_draft()
    draft.equipment[0].unit_price = Decimal("92233720368547758.07")  # 2**63 - 1 fen: still exact in BIGINT
    draft.equipment[1].quantity = 5_000_000_000
    with open_database(pg_url) as db:
        with db.session() as s:
            stored = repo.create_draft(s, draft=draft)
        with db.session() as s:
            got = repo.get_draft(s, draft_id=stored.id).draft
    assert got == draft and str(got.equipment[0].unit_price) == "92233720368547758.07"


def test_texts_with_backslashes_read_as_bytes(pg_url: str) -> None:
    first = Draft(title="A\\B 公司", equipment=[evidenced_line(1)])
    first.equipment[0].invoices = [Invoice("INV\\7", None, None)]
    first.equipment[0].invoice_number = "C:\\n\\x00"
    with open_database(pg_url) as db, db.session() as s:
        a = repo.create_draft(s, draft=first)
        found = invoice_numbers_elsewhere(s, draft_id=None)
        assert found and set(found.values()) == {"A\\B 公司"}
        assert invoice_numbers_elsewhere(s, draft_id=a.id) == {}
        assert files_in_use(s) >= {f.sha256 for f in first.equipment[0].files}


def test_cli_with_a_postgresql_url_and_the_backup_note(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop import paths

    assert main(["--db", pg_url, "drafts", "import", str(paths.demo_draft_path())]) == 0
    assert capsys.readouterr().out == "1\n"
    assert main(["--db", pg_url, "drafts", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert [d["id"] for d in json.loads(out)] == [1]
    assert "backups of a server database are the server's" in err and "export-all" in err
    with open_database(pg_url) as db:
        assert "pg_dump" in backup_note(db) and "备份" in backup_note(db, "zh")


def test_sqlite_has_no_server_backup_note(tmp_path: Path) -> None:
    with new_db(tmp_path) as db:
        assert backup_note(db) == ""


def _with_files(db_location: str, folder: Path, n: int = 2) -> list[int]:
    ids = []
    with open_database(db_location) as db:
        for k in range(n):
            with db.session() as s:
                d = demo()
                d.title = f"草稿 {k} \\ 甲"
                stored = repo.create_draft(s, draft=d)
                repo.snapshot(s, draft_id=stored.id, reason="manual", label=f"first {k}")
            evidence = folder / f"合同{k}.pdf"
            evidence.write_bytes(b"%PDF-1.4 contract " + bytes([k]) * 100)
            attach_to_stored(db, stored.id, evidence, kind="contract", line=0)
            ids.append(stored.id)
        with db.session() as s:
            repo.delete_draft(s, draft_id=ids[-1])
    return ids


def test_export_all_holds_every_draft_revision_and_file(pg_url: str, tmp_path: Path) -> None:
    _with_files(pg_url, tmp_path)
    out = tmp_path / "all.zip"
    with open_database(pg_url) as db:
        done = export_all(db, store_of(db), out)
    assert (done.drafts, done.files, done.skipped, done.missing) == (2, 2, [], [])
    assert done.revisions == 2  # the manual one of each
    with zipfile.ZipFile(out) as z:
        manifest = json.loads(z.read("manifest.json"))
        assert [d["deleted"] for d in manifest["drafts"]] == [False, True]
        for f in manifest["files"]:
            assert hashlib.sha256(z.read(f"files/{f['sha256']}")).hexdigest() == f["sha256"]
        for d in manifest["drafts"]:
            assert json.loads(z.read(d["draft"]))["title"] == d["title"]
            assert all(z.read(r["snapshot"]) for r in d["revisions"])


def test_copy_sqlite_to_postgresql_and_back_checked(pg_url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    personal = str(tmp_path / "personal" / "drafts.sqlite3")
    (tmp_path / "personal").mkdir()
    _with_files(personal, tmp_path)
    assert main(["drafts", "copy-db", "--from", personal, "--to", pg_url]) == 0
    assert "copied 2 drafts, 2 revisions, 2 files" in capsys.readouterr().out
    back = str(tmp_path / "back" / "drafts.sqlite3")
    with open_database(pg_url) as team, open_database(back) as home:
        report = copy_database(team, store_of(team), home, FileStore(tmp_path / "back" / "files"))
        assert (report.drafts, report.revisions) == (2, 2)
        with team.session() as s1, home.session() as s2:
            for old, new in report.ids.items():
                a, b = repo.get_draft(s1, draft_id=old), repo.get_draft(s2, draft_id=new)
                assert a.draft == b.draft and a.deleted_at == b.deleted_at and a.version == b.version
                assert [r.label for r in repo.list_revisions(s1, draft_id=old)] == [
                    r.label for r in repo.list_revisions(s2, draft_id=new)]
        with open_database(personal) as src, src.session() as s3:
            assert len(repo.list_drafts(s3)) + len(repo.list_drafts(s3, trash=True)) == 2
