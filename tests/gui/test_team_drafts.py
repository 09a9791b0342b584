"""The drafts window on a shared database: who is editing a draft (a lease taken when a wizard opens it,
given back when it closes), the review step and its column, a change made elsewhere shown without a
restart (the window polls a cheap change token; on PostgreSQL the database also tells it at once through
LISTEN/NOTIFY), and on PostgreSQL the note that backups are the server's."""

from __future__ import annotations

from desktop.domain.changes import SetValue
from desktop.domain.model import Draft
from desktop.storage import repository as repo
from desktop.storage import team
from desktop.storage.database import open_database
from desktop.ui.drafts.drafts_model import EDITING, REVIEW, TITLE


def test_leases_review_and_changes_made_elsewhere(qtbot, start_program, db_path):
    controller = start_program("en")
    window = controller.drafts_window
    assert not controller.leases.timer.isActive()  # started by the first lease (it loads SQLAlchemy)
    wizard = controller.open_demo()
    draft_id = wizard.session.draft_id
    assert draft_id in controller.leases.held
    assert controller.leases.timer.isActive() and controller.leases.timer.interval() == team.RENEW_SECONDS * 1000
    window.refresh()
    row = window.model.row_of(draft_id)
    assert window.model.index(row, EDITING).data().startswith(team.current_author())
    wizard.close()
    assert draft_id not in controller.leases.held
    window.refresh()
    assert window.model.index(window.model.row_of(draft_id), EDITING).data() == ""

    window.select(draft_id)
    team.set_author("李经理")
    try:
        window.actions_.review.approve.trigger()
    finally:
        team.set_author(None)
    assert window.model.index(window.model.row_of(draft_id), REVIEW).data().startswith(
        "approved for submission: 李经理")
    assert "李经理" in window.statusBar().currentMessage()

    other = open_database(db_path)  # another person's program on the same database
    try:
        with other.session() as s:
            version = repo.get_draft(s, draft_id=draft_id).version
            repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "别处改的标题"), expected_version=version)
            team.take_lease(s, draft_id=draft_id, holder="小王", token="elsewhere")
        qtbot.waitUntil(lambda: window.model.index(window.model.row_of(draft_id), TITLE).data() == "别处改的标题",
                        timeout=10000)
        assert window.model.index(window.model.row_of(draft_id), EDITING).data().startswith("小王 since")
        opened = controller.open_draft(draft_id)  # opens all the same, and says who is editing it
        assert "小王" in opened.statusBar().currentMessage() and draft_id not in controller.leases.held
        opened.close()
    finally:
        other.close()


def test_a_server_database_says_its_backups_are_the_servers(qtbot, start_program, pg_url):
    controller = start_program("en", db=pg_url)
    window = controller.drafts_window
    assert window.notice.isVisibleTo(window) and "pg_dump" in window.notice.text()
    controller.open_demo().close()
    window.refresh()
    assert window.model.rowCount() == 1


def test_the_revisions_panel_names_who_kept_each_revision(qtbot, start_program):
    controller = start_program("en")
    wizard = controller.open_demo()
    team.set_author("张会计")
    try:
        controller.store.snapshot(wizard.session.draft_id, "manual", "first")
    finally:
        team.set_author(None)
    from desktop.ui.drafts.revisions_panel import RevisionsPanel

    panel = RevisionsPanel(wizard)
    qtbot.addWidget(panel)
    panel.refresh()
    authors = [panel.revisions.item(r, 3).text() for r in range(panel.revisions.rowCount())]
    assert "张会计" in authors
    assert panel.revisions.horizontalHeaderItem(3).text() == "By"


def test_a_change_on_a_server_database_arrives_without_polling(qtbot, start_program, pg_url):
    controller = start_program("en", db=pg_url)
    window = controller.drafts_window
    window._poll_timer.stop()  # only the database's notice can bring the change now
    qtbot.waitUntil(lambda: window.change_feed.listener is not None
                    and window.change_feed.listener.listening.is_set(), timeout=10000)
    other = open_database(pg_url)  # another person's program on the same database
    try:
        with other.session() as s:
            draft_id = repo.create_draft(s, draft=Draft(title="别处新建的草稿")).id
        qtbot.waitUntil(lambda: window.model.row_of(draft_id) is not None, timeout=10000)
        with other.session() as s:
            repo.apply_change(s, draft_id=draft_id, change=SetValue("title", "别处改的标题"), expected_version=1)
        qtbot.waitUntil(lambda: window.model.index(window.model.row_of(draft_id), TITLE).data() == "别处改的标题",
                        timeout=10000)
    finally:
        other.close()
    window.close()
    assert window.change_feed.listener is None  # the listening connection goes with the window
