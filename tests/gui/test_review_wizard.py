"""Inside the wizard: activating a review finding goes to its step and focuses the exact field or cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.equipment.equipment_model import column_of
from desktop.ui.review.review_models import PATH_ROLE
from desktop.ui.review.review_page import ReviewPage


def _activate(qtbot, review: ReviewPage, path: str) -> None:
    model = review.findings
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if index.data(PATH_ROLE) == path:
                review.tree.setFocus()
                review.tree.setCurrentIndex(index)
                qtbot.keyClick(review.tree, Qt.Key.Key_Return)
                return
    raise AssertionError(f"no finding at {path}")


def test_review_leads_to_fields_of_steps_1_to_3_and_to_cells(qtbot, start_program) -> None:
    controller = start_program("zh")
    wizard = controller.open_demo()
    with qtbot.waitActive(wizard, timeout=3000):
        wizard.activateWindow()
    session = wizard.session
    session.set_value("applicant.name", None)
    session.set_value("equipment[6].quantity", 0)
    session.check_now()
    wizard.go_to_step("review")
    review = wizard.current_page()
    assert isinstance(review, ReviewPage)
    review.refresh()

    _activate(qtbot, review, "applicant.name")
    assert wizard.current == wizard.form.index_of("applicant")
    assert QApplication.focusWidget() is wizard.current_page().rows["applicant.name"].editor.input

    wizard.go_to_step("review")
    _activate(qtbot, review, "equipment[6].quantity")
    equipment = wizard.current_page()
    assert QApplication.focusWidget() is equipment.view
    current = equipment.current_source()
    assert (current.row(), current.column()) == (6, column_of("quantity"))
