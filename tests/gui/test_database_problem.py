"""A drafts database that cannot be used: a clear message, the newest good backup offered, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.storage import backups
from desktop.ui.store import DraftStore


def answer_with(button_text: str, seen: list[str]) -> None:
    """Click `button_text` in the next modal message box, noting its text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, click)


def stored_with_demo(db: Path, demo_path: Path) -> None:
    store = DraftStore(str(db))
    store.import_file(demo_path)
    store.close()


def test_a_garbage_file_offers_the_backup_and_restores_it(qtbot, start_program, tmp_path, demo_path):
    db = tmp_path / "drafts.sqlite3"
    stored_with_demo(db, demo_path)
    backups.copy_database(db, backups.backup_folder(db) / "drafts-2025-06-01.sqlite3")
    for companion in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        companion.unlink(missing_ok=True)
    db.write_bytes(b"this is not a database at all")
    seen: list[str] = []
    answer_with("Restore the backup", seen)
    controller = start_program("en", db=str(db))
    (text,) = seen
    assert "not an SQLite database file" in text and "backup" in text and "Traceback" not in text
    assert controller.drafts_window.isVisible()
    assert [row.applicant for row in controller.drafts_window.model.rows] == ["广州示例智能制造创新中心有限公司"]
    kept = tmp_path / "drafts.sqlite3.damaged-1"
    assert kept.read_bytes() == b"this is not a database at all"


def test_a_garbage_file_without_backup_is_explained_and_left_alone(qtbot, start_program, tmp_path):
    db = tmp_path / "drafts.sqlite3"
    db.write_bytes(b"garbage" * 100)
    seen: list[str] = []
    answer_with("Quit", seen)
    controller = start_program("en", db=str(db))
    (text,) = seen
    assert "not an SQLite database file" in text and "No backup" in text
    assert not controller.drafts_window.isVisible()
    assert controller._store is None
    assert db.read_bytes() == b"garbage" * 100


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes through read-only modes")
def test_a_read_only_database_is_explained(qtbot, start_program, tmp_path, demo_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "drafts.sqlite3"
    stored_with_demo(db, demo_path)
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        seen: list[str] = []
        answer_with("Quit", seen)
        start_program("en", db=str(db))
        (text,) = seen
        assert "read-only" in text
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


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
    assert "无法打开数据库" in text and "没有找到完好的备份" in text
    assert "cannot open" not in text
    assert db.read_bytes() == b"garbage" * 100
