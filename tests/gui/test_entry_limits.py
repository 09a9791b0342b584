"""Limits from the field catalogue in the editors: no more characters than the field holds, hidden
control and direction characters taken out, a counter on long texts; choices ask to choose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.changes import get_value
from desktop.ui.common.editors import ChoiceEditor, TextEditor
from tests.gui.helpers import commit_text, message_of, page_of, type_into


@pytest.fixture
def wizard(qtbot, start_program):
    controller = start_program("zh")
    w = controller.new_draft()
    qtbot.waitExposed(w)
    return w


def test_an_over_long_company_name_is_refused_in_the_editor(qtbot, wizard) -> None:
    type_into(qtbot, wizard, "applicant.name", "A" * 150)
    stored = get_value(wizard.session.draft, "applicant.name")
    assert stored == "A" * 100
    assert not [f for f in wizard.session.check_now().findings if f.rule == "text_too_long"]


def test_a_long_name_from_a_file_is_shown_whole_and_reported(qtbot, start_program) -> None:
    from desktop.domain.changes import SetValue

    controller = start_program("zh")
    wizard = controller.new_draft()
    wizard.session.apply(SetValue("applicant.name", "广" * 5000))
    row = page_of(wizard, "applicant").rows["applicant.name"]
    assert isinstance(row.editor, TextEditor)
    assert row.editor.line.text() == "广" * 5000  # not cut silently
    wizard.session.check_now()
    assert "5000" in message_of(wizard, "applicant.name") and "100" in message_of(wizard, "applicant.name")
    mark = wizard.step_list.item(wizard.form.index_of("applicant")).data(Qt.ItemDataRole.UserRole)
    assert mark == "errors"


def test_hidden_characters_typed_or_pasted_are_taken_out(qtbot, wizard) -> None:
    type_into(qtbot, wizard, "project.title", "平台\u202e台平\u200b测试")
    assert get_value(wizard.session.draft, "project.title") == "平台台平测试"


def test_long_texts_show_a_counter(qtbot, wizard) -> None:
    type_into(qtbot, wizard, "project.title", "智能机器人平台")
    row = wizard.current_page().rows["project.title"]
    assert row.editor.counter.text() == "7/200"
    type_into(qtbot, wizard, "project.summary", "建设研发平台。")
    summary = wizard.current_page().rows["project.summary"]
    assert summary.editor.counter.text() == "7/5000"


def test_the_summary_takes_no_more_than_its_limit(qtbot, wizard) -> None:
    type_into(qtbot, wizard, "project.summary", "研" * 4998)
    summary = wizard.current_page().rows["project.summary"].editor
    commit_text(summary.text, "发平台")
    assert len(get_value(wizard.session.draft, "project.summary")) == 5000
    assert summary.counter.text() == "5000/5000"


def test_choices_ask_to_choose(qtbot, wizard) -> None:
    page = page_of(wizard, "eligibility")
    city = page.rows["applicant.city"].editor
    assert isinstance(city, ChoiceEditor)
    assert city.combo.itemText(0) == "（请选择）"
    wizard.session.check_now()
    assert message_of(wizard, "applicant.city").startswith("请选择「所在地市」")
    assert message_of(wizard, "project.category").startswith("请选择")
