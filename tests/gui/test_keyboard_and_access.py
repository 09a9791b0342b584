"""Desktop manners, driven with real key presses: Tab in visual order on every step (never trapped), the
equipment table edited by keyboard alone, an accessible name on every input, F1, the window's shortcuts,
geometry remembered, and every visible label following a language switch."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWhatsThis,
    QWidget,
)

from desktop.ui.equipment.equipment_model import column_of
from desktop.ui.export.export_page import ExportPage
from tests.gui.helpers import wait_for_focus

INPUTS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QAbstractSpinBox)



def _active(qtbot, window) -> None:
    window.show()
    with qtbot.waitActive(window, timeout=3000):
        window.activateWindow()


def _focus() -> QWidget:
    """The focused widget, once the window system has handed activation back (a closed progress dialog
    gives it back to its window a moment later)."""
    wait_for_focus()
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab(qtbot, backwards: bool = False) -> QWidget:
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(_focus(), Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
    return _focus()


def _demo(qtbot, start_program, lang: str = "en"):
    controller = start_program(lang)
    wizard = controller.open_demo()
    _active(qtbot, wizard)
    return controller, wizard


@pytest.mark.parametrize("step_id", ["applicant", "project"])
def test_tab_goes_field_by_field_in_visual_order(qtbot, start_program, step_id) -> None:
    _, wizard = _demo(qtbot, start_program)
    wizard.go_to_step(step_id)
    page = wizard.current_page()
    fields = [row.editor.input.accessibleName() for row in page.rows.values()]
    wizard.step_list.setFocus()
    seen = [_tab(qtbot).accessibleName() for _ in range(len(fields) + 5)]
    strip = wizard.strip.findings.accessibleName()
    assert seen == [*fields, "Previous step", "Next step", strip, "Steps", fields[0]]
    assert _tab(qtbot, backwards=True) is wizard.step_list  # Shift+Tab walks back the same way


@pytest.mark.parametrize("step_id", ["eligibility", "equipment", "attachments", "review", "export"])
def test_tab_crosses_every_step_and_is_never_trapped(qtbot, start_program, step_id) -> None:
    _, wizard = _demo(qtbot, start_program)
    wizard.go_to_step(step_id)
    page = wizard.current_page()
    wizard.step_list.setFocus()
    stops: list[QWidget] = []
    for _ in range(40):
        widget = _tab(qtbot)
        if not page.isAncestorOf(widget):
            break
        assert widget not in stops, f"Tab is trapped in {widget!r}"
        stops.append(widget)
    else:
        raise AssertionError("Tab never left the page")
    assert stops, "the page has no Tab stop"
    assert widget in (wizard.back_button, wizard.next_button)
    if step_id == "equipment":  # the commands, the filter, the table: as they are laid out
        assert stops == [*page.buttons.values(), page.filter, page.view]
    if step_id == "attachments":
        assert stops == [page.add_button, page.folder_button, page.remove_button, page.verify_button,
                         page.line_checklist.view, page.view]
    if step_id == "review":
        assert stops == [page.tree, page.table]


def test_the_equipment_table_is_edited_by_keyboard_alone(qtbot, start_program) -> None:
    _, wizard = _demo(qtbot, start_program)
    wizard.go_to_step("equipment")
    page = wizard.current_page()
    wizard.step_list.setFocus()
    while _focus() is not page.view:
        _tab(qtbot)
    qtbot.keyClick(page.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)

    def go_to(field: str) -> None:
        while page.current_source().column() < column_of(field):
            qtbot.keyClick(page.view, Qt.Key.Key_Right)
        assert page.current_source().column() == column_of(field)

    go_to("name")
    qtbot.keyClick(page.view, Qt.Key.Key_L)  # typing starts the editor
    qtbot.keyClicks(_focus(), "idar")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.session.draft.equipment[0].name == "lidar")  # committed on the next turn
    qtbot.waitUntil(lambda: _focus() is page.view)

    go_to("kind")
    before = wizard.session.draft.equipment[0].kind
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    combo = _focus()
    assert isinstance(combo, QComboBox) and combo.accessibleName()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.session.draft.equipment[0].kind not in (before, None))

    go_to("quantity")
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = _focus()
    assert isinstance(editor, QLineEdit) and editor.accessibleName()
    editor.selectAll()
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.session.draft.equipment[0].quantity == 7)

    qtbot.waitUntil(lambda: _focus() is page.view)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo from the table
    assert wizard.session.draft.equipment[0].quantity != 7


def _accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads (the accessible name, else what Qt derives: a button's text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def test_every_input_of_every_step_has_an_accessible_name(qtbot, start_program) -> None:
    controller, wizard = _demo(qtbot, start_program)
    missing: list[str] = []

    def walk(window, where: str) -> None:
        for cls in INPUTS:
            for widget in window.findChildren(cls):
                if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
                    continue  # Qt's own parts of a view or a scroll area
                if widget.isVisibleTo(window) and not _accessible_name(widget):
                    missing.append(f"{where}: {type(widget).__name__} {widget.objectName()}")

    for lang in ("en", "zh"):
        controller.switch_language(lang)
        for i, step in enumerate(wizard.form.steps):
            wizard.go(i)
            walk(wizard, step.id)
        walk(controller.drafts_window, "drafts")
    assert missing == []

    wizard.go_to_step("equipment")  # the cell editors too
    page = wizard.current_page()
    for column in range(1, page.proxy.columnCount() - 1):
        index = page.proxy.index(0, column)
        page.view.setCurrentIndex(index)
        page.view.edit(index)
        editor = page.view.indexWidget(index) or _focus()
        assert _accessible_name(editor), column
        page.view.closePersistentEditor(index)
        qtbot.keyClick(_focus(), Qt.Key.Key_Escape)


def test_f1_shows_the_help_of_the_focused_field(qtbot, start_program) -> None:
    _, wizard = _demo(qtbot, start_program)
    wizard.go_to_step("project")
    page = wizard.current_page()
    for path in ("project.start_date", "project.summary"):
        field = page.rows[path].editor.input
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_F1)
        assert wizard.menus.last_help == page.rows[path].spec.help.en
        QWhatsThis.hideText()  # as the next key press would


def test_ctrl_n_o_s_e_p_from_the_keyboard(qtbot, start_program, monkeypatch, tmp_path) -> None:
    controller, wizard = _demo(qtbot, start_program)
    wizard.go_to_step("applicant")
    field = wizard.current_page().rows["applicant.name"].editor.input
    field.setFocus()

    printed = tmp_path / "printed.pdf"
    current: list[bool] = []

    def confirm(self, printer) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        current.append(self.preview_current())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(ExportPage, "_ask_print", confirm)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("keyboard", True))
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "keyboard" in wizard.statusBar().currentMessage()

    asked: list[str] = []

    def ask(self, kind: str) -> str:
        asked.append(kind)
        return ""  # the dialog cancelled

    monkeypatch.setattr(ExportPage, "_ask_save_path", ask)
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert wizard.form.steps[wizard.current].id == "export" and asked == ["pdf"]

    wizard.go_to_step("applicant")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Printed Co")  # printed right after an edit: the preview is rendered again first
    qtbot.keyClick(field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    export = wizard.current_page()
    assert isinstance(export, ExportPage)
    qtbot.waitUntil(lambda: printed.exists(), timeout=30000)
    assert current == [True]

    qtbot.keyClick(_focus(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(controller.wizards) == 2
    newest = controller.wizards[max(controller.wizards)]
    assert newest.form.steps[newest.current].id == "eligibility"
    _active(qtbot, newest)
    qtbot.keyClick(_focus(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert controller.drafts_window.isVisible()


def test_geometry_and_last_draft_are_remembered(qtbot, start_program, db_path) -> None:
    controller, wizard = _demo(qtbot, start_program)
    draft_id = wizard.session.draft_id
    wizard.resize(780, 560)  # within the offscreen screen (800 x 600): a restore keeps a window on screen
    controller.drafts_window.resize(760, 540)
    drafts_size = (controller.drafts_window.width(), controller.drafts_window.height())
    wizard_size = (wizard.width(), wizard.height())
    assert drafts_size != (1000, 620) and wizard_size != (1100, 760)  # not the sizes a first run opens at
    wizard.go_to_step("attachments")
    wizard.close()
    controller.drafts_window.close()
    controller.shutdown()

    again = start_program("en", db_path)
    assert (again.drafts_window.width(), again.drafts_window.height()) == drafts_size
    assert again.drafts_window.selected_id() == draft_id
    reopened = again.open_draft(draft_id)
    assert (reopened.width(), reopened.height()) == wizard_size
    assert reopened.form.steps[reopened.current].id == "attachments"


def test_the_drafts_list_says_ready_or_how_many_errors(qtbot, start_program) -> None:
    controller, wizard = _demo(qtbot, start_program)
    wizard.close()
    empty = controller.new_draft()
    errors = empty.session.current_assessment().errors
    assert errors > 0
    empty.close()
    model = controller.drafts_window.model
    statuses = {model.index(r, 1).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert sorted(statuses.values()) == sorted(["ready", f"{errors} errors"])


ALLOWED = {"PDF", "SHA", "Ctrl", "Alt", "Del", "Ins", "Shift", "English", "JSON", "YYYY", "CNY", "USD", "ZIP"}


def _visible_texts(window) -> list[str]:
    out = [window.windowTitle()]
    for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if w.isVisibleTo(window):
            out += [w.text(), w.toolTip(), w.accessibleName()]
    for w in window.findChildren(QLineEdit):
        if w.isVisibleTo(window):
            out += [w.placeholderText(), w.accessibleName()]
    for menu in window.findChildren(QMenu):
        out.append(menu.title())
        out += [a.text() for a in menu.actions()]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisibleTo(window) or isinstance(view, QHeaderView) or model is None:
            continue
        out.append(view.accessibleName())
        if hasattr(model, "columnCount") and model.rowCount() and not isinstance(view, type(window.step_list)):
            out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    for i in range(window.step_list.count()) if hasattr(window, "step_list") else ():
        out.append(window.step_list.item(i).text())
    return [t for t in out if t]


def test_a_language_switch_changes_every_visible_label(qtbot, start_program) -> None:
    controller, wizard = _demo(qtbot, start_program)
    title = wizard.session.draft.title
    for lang, foreign in (("zh", re.compile(r"[A-Za-z]{3,}")), ("en", re.compile(r"[\u4e00-\u9fff]+"))):
        controller.switch_language(lang)
        left: list[str] = []
        for i, step in enumerate(wizard.form.steps):
            wizard.go(i)
            for text in _visible_texts(wizard):
                words = set(foreign.findall(text.replace(title, ""))) - ALLOWED - {"中文"}
                if words:
                    left.append(f"{step.id}: {text!r}")
        assert sorted(set(left)) == [], lang
    assert wizard.strip.maximum.text().startswith("Maximum subsidy")
    assert wizard.current_page().isVisible()


def test_step_of_is_remembered_per_line_free_path() -> None:
    from desktop.rules.wizard_form import FormError, load_form, parse_form

    form = load_form()
    equipment = form.index_of("equipment")
    for _ in range(2):  # computed, then remembered
        assert form.step_of("equipment[12].unit_price") == equipment
        assert form.step_of("equipment[9999].unit_price") == equipment
        assert form.step_of("attachments[3].kind") == form.index_of("attachments")
        assert form.step_of("applicant.credit_code") == form.index_of("applicant")
        assert form.step_of("") == form.index_of("eligibility")
    bad = ("version: 1\nsteps:\n- {id: a, title: {zh: a, en: a}, intro: {zh: a, en: a}, "
           "paths: ['equipment[0]'], widget: 'm:C'}\n")
    with pytest.raises(FormError):
        parse_form(bad)
