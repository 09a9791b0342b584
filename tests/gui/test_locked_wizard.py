"""A draft submitted while its wizard is open (from the command line, or by a colleague) is told as
"Submitted on <date> by <who> — read only; reopen to edit", editing disabled, with a Reopen action that is
recorded; not as the generic save-conflict dialog. Nothing typed is lost."""

from __future__ import annotations

from datetime import date

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
