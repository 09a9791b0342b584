"""The first screen of a new draft says what to answer; messages never move the fields."""

from __future__ import annotations

from desktop.ui.wizard.form_page import FormPage
from tests.gui.helpers import choose, page_of, type_into
from tests.gui.test_wizard import new_wizard


def _geometries(page: FormPage) -> dict[str, tuple[int, int, int, int]]:
    out = {}
    for path, row in page.rows.items():
        r = row.editor.geometry()
        out[path] = (r.x(), r.y(), r.width(), r.height())
    return out


def test_a_new_draft_asks_for_the_answers_it_needs(qtbot, start_program) -> None:
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    page = page_of(wizard, "eligibility")
    assert wizard.current == 0
    text = page.verdict.text()
    assert page.verdict.isVisible()
    assert "Nothing here rules" not in text
    assert page.verdict.property("qualifies") is None
    for label in ("Innovation centre level", "City of registration", "Project category"):
        assert label in text
    required = [f for f in page.spec.fields if f.required]
    assert len(required) == 3
    assert "three questions marked *" in page.intro.text()
    # every required answer given: now, and only now, the green verdict
    choose(wizard, "applicant.center_level", "national")
    choose(wizard, "applicant.city", "guangzhou")
    choose(wizard, "project.category", "innovation_center")
    qtbot.waitUntil(lambda: page.verdict.property("qualifies") is True)
    assert page.verdict.text() == "Nothing here rules the application out."


def test_the_first_screen_in_chinese(qtbot, start_program) -> None:
    controller = start_program("zh")
    wizard = new_wizard(qtbot, controller)
    page = page_of(wizard, "eligibility")
    assert "还需回答" in page.verdict.text()
    assert "创新中心级别" in page.verdict.text()
    assert "三个标 *" in page.intro.text()


def test_a_message_appearing_moves_no_field(qtbot, start_program) -> None:
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    page = page_of(wizard, "applicant")
    path = "applicant.credit_code"
    type_into(qtbot, wizard, path, "91440101MA5CQ7RT45")
    wizard.session.check_now()
    qtbot.waitUntil(lambda: not page.rows[path].message.isVisible())
    before = _geometries(page)
    type_into(qtbot, wizard, path, "9144010")
    wizard.session.check_now()
    qtbot.waitUntil(lambda: page.rows[path].message.isVisible())
    assert page.rows[path].message.text()
    assert _geometries(page) == before
    type_into(qtbot, wizard, path, "91440101MA5CQ7RT45")
    wizard.session.check_now()
    qtbot.waitUntil(lambda: not page.rows[path].message.isVisible())
    assert _geometries(page) == before


def test_the_eligibility_verdict_growing_moves_no_field(qtbot, start_program) -> None:
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    page = page_of(wizard, "eligibility")
    before = _geometries(page)
    height = page.verdict.height()
    choose(wizard, "applicant.center_level", "none")
    choose(wizard, "applicant.city", "guangzhou")
    choose(wizard, "project.category", "innovation_center")
    qtbot.waitUntil(lambda: page.verdict.property("qualifies") is False)
    qtbot.waitUntil(lambda: page.verdict.height() != height)
    assert _geometries(page) == before
