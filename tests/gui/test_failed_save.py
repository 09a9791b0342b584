"""A save the database refuses is said plainly, kept in the window, retried, and never lost on close.

The full disk is simulated where SQLite would report it: a hook on the engine raises
sqlite3.OperationalError("database or disk is full") for the statements that write, which SQLAlchemy
wraps exactly as it wraps the driver's own error (with its "Background on this error" address)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import event

from desktop.services.checking import read_draft_file
from desktop.services.draft_store import DraftStore
from tests.gui.helpers import type_into
from tests.gui.test_wizard import new_wizard


class FullDisk:
    """While `on`, every statement that writes fails as SQLite fails on a full disk."""

    def __init__(self, engine, message: str = "database or disk is full") -> None:
        self.engine = engine
        self.message = message
        self.on = False
        self.only: str | None = None  # refuse only the statements holding this text
        self.refused = 0
        event.listen(engine, "before_cursor_execute", self._hook)

    def _hook(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        writes = statement.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")
        if self.on and writes and (self.only is None or self.only in statement):
            self.refused += 1
            raise sqlite3.OperationalError(self.message)

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._hook)


@pytest.fixture
def full_disk(start_program):
    made: list[FullDisk] = []

    def make(controller, message: str = "database or disk is full") -> FullDisk:
        disk = FullDisk(controller.store.db.engine, message)
        made.append(disk)
        return disk

    yield make
    for disk in made:
        disk.on = False
        disk.remove()


def _wizard_with_a_refused_edit(qtbot, controller, full_disk, lang_text="First Ltd"):
    wizard = new_wizard(qtbot, controller)
    type_into(qtbot, wizard, "applicant.name", "Saved Ltd")
    assert wizard.session.flush()
    disk = full_disk(controller)
    disk.on = True
    type_into(qtbot, wizard, "applicant.name", lang_text)
    assert not wizard.session.flush()
    return wizard, disk


def _stored(controller, draft_id):
    return controller.store.load(draft_id).draft


def test_a_full_disk_is_said_plainly_the_edit_kept_and_saved_once_space_is_freed(qtbot, start_program, db_path,
                                                                                   full_disk):
    controller = start_program("en")
    wizard, disk = _wizard_with_a_refused_edit(qtbot, controller, full_disk)
    draft_id = wizard.session.draft_id
    banner = wizard.problem_banner.text.text()
    assert wizard.problem_banner.isVisibleTo(wizard)
    assert banner.startswith("The disk is full") and Path(db_path).name in banner
    assert "Free some space" in banner
    for raw in ("(sqlite3", "OperationalError", "database or disk is full", "Background on this error", "sqlalche.me"):
        assert raw not in banner and raw not in wizard.saved_label.text()
    assert wizard.session.has_unsaved and wizard.session.draft.applicant.name == "First Ltd"
    assert _stored(controller, draft_id).applicant.name == "Saved Ltd"

    controller.switch_language("zh")
    assert wizard.problem_banner.text.text().startswith("磁盘已满")
    controller.switch_language("en")

    tried = disk.refused
    type_into(qtbot, wizard, "applicant.name", "!", clear=False)  # the next change tries again at once
    qtbot.waitUntil(lambda: disk.refused > tried)
    assert wizard.session.has_unsaved

    disk.on = False  # space freed: the retry every few seconds writes everything
    qtbot.waitUntil(lambda: not wizard.session.has_unsaved, timeout=10_000)
    assert _stored(controller, draft_id).applicant.name == "First Ltd!"
    assert not wizard.problem_banner.isVisibleTo(wizard)
    assert wizard.saved_label.text().startswith("Saved at")


@pytest.mark.parametrize(("message", "start"), [
    ("attempt to write a readonly database", "Your latest edits could not be saved: the database file"),
    ("database is locked", "Another program is holding"),
    ("disk I/O error", "Your latest edits could not be saved to the database file"),
])
def test_other_refusals_are_said_plainly_too(qtbot, start_program, full_disk, message, start):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    full_disk(controller, message).on = True
    type_into(qtbot, wizard, "applicant.name", "Refused Ltd")
    assert not wizard.session.flush()
    text = wizard.problem_banner.text.text()
    assert text.startswith(start) and message not in text and "Background" not in text


def test_closing_with_a_refused_edit_keeps_it_as_a_draft_file(qtbot, start_program, full_disk, tmp_path,
                                                              monkeypatch):
    controller = start_program("en")
    wizard, disk = _wizard_with_a_refused_edit(qtbot, controller, full_disk, "文件公司")
    assert not wizard.close()  # nothing lost silently: the window asks
    dialog = wizard.unsaved.dialog
    assert dialog is not None and dialog.isVisible()
    assert "The disk is full" in dialog.text.text()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)  # the disk is still full
    assert "could not be saved either" in dialog.problem_text.text()
    assert wizard.isVisible()

    target = tmp_path / "kept.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Draft files (*.json)"))
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible() and wizard not in controller.wizards.values()
    assert read_draft_file(target).applicant.name == "文件公司"


def test_closing_once_space_is_freed_saves_the_edit_in_place(qtbot, start_program, full_disk):
    controller = start_program("en")
    wizard, disk = _wizard_with_a_refused_edit(qtbot, controller, full_disk, "In place Ltd")
    draft_id = wizard.session.draft_id
    assert not wizard.close()
    disk.on = False
    qtbot.mouseClick(wizard.unsaved.dialog.copy_button, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert [s.id for s in controller.store.list()] == [draft_id]
    assert _stored(controller, draft_id).applicant.name == "In place Ltd"


def test_closing_keeps_the_edit_as_a_copy_when_only_the_draft_itself_is_refused(qtbot, start_program, full_disk):
    controller = start_program("en")
    wizard, disk = _wizard_with_a_refused_edit(qtbot, controller, full_disk, "Copy Ltd")
    draft_id = wizard.session.draft_id
    assert not wizard.close()
    disk.only = "WHERE drafts.id = ? AND drafts.version = ?"  # its version can no longer be claimed
    qtbot.mouseClick(wizard.unsaved.dialog.copy_button, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    disk.on = False
    names = {s.id: _stored(controller, s.id).applicant.name for s in controller.store.list()}
    assert names[draft_id] == "Saved Ltd"
    assert sorted(names.values()) == ["Copy Ltd", "Saved Ltd"]


def test_discarding_a_refused_edit_needs_a_second_yes(qtbot, start_program, full_disk):
    controller = start_program("en")
    wizard, disk = _wizard_with_a_refused_edit(qtbot, controller, full_disk, "Discard Ltd")
    draft_id = wizard.session.draft_id
    assert not wizard.close()
    dialog = wizard.unsaved.dialog
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    box = wizard.unsaved.discard_box
    assert box is not None and box.isVisible() and wizard.isVisible()
    box.defaultButton().click()
    assert wizard.isVisible() and wizard.session.draft.applicant.name == "Discard Ltd"  # "keep them"
    assert not wizard.close()
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    wizard.unsaved.discard_confirm.click()
    assert not wizard.isVisible()
    disk.on = False
    assert _stored(controller, draft_id).applicant.name == "Saved Ltd"


def test_the_program_ending_keeps_a_refused_edit_as_a_file(qtbot, start_program, full_disk, tmp_path, monkeypatch):
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "home"))
    controller = start_program("en")
    _wizard_with_a_refused_edit(qtbot, controller, full_disk, "Ending Ltd")
    controller.shutdown()
    (kept,) = (tmp_path / "home" / "unsaved").glob("unsaved-*.json")
    assert read_draft_file(kept).applicant.name == "Ending Ltd"


# ---- a draft deleted for good elsewhere while open


def _purge_elsewhere(db_path: str, draft_id: int) -> None:
    other = DraftStore(db_path)  # another window or program: its own connection
    try:
        other.delete(draft_id)
        other.purge(draft_id)
    finally:
        other.close()


def test_a_draft_purged_elsewhere_is_a_conflict_and_the_edit_is_kept_as_a_copy(qtbot, start_program, db_path):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    draft_id = wizard.session.draft_id
    type_into(qtbot, wizard, "applicant.name", "Before Ltd")
    assert wizard.session.flush()
    _purge_elsewhere(db_path, draft_id)
    type_into(qtbot, wizard, "applicant.name", "Mine after the purge")
    assert not wizard.session.flush()
    dialog = wizard.conflict_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert "deleted" in dialog.text.text() and not dialog.theirs_button.isVisibleTo(dialog)
    assert "no draft with id" not in wizard.saved_label.text()
    assert not wizard.problem_banner.isVisibleTo(wizard)
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    new_id = wizard.session.draft_id  # SQLite may give the copy the purged draft's number again
    assert [s.id for s in controller.store.list()] == [new_id]
    assert _stored(controller, new_id).applicant.name == "Mine after the purge"
    type_into(qtbot, wizard, "applicant.address", "Still saving")  # autosave goes on under the copy
    assert wizard.session.flush()
    assert _stored(controller, new_id).applicant.address == "Still saving"


def test_closing_a_draft_purged_elsewhere_offers_to_keep_the_edit(qtbot, start_program, db_path):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    draft_id = wizard.session.draft_id
    _purge_elsewhere(db_path, draft_id)
    type_into(qtbot, wizard, "applicant.name", "Closing after the purge")
    assert not wizard.close()  # the save on close finds the draft gone: one question, what to keep
    assert wizard.conflict_dialog is None or not wizard.conflict_dialog.isVisible()
    dialog = wizard.unsaved.dialog
    assert "deleted elsewhere" in dialog.text.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    (summary,) = controller.store.list()
    assert _stored(controller, summary.id).applicant.name == "Closing after the purge"


def test_a_draft_moved_to_the_trash_elsewhere_is_a_conflict_too(qtbot, start_program, db_path):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    draft_id = wizard.session.draft_id
    other = DraftStore(db_path)
    try:
        other.delete(draft_id)
    finally:
        other.close()
    type_into(qtbot, wizard, "applicant.name", "Mine after the trash")
    assert not wizard.session.flush()
    dialog = wizard.conflict_dialog
    assert dialog is not None and dialog.isVisible() and "deleted" in dialog.text.text()
    assert wizard.saved_label.text().startswith("Deleted elsewhere")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    new_id = wizard.session.draft_id
    assert new_id != draft_id
    assert _stored(controller, new_id).applicant.name == "Mine after the trash"
    assert _stored(controller, draft_id).applicant.name is None  # the trashed draft is left as it was


def test_exporting_the_draft_file_while_saves_are_refused_writes_what_is_on_screen(qtbot, start_program, full_disk,
                                                                                  tmp_path, monkeypatch):
    controller = start_program("en")
    wizard, _disk = _wizard_with_a_refused_edit(qtbot, controller, full_disk, "屏幕上的公司")
    target = tmp_path / "exported.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Draft files (*.json)"))
    wizard.menus.ask_export_json()
    assert read_draft_file(target).applicant.name == "屏幕上的公司"  # never the older stored "Saved Ltd"


def test_an_untitled_draft_can_be_exported_as_a_file(qtbot, start_program, tmp_path, monkeypatch):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    wizard.session.draft.title = None
    target = tmp_path / "untitled.json"
    proposed: list[str] = []

    def ask(_parent, _caption, name, _filter):
        proposed.append(name)
        return str(target), "Draft files (*.json)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    wizard.menus.ask_export_json()
    assert proposed == ["draft.json"] and target.exists()
