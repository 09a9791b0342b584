"""The review step: findings by severity; activating one focuses the exact cell; the computation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from desktop.domain.money import format_yuan
from desktop.ui.equipment.equipment_model import column_of
from desktop.ui.equipment.equipment_page import EquipmentPage
from desktop.ui.review.review_models import PATH_ROLE, FindingsModel
from desktop.ui.review.review_page import ReviewPage
from tests.gui.steps_support import demo_session, show

_HOSTS: list[QWidget] = []


def _pair(qtbot):
    session = demo_session()
    host = QWidget()
    _HOSTS[:] = [host]  # keep the window alive for the test
    row = QHBoxLayout(host)
    equipment, review = EquipmentPage(session, host), ReviewPage(session, host)
    row.addWidget(equipment)
    row.addWidget(review)
    review.set_navigator(equipment.focus_path)
    show(qtbot, host, 1600, 800)
    return session, equipment, review


def test_findings_grouped_by_severity_with_clause(qtbot) -> None:
    session, _, review = _pair(qtbot)
    model = review.findings
    assert model.rowCount() == 2  # warnings and notes in the demo draft; no errors
    assert model.index(0, 0).data().startswith("警告")
    assert model.rowCount(model.index(0, 0)) == session.assessment.warnings
    clause = model.index(0, 2, model.index(0, 0)).data()
    assert clause == session.assessment.clause(session.assessment.findings_at(
        model.index(0, 0, model.index(0, 0)).data(PATH_ROLE))[0], "zh")
    assert "可以导出" in review.banner.text()


def test_activating_a_finding_focuses_the_exact_cell(qtbot) -> None:
    session, equipment, review = _pair(qtbot)
    equipment.model.setData(equipment.model.index(3, column_of("quantity")), "0")
    session.check_now()
    review.refresh()
    assert "1 个错误" in review.banner.text()
    errors = review.findings.index(0, 0)
    first = review.findings.index(0, 0, errors)
    assert first.data(PATH_ROLE) == "equipment[3].quantity"
    review.tree.setFocus()
    review.tree.setCurrentIndex(first)
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is equipment.view
    current = equipment.current_source()
    assert (current.row(), current.column()) == (3, column_of("quantity"))
    assert "0" in review.detail.text() or review.detail.text()


def test_computation_line_by_line(qtbot) -> None:
    session, _, review = _pair(qtbot)
    a = session.assessment
    table = review.computation
    assert table.rowCount() == len(a.lines)
    assert table.index(13, 3).data() == "二手设备"
    assert table.index(0, 2).data() == format_yuan(a.lines[0].amount)
    assert format_yuan(a.totals.max_subsidy) in review.sums.text()
    review.retranslate("en")
    assert table.index(13, 3).data() == "second-hand"
    assert "Ready to export" in review.banner.text()


def test_models_pass_modeltester(qapp, qtmodeltester) -> None:
    session = demo_session()
    review = ReviewPage(session)
    qtmodeltester.check(review.computation, force_py=True)
    model = FindingsModel()
    model.fill(session.assessment, "en")
    qtmodeltester.check(model, force_py=True)


def test_a_finding_on_evidence_names_the_field_in_words(qapp) -> None:
    from datetime import date

    from desktop.domain.model import Invoice
    from desktop.rules.checker import check
    from tests.conftest import AS_OF
    from tests.unit.test_evidence_checks import PACK, complete

    d = complete()
    d.equipment[1].invoices = [*d.equipment[1].invoices, Invoice("12345678901234567890", date(2019, 1, 2), None)]
    row = len(d.equipment[1].invoices)
    model = FindingsModel()
    model.fill(check(d, PACK, AS_OF), "en")
    groups = [model.item(g) for g in range(model.rowCount())]
    fields = [group.child(r, 1).text() for group in groups for r in range(group.rowCount())]
    assert f"invoice date (invoices, row {row}) (line 2)" in fields, fields
    assert not any("invoices[" in f for f in fields), fields
