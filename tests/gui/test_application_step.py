"""The application-details step declared in forms/wizard.yaml: the people, the company facts, three years
of figures and the indicators in small table editors, stored in the draft and checked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.domain.applicant_facts import FinancialYear, Indicator
from desktop.rules.wizard_form import load_form
from desktop.ui.wizard.form_page import FormPage
from desktop.ui.wizard.table_editor import TableEditor
from tests.gui.helpers import commit_text
from tests.gui.steps_support import demo_session, show


def _page(qtbot) -> FormPage:
    form = load_form()
    spec = form.steps[form.index_of("application")]
    page = show(qtbot, FormPage(spec, demo_session()), 1100, 900)
    page.retranslate("zh")
    return page


def _type(qtbot, page: FormPage, path: str, text: str) -> None:
    widget = page.rows[path].editor.input
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit_text(widget, text)  # Chinese arrives through the input method


def test_people_and_company_facts_go_to_the_draft(qtbot) -> None:
    page = _page(qtbot)
    rows = page.rows
    _type(qtbot, page, "project_facts.recommender", "广州市工业和信息化局")
    _type(qtbot, page, "project_facts.leader.mobile", "13800000001")
    _type(qtbot, page, "company_facts.staff", "320")
    _type(qtbot, page, "company_facts.registered_capital", "5000万")
    _type(qtbot, page, "company_facts.founded_on", "2018-03-01")
    d = page.session.draft
    assert d.project_facts.recommender == "广州市工业和信息化局"
    assert d.project_facts.leader.mobile == "13800000001"
    assert d.company_facts.staff == 320
    assert d.company_facts.registered_capital == Decimal("50000000.00")
    assert d.company_facts.founded_on == date(2018, 3, 1)
    assert rows["company_facts.staff"].label.text().endswith("*")  # required by the template


def test_financial_years_in_a_three_row_table(qtbot) -> None:
    page = _page(qtbot)
    editor = page.rows["company_facts.financials"].editor
    assert isinstance(editor, TableEditor)
    assert editor.model.rowCount() == 3 and not editor.add.isVisible()
    cells = ["2024", "150,000,000", "1200000.50", "9000000", "300000000", "120000000"]
    for c, text in enumerate(cells):
        editor.model.item(0, c).setText(text)
    years = page.session.draft.company_facts.financials
    assert years == [FinancialYear(2024, Decimal("150000000.00"), Decimal("1200000.50"), Decimal("9000000.00"),
                                   Decimal("300000000.00"), Decimal("120000000.00"))]
    editor.model.item(1, 1).setText("很多")  # does not read: marked, nothing stored
    assert editor.problems and page.session.draft.company_facts.financials == years
    assert editor.model.item(1, 1).toolTip()
    editor.model.item(1, 1).setText("")
    assert not editor.problems
    while page.session.undo_stack.canUndo():
        page.session.undo_stack.undo()
    assert page.session.draft.company_facts.financials == []
    assert editor.model.item(0, 0).text() == ""  # the table follows undo


def test_indicators_rows_are_added_with_their_kind(qtbot) -> None:
    page = _page(qtbot)
    editor = page.rows["project_facts.indicators"].editor
    assert isinstance(editor, TableEditor) and editor.model.rowCount() == 0
    editor.add.click()
    for c, text in enumerate(["产出指标", "购置研发设备", "台(套)", "13"]):
        editor.model.item(0, c).setText(text)
    assert page.session.draft.project_facts.indicators == [
        Indicator("output", "购置研发设备", "台(套)", Decimal("13"))]
    editor.view.setCurrentIndex(editor.model.index(0, 0))
    editor.remove.click()
    assert page.session.draft.project_facts.indicators == []


def test_the_checker_names_what_the_application_would_leave_blank(qtbot) -> None:
    page = _page(qtbot)
    _type(qtbot, page, "project_facts.leader.name", "张三")  # the draft becomes /2
    assert page.session.draft.project_facts.leader.name == "张三"
    a = page.session.check_now()
    assert "project_facts.recommender" in [f.path for f in a.findings]
    page.show_assessment(a)
    message = page.rows["project_facts.recommender"].message
    assert not message.isHidden() and "推荐单位" in message.text()
