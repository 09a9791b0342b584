"""The wizard driven as a user drives it: from the drafts window to every field of steps 1-3 and back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.ui.common.editors import CreditCodeEditor
from desktop.ui.wizard.form_page import FormPage
from tests.gui.helpers import choose, commit_text, in_front, message_of, page_of, type_into

COMPANY = "广州示例智能制造创新中心有限公司"
VALID_CODE = "91440101MA5CQ7RT45"


def new_wizard(qtbot, controller):
    qtbot.mouseClick(controller.drafts_window.new_button, Qt.MouseButton.LeftButton)
    (wizard,) = controller.wizards.values()
    return in_front(qtbot, wizard)


def fill_steps_1_to_3(qtbot, wizard) -> None:
    choose(wizard, "applicant.center_level", "national")
    type_into(qtbot, wizard, "applicant.center_name", "国家智能机器人制造业创新中心")
    type_into(qtbot, wizard, "applicant.center_approved_on", "2025-06-30")
    choose(wizard, "applicant.city", "guangzhou")
    choose(wizard, "project.category", "innovation_center")
    type_into(qtbot, wizard, "applicant.name", COMPANY)
    type_into(qtbot, wizard, "applicant.credit_code", VALID_CODE.lower())
    type_into(qtbot, wizard, "applicant.address", "广州市黄埔区科学大道 188 号")
    type_into(qtbot, wizard, "applicant.legal_representative", "陈建华")
    type_into(qtbot, wizard, "applicant.contact.name", "林晓雯")
    type_into(qtbot, wizard, "applicant.contact.phone", "020-8888 6612")
    type_into(qtbot, wizard, "applicant.contact.email", "linxw@example-imc.cn")
    type_into(qtbot, wizard, "title", "2026 demo")
    type_into(qtbot, wizard, "project.title", "智能机器人关键零部件研发与验证平台")
    type_into(qtbot, wizard, "project.summary", "建设研发平台。")
    type_into(qtbot, wizard, "project.start_date", "2025-09-01")
    type_into(qtbot, wizard, "project.end_date", "2027-06-30")
    type_into(qtbot, wizard, "project.requested_subsidy", "800000.50")


def expected_values() -> dict[str, object]:
    return {
        "applicant.center_level": "national",
        "applicant.center_name": "国家智能机器人制造业创新中心",
        "applicant.center_approved_on": date(2025, 6, 30),
        "applicant.city": "guangzhou",
        "project.category": "innovation_center",
        "applicant.name": COMPANY,
        "applicant.credit_code": VALID_CODE,
        "applicant.address": "广州市黄埔区科学大道 188 号",
        "applicant.legal_representative": "陈建华",
        "applicant.contact.name": "林晓雯",
        "applicant.contact.phone": "020-8888 6612",
        "applicant.contact.email": "linxw@example-imc.cn",
        "title": "2026 demo",
        "project.title": "智能机器人关键零部件研发与验证平台",
        "project.summary": "建设研发平台。",
        "project.start_date": date(2025, 9, 1),
        "project.end_date": date(2027, 6, 30),
        "project.requested_subsidy": Decimal("800000.50"),
    }


def test_fill_every_field_close_and_reopen(qtbot, start_program, db_path):
    from desktop.domain.changes import get_value

    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    fill_steps_1_to_3(qtbot, wizard)
    for path, value in expected_values().items():
        assert get_value(wizard.session.draft, path) == value, path
    wizard.go_to_step("project")
    draft_id = wizard.session.draft_id
    wizard.close()  # no "save?": the close flushes
    controller.shutdown()
    controller.drafts_window.close()

    again = start_program("en", db_path)
    assert again.drafts_window.model.rowCount() == 1
    title = again.drafts_window.model.index(0, 0).data()
    assert title == "2026 demo"
    again.drafts_window.open_selected()
    reopened = again.wizards[draft_id]
    assert reopened.form.steps[reopened.current].id == "project"  # where the user left it
    for path, value in expected_values().items():
        assert get_value(reopened.session.draft, path) == value, path
        page = reopened.page(reopened.form.step_of(path))
        assert page.rows[path].editor.value() == value, path


def test_message_appears_and_disappears_in_place(qtbot, start_program):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    page = page_of(wizard, "applicant")
    type_into(qtbot, wizard, "applicant.credit_code", "9144010")
    qtbot.waitUntil(lambda: "18" in message_of(wizard, "applicant.credit_code"))
    assert page.rows["applicant.credit_code"].message.property("severity") == "error"
    editor = page.rows["applicant.credit_code"].editor
    assert isinstance(editor, CreditCodeEditor)
    assert "7/18" in editor.state.text()
    qtbot.keyClicks(page.rows["applicant.credit_code"].editor.input, "1MA5CQ7RT44")
    qtbot.waitUntil(lambda: "checksum" in message_of(wizard, "applicant.credit_code").lower()
                    or "check" in message_of(wizard, "applicant.credit_code").lower())
    assert "5" in editor.state.text()  # the character it should be
    qtbot.keyClick(page.rows["applicant.credit_code"].editor.input, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.rows["applicant.credit_code"].editor.input, "5")
    qtbot.waitUntil(lambda: message_of(wizard, "applicant.credit_code") == "")
    assert "✓" in editor.state.text()


def test_eligibility_says_why_with_the_clause(qtbot, start_program):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    page = page_of(wizard, "eligibility")
    assert wizard.current == 0
    choose(wizard, "applicant.center_level", "none")
    qtbot.waitUntil(lambda: page.verdict.property("qualifies") is False)
    text = page.verdict.text()
    assert "cannot qualify" in text and "Clause" in text
    choose(wizard, "applicant.center_level", "national")
    choose(wizard, "applicant.city", "guangzhou")
    choose(wizard, "project.category", "innovation_center")
    qtbot.waitUntil(lambda: page.verdict.property("qualifies") is True)


def test_jumps_marks_undo_redo_and_language(qtbot, start_program):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    assert wizard.step_list.item(1).data(Qt.ItemDataRole.UserRole) == "errors"
    wizard.step_list.setCurrentRow(2)
    assert wizard.current == 2
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.current == 1
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current == 3
    assert wizard.form.steps[3].id == "equipment" and wizard.stack.currentWidget() is wizard.current_page()

    type_into(qtbot, wizard, "applicant.name", "ACME")
    type_into(qtbot, wizard, "applicant.legal_representative", "Chen")
    name_input = wizard.current_page().rows["applicant.name"].editor.input
    rep_input = wizard.current_page().rows["applicant.legal_representative"].editor.input
    assert wizard.session.undo_stack.count() == 2  # typing in one field merged into one step
    qtbot.keyClick(rep_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wizard.session.draft.applicant.legal_representative is None
    assert rep_input.text() == ""
    qtbot.keyClick(rep_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wizard.session.draft.applicant.name is None and name_input.text() == ""
    qtbot.keyClick(rep_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert wizard.session.draft.applicant.name == "ACME" and name_input.text() == "ACME"

    page = wizard.current_page()
    assert page.rows["applicant.name"].label.text().startswith("Registered name")
    assert wizard.next_button.text() == "Next >"
    controller.switch_language("zh")
    assert page.rows["applicant.name"].label.text().startswith("申报单位名称")
    assert wizard.next_button.text() != "Next >"
    assert "资格" in wizard.step_list.item(0).text()
    assert "可申请上限" in wizard.strip.maximum.text() or "上限" in wizard.strip.maximum.text()
    controller.switch_language("en")
    assert page.rows["applicant.name"].label.text().startswith("Registered name")
    assert wizard.step_list.item(0).text().endswith("Eligibility")


def test_marks_follow_findings_and_strip_totals(qtbot, start_program):
    controller = start_program("en")
    controller.open_demo()
    (wizard,) = controller.wizards.values()
    marks = [wizard.step_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3)]
    assert marks[0] == "complete" and "errors" not in marks
    assert "yuan" in wizard.strip.maximum.text()
    type_into(qtbot, wizard, "applicant.name", "")
    qtbot.waitUntil(lambda: wizard.step_list.item(1).data(Qt.ItemDataRole.UserRole) == "errors")
    assert "1 errors" in wizard.strip.findings.text()


def test_user_text_is_plain_and_accessible_names(qtbot, start_program):
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    type_into(qtbot, wizard, "applicant.name", "<b>X</b>")
    type_into(qtbot, wizard, "title", "<i>T</i>")
    wizard.close()
    qtbot.waitUntil(lambda: controller.drafts_window.model.rowCount() == 1)
    view = controller.drafts_window.table
    assert view.model().index(0, 0).data() == "<i>T</i>"
    assert view.model().index(0, 1).data() == "<b>X</b>"
    wizard = controller.open_draft(controller.drafts_window.selected_id())
    assert "<i>T</i>" in wizard.windowTitle()
    for step_id in ("eligibility", "applicant", "project"):
        page = page_of(wizard, step_id)
        for row in page.rows.values():
            assert row.editor.input.accessibleName(), row.spec.path
            assert row.label.textFormat() == Qt.TextFormat.PlainText
            assert row.message.textFormat() == Qt.TextFormat.PlainText


def test_f1_help_and_chinese_input(qtbot, start_program):
    controller = start_program("zh")
    wizard = new_wizard(qtbot, controller)
    page = page_of(wizard, "applicant")
    line = page.rows["applicant.name"].editor.input
    line.setFocus()
    commit_text(line, "示例公司")
    assert wizard.session.draft.applicant.name == "示例公司"
    wizard.menus.field_help()
    assert wizard.menus.last_help == page.rows["applicant.name"].spec.help.zh


def test_conflict_is_offered_never_overwritten(qtbot, start_program):
    from desktop.domain.changes import SetValue

    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    draft_id = wizard.session.draft_id
    type_into(qtbot, wizard, "applicant.name", "Mine")
    assert wizard.session.flush()
    elsewhere = controller.store.persister(draft_id, wizard.persister.version, wizard.session.current_assessment)
    elsewhere([SetValue("applicant.address", "Theirs street")])
    type_into(qtbot, wizard, "applicant.name", "Mine again")
    assert not wizard.session.flush()
    qtbot.waitUntil(lambda: wizard.conflict_dialog is not None and wizard.conflict_dialog.isVisible())
    assert controller.store.load(draft_id).draft.applicant.name == "Mine"
    qtbot.mouseClick(wizard.conflict_dialog.mine_button, Qt.MouseButton.LeftButton)
    new_id = wizard.session.draft_id
    assert new_id != draft_id
    assert controller.store.load(new_id).draft.applicant.name == "Mine again"
    assert controller.store.load(draft_id).draft.applicant.address == "Theirs street"
    type_into(qtbot, wizard, "applicant.address", "Mine street")
    assert wizard.session.flush()
    assert controller.store.load(new_id).draft.applicant.address == "Mine street"


def test_reload_theirs_after_conflict(qtbot, start_program):
    from desktop.domain.changes import SetValue

    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    draft_id = wizard.session.draft_id
    elsewhere = controller.store.persister(draft_id, wizard.persister.version, wizard.session.current_assessment)
    elsewhere([SetValue("applicant.name", "Theirs")])
    type_into(qtbot, wizard, "applicant.address", "Mine street")
    assert not wizard.session.flush()
    qtbot.waitUntil(lambda: wizard.conflict_dialog is not None and wizard.conflict_dialog.isVisible())
    qtbot.mouseClick(wizard.conflict_dialog.theirs_button, Qt.MouseButton.LeftButton)
    page = wizard.current_page()
    assert wizard.session.draft.applicant.name == "Theirs"
    assert isinstance(page, FormPage) and page.rows["applicant.address"].editor.value() is None
    type_into(qtbot, wizard, "applicant.address", "After")
    assert wizard.session.flush()


def test_a_step_whose_module_is_missing_says_it_is_coming(qtbot):
    from dataclasses import replace

    from desktop.rules.wizard_form import load_form
    from desktop.ui.wizard.step_protocol import ComingStep, load_step
    from tests.gui.steps_support import demo_session

    spec = replace(load_form().steps[-1], widget="desktop.ui.no_such_step:Nothing")
    widget = load_step(spec, demo_session())
    qtbot.addWidget(widget)
    assert isinstance(widget, ComingStep)
    widget.retranslate("en")
    assert "arrives with the equipment issue" in widget.note.text()
    assert not widget.focus_path("attachments")
