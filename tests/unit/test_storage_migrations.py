"""Migrations: a database made by the first schema opens (and upgrades, after a backup, once there are
later revisions); a failed upgrade leaves the file as it was (SQLite files: the first schema only ever
shipped as one). Every revision runs down and up again on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect as sa_inspect

from desktop.domain.exchange import dumps, loads
from desktop.storage import database
from desktop.storage import repository as repo
from desktop.storage.database import DatabaseError, open_database
from tests.unit.storage_helpers import demo, stored_text

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "storage-r0001.sql"
DAY = date(2026, 6, 1)


def _first_schema_db(folder: Path) -> Path:
    path = folder / "drafts.sqlite3"
    con = sqlite3.connect(path)
    con.executescript(FIXTURE.read_text(encoding="utf-8"))
    con.close()
    return path


def _revision_of(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def _snapshot_in(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT snapshot FROM revisions").fetchone()[0])
    finally:
        con.close()


LATER = "9999"


def _later_migrations(tmp_path: Path, body: str) -> Path:
    """This program's migrations plus a revision 9999 (after the head) with `body` as its upgrade."""
    folder = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = database.known_revisions()[1]
    (folder / "versions" / "r9999_later.py").write_text(
        '"""A later schema (test only)."""\n\nimport sqlalchemy as sa\nfrom alembic import op\n\n'
        f'revision = "{LATER}"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n\n\n'
        f"def upgrade() -> None:\n{body}\n\n\ndef downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return folder


def test_first_schema_database_opens_with_its_drafts(tmp_path: Path) -> None:
    path = _first_schema_db(tmp_path)
    expected = _snapshot_in(path)
    db = open_database(str(path), today=DAY)
    with db.session() as s:
        (summary,) = repo.list_drafts(s)
        assert dumps(repo.get_draft(s, draft_id=summary.id).draft) == expected
        assert [r.label for r in repo.list_revisions(s, draft_id=summary.id)] == ["fixture"]
    db.close()
    assert str(loads(expected).equipment[0].unit_price) == "1.005"


def test_older_schema_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _first_schema_db(tmp_path)
    expected = _snapshot_in(path)
    body = '    op.add_column("drafts", sa.Column("note", sa.String(), nullable=True))'
    monkeypatch.setattr(database, "MIGRATIONS", _later_migrations(tmp_path, body))
    db = open_database(str(path), today=DAY)
    with db.session() as s:
        (summary,) = repo.list_drafts(s)
        assert dumps(repo.get_draft(s, draft_id=summary.id).draft) == expected
        columns = [r[1] for r in s.connection().exec_driver_sql("PRAGMA table_info(drafts)")]
        assert "note" in columns
    db.close()
    assert _revision_of(path) == LATER
    backup = tmp_path / "backups" / "drafts-2026-06-01-before-upgrade-0001.sqlite3"
    assert _revision_of(backup) == "0001" and _snapshot_in(backup) == expected
    open_database(str(path), today=DAY).close()  # now current: no second upgrade backup
    assert len(list((tmp_path / "backups").glob("*before-upgrade*"))) == 1


def test_failed_upgrade_leaves_the_database_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _first_schema_db(tmp_path)
    body = (
        '    op.add_column("drafts", sa.Column("note", sa.String(), nullable=True))\n'
        '    raise RuntimeError("disk on fire")'
    )
    monkeypatch.setattr(database, "MIGRATIONS", _later_migrations(tmp_path, body))
    with pytest.raises(DatabaseError, match="failed and was undone: disk on fire"):
        open_database(str(path), today=DAY)
    assert _revision_of(path) == "0001"
    con = sqlite3.connect(path)
    assert "note" not in [r[1] for r in con.execute("PRAGMA table_info(drafts)")]
    con.close()


def test_revisions_read_without_alembic_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(database.alembic_config())
    known, head = database.known_revisions()
    assert known == {r.revision for r in script.walk_revisions()}
    assert head == script.get_current_head()


def test_every_migration_runs_down_and_up_again_on_both_backends(db: database.Database) -> None:
    """Each revision's downgrade undoes its upgrade, on SQLite and on PostgreSQL: from the head down to
    nothing and back, and the tables are then those of tables.py again and take a draft."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop.storage.tables import metadata

    _known, head = database.known_revisions()
    with db.engine.begin() as conn:
        cfg = database.alembic_config(conn)
        command.downgrade(cfg, "base")
        assert "drafts" not in sa_inspect(conn).get_table_names()
        command.upgrade(cfg, "head")
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    with db.session() as s:
        stored = repo.create_draft(s, draft=demo())
    assert stored.version == 1 and stored_text(db, stored.id) == dumps(demo())
