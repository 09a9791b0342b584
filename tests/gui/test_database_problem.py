"""A drafts database that cannot be used: a clear message, the newest good backup offered, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.services.draft_store import DraftStore
from desktop.storage import backups
from tests.gui.helpers import answer_with, click_button, on_next_box


def stored_with_demo(db: Path, demo_path: Path) -> None:
    store = DraftStore(str(db))
    store.import_file(demo_path)
    store.close()


def backup_only(db: Path, demo_path: Path) -> None:
    """A backup holding the demo draft, and nothing (no file, no -wal, no -shm) in `db`'s place."""
    stored_with_demo(db, demo_path)
    backups.copy_database(db, backups.backup_folder(db) / "drafts-2025-06-01.sqlite3")
    for companion in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        companion.unlink(missing_ok=True)


def test_a_garbage_file_offers_the_backup_and_restores_it(qtbot, start_program, tmp_path, demo_path):
    db = tmp_path / "drafts.sqlite3"
    backup_only(db, demo_path)
    noise = bytes(range(1, 256)) * 4  # binary noise in our file's place: damage (text would be a foreign file)
    db.write_bytes(noise)
    seen: list[str] = []
    answer_with("Restore the backup", seen)
    controller = start_program("en", db=str(db))
    (text,) = seen
    assert "damaged" in text and "not an SQLite database file" in text and "backup" in text
    assert "Traceback" not in text
    assert controller.drafts_window.isVisible()
    assert [row.applicant for row in controller.drafts_window.model.rows] == ["广州示例智能制造创新中心有限公司"]
    kept = tmp_path / "drafts.sqlite3.damaged-1"
    assert kept.read_bytes() == noise


def test_a_foreign_file_is_explained_and_left_alone(qtbot, start_program, tmp_path):
    db = tmp_path / "drafts.sqlite3"
    db.write_bytes(b"garbage" * 100)
    seen: list[str] = []
    answer_with("Quit", seen)
    controller = start_program("en", db=str(db))
    (text,) = seen
    assert "not a grant-assistant drafts database" in text and "file was not changed" in text
    assert "No backup" not in text  # no restore is offered for a file that is not ours, so none is looked for
    assert not controller.drafts_window.isVisible()
    assert controller._store is None
    assert db.read_bytes() == b"garbage" * 100


def test_damage_without_backup_says_none_was_found(qtbot, start_program, tmp_path):
    db = tmp_path / "drafts.sqlite3"
    db.write_bytes(b"")  # emptied: what it held is lost, and it is never silently a new database
    os.utime(db, (0, 0))  # long ago (a file only just made may be another program creating it)
    seen: list[str] = []
    answer_with("Quit", seen)
    controller = start_program("en", db=str(db))
    (text,) = seen
    assert "damaged" in text and "0 bytes" in text and "No backup" in text
    assert not controller.drafts_window.isVisible() and db.read_bytes() == b""


def test_a_folder_in_the_database_place_does_not_say_no_backup(qtbot, start_program, tmp_path, demo_path):
    db = tmp_path / "drafts.sqlite3"
    backup_only(db, demo_path)
    db.mkdir()
    seen: list[str] = []
    answer_with("Quit", seen)
    start_program("en", db=str(db))
    (text,) = seen
    assert "is a folder" in text and "No backup" not in text and "Restore" not in text


def test_a_read_only_database_is_listed_read_only(qtbot, start_program, tmp_path, demo_path):
    """SQLite's mode=ro URI stands for a read-only file here (root writes through file modes)."""
    db = tmp_path / "drafts.sqlite3"
    stored_with_demo(db, demo_path)
    controller = start_program("en", db=f"sqlite:///file:{db}?mode=ro&uri=true")
    window = controller.drafts_window
    assert window.isVisible() and len(window.model.rows) == 1
    assert window.notice.isVisible() and "read-only" in window.notice.text()
    actions = window.actions_
    assert actions.open.isEnabled() and actions.export_json.isEnabled()
    assert not actions.new.isEnabled() and not actions.delete.isEnabled() and not actions.duplicate.isEnabled()
    assert not actions.import_json.isEnabled() and not actions.demo.isEnabled()
    target = tmp_path / "out.json"
    from desktop.ui.drafts.drafts_actions import _ReadOnlyExport, export_draft_file

    assert export_draft_file(window, _ReadOnlyExport(controller.store.db), window.selected_id(), target)
    assert b"grant-draft/1" in target.read_bytes()
    before = db.read_bytes()
    window.open_selected()  # viewing works
    (wizard,) = controller.wizards.values()
    assert wizard.session.draft.applicant.name == "广州示例智能制造创新中心有限公司"
    wizard.close()
    assert db.read_bytes() == before


def test_a_failed_daily_backup_is_said_in_the_status_bar(start_program, db_path, monkeypatch) -> None:
    from desktop.storage import backups
    from desktop.storage.database import open_database

    open_database(db_path).close()  # an existing database: the first open of the day backs it up

    def refuse(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "daily_backup", refuse)
    controller = start_program("en")
    message = controller.drafts_window.statusBar().currentMessage()
    assert "daily backup" in message and "No space left on device" in message


def test_the_problem_is_told_in_chinese_in_the_chinese_interface(qtbot, start_program, tmp_path):
    db = tmp_path / "drafts.sqlite3"
    db.write_bytes(b"garbage" * 100)
    seen: list[str] = []
    answer_with("退出", seen)
    start_program("zh", db=str(db))
    (text,) = seen
    assert "不是本程序的草稿数据库" in text and "文件未作任何改动" in text
    assert "not a grant-assistant" not in text
    assert db.read_bytes() == b"garbage" * 100


def test_a_full_disk_is_said_and_no_restore_offered(qtbot, start_program, tmp_path, demo_path, monkeypatch):
    """The disk filled up: the healthy file is never called damaged nor put aside for a backup."""
    import sqlite3

    db = tmp_path / "drafts.sqlite3"
    stored_with_demo(db, demo_path)
    backups.copy_database(db, backups.backup_folder(db) / "drafts-2025-06-01.sqlite3")

    def full(_path):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "inspect_file", full)
    seen: list[str] = []
    answer_with("Quit", seen)
    controller = start_program("en", db=str(db))
    (text,) = seen
    assert "is full" in text and "Free some space" in text and "damaged" not in text and "Restore" not in text
    assert not controller.drafts_window.isVisible()
    assert not [p for p in tmp_path.iterdir() if ".damaged" in p.name]
    monkeypatch.undo()
    store = DraftStore(str(db))  # space freed: everything is there
    assert len(store.list()) == 1
    store.close()


def test_a_restore_that_fails_says_what_was_not_changed(qtbot, start_program, tmp_path, demo_path, monkeypatch):
    import sqlite3

    db = tmp_path / "drafts.sqlite3"
    backup_only(db, demo_path)
    noise = bytes(range(1, 256)) * 4
    db.write_bytes(noise)

    def full(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "verified_copy", full)
    seen: list[str] = []
    answer_with("Restore the backup", seen)

    def then_ok(box: QMessageBox) -> None:  # the second box: the restore failed
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    on_next_box(then_ok, named="database-restore-failed")
    controller = start_program("en", db=str(db))
    assert len(seen) == 2 and "Nothing was changed" in seen[1] and "is full" in seen[1]
    assert db.read_bytes() == noise and not (tmp_path / "drafts.sqlite3.damaged-1").exists()
    assert not controller.drafts_window.isVisible()


def test_a_lock_is_said_and_try_again_opens_once_it_is_gone(qtbot, start_program, tmp_path, demo_path, monkeypatch):
    import sqlite3

    from desktop.storage import database

    monkeypatch.setattr(backups, "READ_TIMEOUT", 0.1)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    db = tmp_path / "drafts.sqlite3"
    stored_with_demo(db, demo_path)
    holder = sqlite3.connect(db, isolation_level=None)  # another program holding the database
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    seen: list[str] = []

    def release_and_retry(box: QMessageBox) -> None:
        seen.append(box.text())
        assert "Restore the backup" not in [b.text() for b in box.buttons()]
        holder.execute("ROLLBACK")
        holder.close()
        click_button(box, "Try again")

    on_next_box(release_and_retry)
    controller = start_program("en", db=str(db))
    assert len(seen) == 1 and "locked by another program" in seen[0] and "not changed" in seen[0]
    assert controller.drafts_window.isVisible() and len(controller.drafts_window.model.rows) == 1
