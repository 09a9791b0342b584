"""Undo and redo from the keyboard: every standard key works, none is ambiguous, and a change undone on
another step is shown where it happened."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.domain.changes import SetAttachments, get_value
from desktop.domain.model import Attachment
from desktop.ui.wizard.history import changed_path, redo_keys, undo_keys
from tests.gui.helpers import in_front, page_of, type_into
from tests.gui.test_wizard import new_wizard

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _ambiguous(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if "mbiguous" in r.message]


def _focused_input(wizard, path: str):
    return wizard.current_page().rows[path].editor.input


def test_each_history_key_has_one_owner_in_each_window(qtbot, start_program) -> None:
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    for i in range(len(wizard.form.steps)):  # every page built, with the actions of its own
        wizard.go(i)
    for window in (wizard, controller.drafts_window):
        owners: dict[str, int] = {}
        for action in window.findChildren(QAction):
            for seq in action.shortcuts():
                key = seq.toString(QKeySequence.SequenceFormat.PortableText)
                owners[key] = owners.get(key, 0) + 1
        for seq in [*undo_keys(), *redo_keys()]:
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            assert owners.get(key) == 1, (type(window).__name__, key, owners.get(key))
    redo = {k.toString() for k in redo_keys()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= redo
    assert "Ctrl+Z" in {k.toString() for k in undo_keys()}


def test_ctrl_z_then_ctrl_shift_z_and_ctrl_y_redo_in_a_field(qtbot, start_program, qtlog) -> None:
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    type_into(qtbot, wizard, "applicant.legal_representative", "Chen")
    field = _focused_input(wizard, "applicant.legal_representative")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert wizard.session.draft.applicant.legal_representative is None
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert wizard.session.draft.applicant.legal_representative == "Chen"
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert wizard.session.draft.applicant.legal_representative is None
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert wizard.session.draft.applicant.legal_representative == "Chen"
    assert field.text() == "Chen"
    assert _ambiguous(qtlog) == []


def test_undo_of_a_field_on_another_step_goes_there_and_focuses_it(qtbot, start_program, qtlog) -> None:
    controller = start_program("en")
    wizard = new_wizard(qtbot, controller)
    type_into(qtbot, wizard, "applicant.contact.phone", "020-1234")
    page = page_of(wizard, "project")
    title = page.rows["project.title"].editor.input
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert wizard.current == wizard.form.index_of("applicant")
    assert wizard.session.draft.applicant.contact.phone is None
    phone = _focused_input(wizard, "applicant.contact.phone")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is phone)
    # and redo, from another step, comes back the same way
    page_of(wizard, "eligibility").rows["applicant.city"].editor.input.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert wizard.current == wizard.form.index_of("applicant")
    assert get_value(wizard.session.draft, "applicant.contact.phone") == "020-1234"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is phone)
    assert _ambiguous(qtlog) == []


def test_undo_of_a_cell_on_the_equipment_step_selects_that_cell(qtbot, start_program) -> None:
    controller = start_program("en")
    wizard = in_front(qtbot, controller.open_demo())
    wizard.session.set_value("equipment[2].supplier", "Another supplier", mergeable=False)
    title = page_of(wizard, "applicant").rows["applicant.name"].editor.input
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    equipment = wizard.form.index_of("equipment")
    assert wizard.current == equipment
    page = wizard.page(equipment)
    source = page.proxy.mapToSource(page.view.currentIndex())
    from desktop.ui.equipment.equipment_model import column_of

    assert (source.row(), source.column()) == (2, column_of("supplier"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)


def test_undo_of_an_attachment_link_shows_that_attachment(qtbot, start_program) -> None:
    controller = start_program("en")
    wizard = in_front(qtbot, controller.open_demo())
    attachments = copy.deepcopy(wizard.session.draft.attachments)
    attachments.append(Attachment(kind="invoice", name="extra.pdf", lines=[]))
    wizard.session.apply(SetAttachments(tuple(attachments)))
    linked = copy.deepcopy(attachments)
    linked[-1].lines = [0, 1]
    wizard.session.apply(SetAttachments(tuple(linked)))
    field = page_of(wizard, "applicant").rows["applicant.name"].editor.input
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    step = wizard.form.index_of("attachments")
    assert wizard.current == step
    assert wizard.session.draft.attachments[-1].lines == []
    page = wizard.page(step)
    assert page.view.currentIndex().row() == len(attachments) - 1
    assert wizard.menus.history.last_path == f"attachments[{len(attachments) - 1}]"


def test_changed_path_names_the_line_or_attachment() -> None:
    from desktop.domain.changes import InsertLines, MoveLines, RemoveLines, SetValue

    assert changed_path(SetValue("applicant.name", "x")) == "applicant.name"
    assert changed_path(InsertLines(3, ())) == "equipment[3]"
    assert changed_path(RemoveLines((4, 7))) == "equipment[4]"
    assert changed_path(MoveLines(1, 2, 5)) == "equipment[5]"
    a, b = Attachment(name="a"), Attachment(name="b")
    assert changed_path(SetAttachments(()), [a, b], [a, Attachment(name="c")]) == "attachments[1]"
    assert changed_path(SetAttachments(()), [a, b], [a]) == "attachments[0]"
