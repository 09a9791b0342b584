"""Windows fit small screens (taskbar left out, frame included) and the equipment table uses the width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.common import screen_fit

TASKBAR = 40


def _screen(monkeypatch, width: int, height: int) -> QRect:
    area = QRect(0, 0, width, height - TASKBAR)
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _window: area)
    return area


def _on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _assert_inside(window, area: QRect) -> None:
    assert area.contains(screen_fit.outer_rect(window)), (screen_fit.outer_rect(window), area)
    inner = window.geometry() if window.isVisible() else QRect(window.pos(), window.size())
    for widget in (window.back_button, window.next_button, window.statusBar()):
        assert widget.isVisible()
        rect = _on_screen(widget)
        assert inner.contains(rect), (widget, rect, inner)
        assert area.contains(rect), (widget, rect, area)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 700)])
def test_the_wizard_opens_inside_the_available_screen(qtbot, start_program, monkeypatch, width, height) -> None:
    area = _screen(monkeypatch, width, height)
    controller = start_program("zh")
    assert area.contains(screen_fit.outer_rect(controller.drafts_window))
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    _assert_inside(wizard, area)
    size = wizard.size()
    for i in range(len(wizard.form.steps)):  # every step built: the window neither grows nor cuts its buttons
        wizard.go(i)
        QApplication.processEvents()
        assert wizard.size() == size, wizard.form.steps[i].id
        _assert_inside(wizard, area)


def test_a_remembered_geometry_from_a_larger_screen_is_brought_inside(qtbot, start_program, monkeypatch) -> None:
    controller = start_program("en")
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    wizard.resize(1800, 1000)
    wizard.move(50, 50)
    wizard.close()
    area = _screen(monkeypatch, 1024, 700)
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    _assert_inside(wizard, area)


def test_fit_window_centres_and_keeps_the_frame_inside(qapp, monkeypatch) -> None:
    area = _screen(monkeypatch, 1366, 768)
    window = QWidget()
    screen_fit.fit_window(window, QSize(1100, 760))
    m = screen_fit.FRAME_GUESS
    assert window.height() == area.height() - m.top() - m.bottom()
    assert window.width() == 1100
    assert area.contains(screen_fit.outer_rect(window))
    assert window.x() == (area.width() - (1100 + m.left() + m.right())) // 2


def _equipment(qtbot, controller, size=None):
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    if size is not None:
        wizard.resize(*size)
    wizard.go_to_step("equipment")
    page = wizard.current_page()
    QApplication.processEvents()
    return wizard, page


def test_the_equipment_columns_share_a_wide_window(qtbot, start_program) -> None:
    from desktop.ui.equipment.equipment_model import column_of

    controller = start_program("en")
    wizard, page = _equipment(qtbot, controller, (1900, 1000))
    header = page.view.horizontalHeader()
    name, supplier, model = column_of("name"), column_of("supplier"), column_of("model")
    qtbot.waitUntil(lambda: header.sectionSize(name) > 300)
    assert header.sectionSize(supplier) > 250
    assert header.sectionSize(model) == 100  # the others keep their widths
    widths = sum(header.sectionSize(c) for c in range(header.count()))
    assert widths == page.view.viewport().width()  # no empty space beside cut names
    assert page.view.horizontalScrollBar().maximum() == 0
    wizard.resize(900, 700)  # narrower than the columns: back to their widths, and the table scrolls
    qtbot.waitUntil(lambda: header.sectionSize(name) == 170)
    assert page.view.horizontalScrollBar().maximum() > 0


def test_column_widths_and_order_are_remembered(qtbot, start_program) -> None:
    from desktop.ui.equipment.equipment_model import column_of

    controller = start_program("en")
    wizard, page = _equipment(qtbot, controller, (900, 700))
    header = page.view.horizontalHeader()
    model, invoice = column_of("model"), column_of("invoice_number")
    header.resizeSection(model, 222)  # as a drag does
    header.moveSection(header.visualIndex(invoice), 2)
    header.sectionClicked.emit(model)  # sorted by model: not remembered, the lines open in their order
    assert header.isSortIndicatorShown()
    QApplication.processEvents()
    wizard.close()
    wizard, page = _equipment(qtbot, controller, (900, 700))
    header = page.view.horizontalHeader()
    assert header.visualIndex(invoice) == 2
    assert not header.isSortIndicatorShown() and page.proxy.sortColumn() == -1
    qtbot.waitUntil(lambda: header.sectionSize(model) == 222)


def test_a_jump_to_a_cell_keeps_the_name_column_in_view(qtbot, start_program, monkeypatch) -> None:
    from desktop.ui.equipment.equipment_model import column_of

    _screen(monkeypatch, 1024, 700)
    controller = start_program("en")
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    wizard.go_to_step("equipment")
    page = wizard.current_page()
    view, frozen = page.view, page.frozen.frozen
    name = column_of("name")
    assert frozen.isVisible() and frozen.columnWidth(name) == view.columnWidth(name)
    assert not frozen.isColumnHidden(name) and frozen.isColumnHidden(column_of("model"))
    scrolled = {}
    for field in ("quantity", "unit_price", "purchase_date", "invoice_number", "model"):
        assert wizard.navigate(f"equipment[11].{field}")
        QApplication.processEvents()
        assert page.proxy.mapToSource(view.currentIndex()).row() == 11
        cell = view.visualRect(view.currentIndex())
        # the cell is wholly visible beside the frozen status and name columns
        assert cell.left() >= frozen.width(), field
        assert cell.right() <= view.viewport().width(), field
        # and the frozen name column shows the same line, in the same place
        row = frozen.visualRect(frozen.model().index(view.currentIndex().row(), name))
        assert row.top() == cell.top() and frozen.viewport().rect().contains(row.center())
        scrolled[field] = view.horizontalScrollBar().value()
    assert scrolled["invoice_number"] > 0 and scrolled["model"] == 0  # sideways for the far cells only


def test_the_frozen_columns_stay_first_and_follow_the_widths(qtbot, start_program) -> None:
    from desktop.ui.equipment.equipment_model import column_of

    controller = start_program("en")
    wizard, page = _equipment(qtbot, controller, (900, 700))
    header, frozen = page.view.horizontalHeader(), page.frozen.frozen
    name, supplier = column_of("name"), column_of("supplier")
    header.moveSection(header.visualIndex(supplier), 0)  # nothing goes before them
    assert header.visualIndex(0) == 0 and header.visualIndex(name) == 1
    frozen.horizontalHeader().resizeSection(name, 260)  # widened where it is seen
    assert header.sectionSize(name) == 260
    assert frozen.width() == header.sectionSize(0) + 260
    assert page.view.focusPolicy() != frozen.focusPolicy()


def test_an_excluded_line_shows_a_warning_not_a_cross(qtbot, start_program) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.common import status_icons

    controller = start_program("en")
    wizard = controller.open_demo()
    wizard.session.set_value("equipment[0].use", "production", mergeable=False)
    wizard.session.check_now()
    wizard.go_to_step("equipment")
    page = wizard.current_page()
    result = wizard.session.assessment.lines[0]
    assert not result.eligible
    icon = page.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == status_icons.warning().cacheKey()
    assert status_icons.excluded().cacheKey() != status_icons.error().cacheKey()
    eligible = next(i for i, r in enumerate(wizard.session.assessment.lines) if r.eligible)
    assert page.model.index(eligible, 0).data(Qt.ItemDataRole.DecorationRole).cacheKey() == \
        status_icons.eligible().cacheKey()
