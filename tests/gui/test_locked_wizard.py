"""A draft submitted while its wizard is open (from the command line, or by a colleague) is told as
"Submitted on <date> by <who> — read only; reopen to edit", editing disabled, with a Reopen action that is
recorded; not as the generic save-conflict dialog. Nothing typed is lost."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from desktop.storage import app_status


def _open(qtbot, start_program, monkeypatch):
    monkeypatch.setenv("GRANT_ASSISTANT_AUTHOR", "王会计")
    controller = start_program("en")
    controller.open_demo()
    (wizard,) = controller.wizards.values()
    qtbot.waitExposed(wizard)
    return controller, wizard


def _submit_elsewhere(controller, draft_id: int) -> None:
    with controller.store.db.session(write=True) as s:
        app_status.set_state(s, draft_id=draft_id, state="submitted", on_date=date(2026, 4, 3))


def test_an_edit_reaching_a_submitted_draft_is_told_read_only_with_reopen(qtbot, start_program, monkeypatch):
    controller, wizard = _open(qtbot, start_program, monkeypatch)
    session = wizard.session
    draft_id = session.draft_id
    _submit_elsewhere(controller, draft_id)
    session.set_value("project.title", "提交后改的标题")
    assert not session.flush()
    banner = wizard.locked_banner
    assert banner.isVisibleTo(wizard)
    assert banner.text.text() == ("Submitted on 2026-04-03 by 王会计 — read only; reopen to edit (the reopening "
                                  "is recorded)")
    assert wizard.conflict_dialog is None  # not the generic "changed elsewhere" choice
    assert not wizard.stack.isEnabled() and not wizard.menus.undo.isEnabled()
    assert session.has_unsaved and session.draft.project.title == "提交后改的标题"  # kept in the window
    assert controller.store.load(draft_id).draft.project.title != "提交后改的标题"  # the lock held

    banner.reopen_button.click()
    assert [e.state for e in _history(controller, draft_id)] == ["submitted", "reopened"]
    assert not banner.isVisibleTo(wizard) and wizard.stack.isEnabled()
    assert wizard.conflict_dialog is not None and wizard.conflict_dialog.isVisible()  # my edit or theirs
    wizard.conflict_dialog.mine_button.click()
    assert not session.has_unsaved


def _history(controller, draft_id):
    with controller.store.db.session() as s:
        return app_status.history(s, draft_id=draft_id)


def test_back_to_a_window_whose_draft_was_submitted_meanwhile(qtbot, start_program, monkeypatch):
    controller, wizard = _open(qtbot, start_program, monkeypatch)
    session = wizard.session
    draft_id = session.draft_id
    session.flush()
    _submit_elsewhere(controller, draft_id)
    wizard.check_lock()  # what activating the window does
    assert wizard.locked_banner.isVisibleTo(wizard) and not wizard.stack.isEnabled()
    assert "Submitted on 2026-04-03 by 王会计" in wizard.locked_banner.text.text()
    assert session.paused and wizard.conflict_dialog is None

    wizard.locked_banner.reopen_button.click()  # nothing typed: the stored version, editable again
    assert wizard.stack.isEnabled() and not session.paused and wizard.conflict_dialog is None
    session.set_value("project.title", "重新打开后改的标题")
    assert session.flush()
    assert controller.store.load(draft_id).draft.project.title == "重新打开后改的标题"
    assert [e.state for e in _history(controller, draft_id)] == ["submitted", "reopened"]


def test_a_draft_submitted_from_the_command_line_turns_its_open_wizard_read_only_at_the_next_poll(
        qtbot, start_program, monkeypatch, db_path, capsys):
    """Not at the next save or window activation: the drafts window's poll (or a team database's notice,
    which calls the same poll) learns that something changed and each open wizard checks its lock."""
    from desktop.cli import main

    controller, wizard = _open(qtbot, start_program, monkeypatch)
    draft_id = wizard.session.draft_id
    wizard.session.flush()
    window = controller.drafts_window
    window._poll_timer.stop()  # the poll runs when this test says so
    window.poll()  # nothing changed yet: the wizard stays editable
    assert not wizard.locked_banner.isVisibleTo(wizard) and wizard.stack.isEnabled()

    # another program (its own connection) submits the draft
    assert main(["--db", db_path, "drafts", "status", str(draft_id), "submitted", "--on", "2026-04-03"]) == 0
    assert "locked" in capsys.readouterr().out
    assert not wizard.locked_banner.isVisibleTo(wizard)  # nothing has told the window yet
    window.poll()
    assert wizard.locked_banner.isVisibleTo(wizard) and not wizard.stack.isEnabled()
    assert "Submitted on 2026-04-03" in wizard.locked_banner.text.text()
    assert wizard.saved_label.text() == "Read only: submitted"
    assert wizard.session.paused and wizard.conflict_dialog is None


def test_the_change_feed_reaches_an_open_wizard_while_the_drafts_window_is_hidden(
        qtbot, start_program, monkeypatch, db_path):
    from desktop.services import draft_status
    from desktop.services.draft_store import DraftStore

    controller, wizard = _open(qtbot, start_program, monkeypatch)
    draft_id = wizard.session.draft_id
    wizard.session.flush()
    window = controller.drafts_window
    window._poll_timer.stop()
    window.hide()  # the user closed the list; the wizard stays open
    QApplication.processEvents()  # the activations that follow the hide, done before the draft is locked
    other = DraftStore(db_path)
    try:
        with other.db.session(write=True) as s:
            draft_status.set_state(s, draft_id=draft_id, state="submitted", on_date=date(2026, 4, 3))
    finally:
        other.close()
    QApplication.processEvents()
    assert not wizard.locked_banner.isVisibleTo(wizard)  # nothing has told the window yet
    window.change_feed.heard.emit("drafts")  # what a team database's LISTEN/NOTIFY delivers (queued)
    QApplication.processEvents()
    assert wizard.locked_banner.isVisibleTo(wizard) and not wizard.stack.isEnabled()
