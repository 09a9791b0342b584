"""The drafts window with companies: a company entered once in its dialog, linked to drafts, its edits
flowing into the open draft and not the submitted one; the list filtered by company, with the
application's state, and sorted by the notice's deadline."""

from __future__ import annotations

from datetime import date

from desktop.services.notices import add_notice_text
from desktop.storage import app_status
from desktop.ui.clients.company_dialog import CompanyDialog
from desktop.ui.drafts.drafts_model import COMPANY, DEADLINE, STATE
from desktop.ui.review.review_page import ReviewPage
from tests.unit.test_notices import NOTICE


def _two_drafts(controller):
    controller.open_demo()
    controller.new_draft()
    for w in list(controller.wizards.values()):
        w.close()
    window = controller.drafts_window
    window.refresh()
    rows = sorted(window.model.rows, key=lambda r: r.applicant is None)  # the demo draft first
    return window, [r.id for r in rows]


def test_company_dialog_links_and_flows(qtbot, start_program):
    controller = start_program("en")
    window, (first, second) = _two_drafts(controller)
    dialog = CompanyDialog(controller.store, first)
    qtbot.addWidget(dialog)
    dialog.company_from_chosen_draft()
    assert dialog.edits["name"].text() == controller.store.load(first).draft.applicant.name
    dialog.staff.setText("abc")
    assert not dialog.save() and "Staff: write a whole number" in dialog.message.text()
    dialog.staff.setText("320")
    dialog.docs[1][1].setText("2020-01-01")  # the centre's approval lapsed
    dialog.link_chosen_draft()
    assert "follows this company" in dialog.message.text()
    dialog.draft_id = second
    dialog.link_chosen_draft()
    with controller.store.db.session(write=True) as s:
        app_status.set_state(s, draft_id=second, state="submitted")
    dialog.edits["legal_representative"].setText("王敏")
    assert dialog.save()
    assert "1 open drafts took the new values" in dialog.message.text()
    assert "Not valid until the deadline" in dialog.message.text()
    assert dialog.doc_notes[1].text() == "No longer valid (until 2020-01-01)" and dialog.doc_notes[0].text() == ""
    assert controller.store.load(first).draft.applicant.legal_representative == "王敏"
    assert controller.store.load(second).draft.applicant.legal_representative != "王敏"
    assert controller.store.load(first).draft.company_facts.staff == 320

    window.refresh()
    model = window.model
    states = {model.rows[i].id: model.index(i, STATE).data() for i in range(model.rowCount())}
    assert states == {first: "Draft", second: "Submitted"}
    assert {model.index(i, COMPANY).data() for i in range(model.rowCount())} == {dialog.edits["name"].text()}
    assert window.company_filter.isVisibleTo(window) and window.company_filter.count() == 3
    window.company_filter.setCurrentIndex(1)  # drafts without a company: none
    assert model.rowCount() == 0
    window.company_filter.setCurrentIndex(2)
    assert model.rowCount() == 2


def _with_notice(qtbot, start_program):
    """The program with two drafts, the older naming the test notice (last deadline 2026-04-15)."""
    from desktop.storage import repository as repo

    add_notice_text(NOTICE, "n.yaml")
    controller = start_program("en")
    window, (older, _new) = _two_drafts(controller)
    stored = controller.store.load(older)
    draft = stored.draft
    draft.notice = "test-2026"
    with controller.store.db.session(write=True) as s:
        repo.save_draft(s, draft_id=older, draft=draft, expected_version=stored.version)
    return controller, window, older


def test_deadlines_shown_and_sorted(qtbot, start_program):
    controller, window, older = _with_notice(qtbot, start_program)
    window.refresh()
    model = window.model
    window._sort_by(DEADLINE)
    assert model.rows[0].id == older and model.index(0, DEADLINE).data() == date(2026, 4, 15).isoformat()
    assert model.index(1, DEADLINE).data() == ""
    window._sort_by(0)  # back to the last change first
    assert model.sort_column is None


def test_a_document_lapsing_before_the_deadline_is_said_beside_it_and_in_the_wizard(qtbot, start_program):
    controller, _window, first = _with_notice(qtbot, start_program)
    dialog = CompanyDialog(controller.store, first)
    qtbot.addWidget(dialog)
    dialog.today = lambda: date(2026, 1, 10)
    dialog.company_from_chosen_draft()
    dialog.docs[1][1].setText("2026-03-01")  # valid today, lapsed by the notice's deadline
    dialog.link_chosen_draft()
    assert dialog.doc_notes[1].text() == "Lapses 2026-03-01, before the deadline 2026-04-15 of 测试通知〔2026〕1号"
    dialog.docs[1][1].setText("2026-04-15")
    assert dialog.save() and dialog.doc_notes[1].text() == ""
    dialog.docs[1][1].setText("2026-03-01")
    assert dialog.save()

    wizard = controller.open_draft(first)
    wizard.session.set_as_of(date(2026, 1, 10))
    found = [f for f in wizard.session.assessment.findings if f.rule == "document_expires"]
    assert [f.params["until"] for f in found] == ["2026-03-01"]
    dialog.docs[1][1].setText("2026-12-31")  # renewed while the draft is open
    assert dialog.save()
    controller.refresh_company_documents()  # what closing the companies dialog does
    assert not [f for f in wizard.session.assessment.findings if f.rule == "document_expires"]
    dialog.docs[1][1].setText("2026-03-01")
    assert dialog.save()
    controller.refresh_company_documents()
    strip = wizard.strip
    assert f"{wizard.session.assessment.warnings} warnings" in strip.findings.text()
    wizard.go_to_step("review")
    review = wizard.findChild(ReviewPage)
    review.refresh()
    model = review.findings
    shown = [model.index(r, 0, model.index(g, 0)).data() for g in range(model.rowCount())
             for r in range(model.rowCount(model.index(g, 0)))]
    assert any("valid until 2026-03-01" in text and "测试通知〔2026〕1号" in text for text in shown)
