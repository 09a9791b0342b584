"""Named revisions (Ctrl+S) and draft files in and out, driven through the actions and their dialogs."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop.storage import repository
from desktop.storage.revisions import revision_data


def revisions(controller, draft_id: int) -> list[tuple[str, str | None]]:
    with controller.store.db.session() as s:
        return [(r.reason, r.label) for r in repository.list_revisions(s, draft_id=draft_id)]


def test_ctrl_s_keeps_a_named_revision_with_the_latest_edit(qtbot, start_program, monkeypatch):
    controller = start_program("en")
    wizard = controller.open_demo()
    draft_id = wizard.session.draft_id
    wizard.session.set_value("title", "Before the board meeting")
    asked: list[str] = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(title)
        return "  sent to the board  ", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    action = wizard.menus.revision
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    action.trigger()
    assert asked == ["Save a named revision"]
    assert ("manual", "sent to the board") in revisions(controller, draft_id)
    with controller.store.db.session() as s:
        (manual,) = [r for r in repository.list_revisions(s, draft_id=draft_id) if r.reason == "manual"]
        assert revision_data(s, revision_id=manual.id)["title"] == "Before the board meeting"
    assert "sent to the board" in wizard.statusBar().currentMessage()


def test_ctrl_s_cancelled_keeps_no_revision(qtbot, start_program, monkeypatch):
    controller = start_program("en")
    wizard = controller.open_demo()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ignored", False))
    wizard.menus.revision.trigger()
    assert [r for r in revisions(controller, wizard.session.draft_id) if r[0] == "manual"] == []


def test_import_and_export_through_the_dialogs_keep_revisions(qtbot, start_program, monkeypatch, tmp_path,
                                                              demo_path):
    controller = start_program("en")
    window = controller.drafts_window
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_path), ""))
    window.actions_.import_json.trigger()
    assert window.model.rowCount() == 1
    draft_id = window.selected_id()
    assert revisions(controller, draft_id) == [("import", demo_path.name)]

    target = tmp_path / "exported.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_.export_json.trigger()
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "grant-draft/1"
    assert ("export", "exported.json") in revisions(controller, draft_id)

    wizard = controller.open_draft(draft_id)
    wizard.session.set_value("title", "Edited just before the export")
    from_wizard = tmp_path / "from-wizard.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(from_wizard), ""))
    wizard.menus.export_json.trigger()
    assert json.loads(from_wizard.read_text(encoding="utf-8"))["title"] == "Edited just before the export"
    assert ("export", "from-wizard.json") in revisions(controller, draft_id)


def test_an_export_the_folder_refuses_is_a_message_not_a_traceback(qtbot, start_program, monkeypatch, tmp_path):
    controller = start_program("en")
    wizard = controller.open_demo()
    wizard.session.set_value("title", "<b>X</b> / 2025")
    proposed: list[str] = []
    gone = tmp_path / "unplugged-stick" / "draft.json"

    def save_as(parent, caption, directory, *args, **kwargs):
        proposed.append(directory)
        return str(gone), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    wizard.menus.export_json.trigger()
    assert proposed == ["b_X_b_ _ 2025.json"]
    box = wizard.findChild(QMessageBox)
    assert box is not None and box.isVisible() and str(gone) in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert not gone.exists() and ("export", "draft.json") not in revisions(controller, wizard.session.draft_id)

    window = controller.drafts_window
    window.refresh()
    window.select(wizard.session.draft_id)
    window.actions_.export_json.trigger()
    assert proposed[-1] == "b_X_b_ _ 2025.json"
    assert window.findChild(QMessageBox) is not None


def test_ctrl_s_during_a_conflict_keeps_no_revision_and_says_why(qtbot, start_program, monkeypatch):
    controller = start_program("en")
    wizard = controller.open_demo()
    draft_id = wizard.session.draft_id
    with controller.store.db.session() as s:  # another window changes the stored draft
        stored = repository.get_draft(s, draft_id=draft_id)
        stored.draft.title = "Changed elsewhere"
        repository.save_draft(s, draft_id=draft_id, draft=stored.draft, expected_version=stored.version)
    wizard.session.set_value("title", "Mine")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("mine", True))
    wizard.menus.revision.trigger()
    assert wizard.session.paused  # the conflict was found by the flush Ctrl+S made
    assert [r for r in revisions(controller, draft_id) if r[0] == "manual"] == []
    assert "No revision saved" in wizard.statusBar().currentMessage()
    assert wizard.conflict_dialog is not None and wizard.conflict_dialog.isVisible()
    wizard.conflict_dialog.close()
