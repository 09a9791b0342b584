"""The revisions panel: the list with time, reason and name; the differences with the draft now; restoring."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QApplication

from desktop.ui.drafts.revisions_panel import ID_ROLE, PATH_ROLE


def _open(qtbot, controller):
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    return wizard


def _rows(model) -> list[list[str]]:
    return [[model.item(r, c).text() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _select(panel, label: str) -> None:
    row = next(r for r in range(panel.revisions.rowCount()) if panel.revisions.item(r, 2).text() == label)
    panel.list_view.selectRow(row)


def test_list_differences_and_restore(qtbot, start_program) -> None:
    controller = start_program("en")
    wizard = _open(qtbot, controller)
    session = wizard.session
    session.set_value("title", "Before the board", mergeable=False)
    wizard.menus.save_revision("for the board")
    session.set_value("title", "After the board", mergeable=False)
    session.set_value("equipment[0].quantity", 7, mergeable=False)

    panel = wizard.menus.show_revisions()
    assert panel.isVisible() and panel.windowTitle() == "Revisions"
    rows = _rows(panel.revisions)
    assert rows[0][1:3] == ["saved by you", "for the board"] and rows[0][3]  # and who kept it
    assert any(r[1] == "imported" for r in rows)
    assert len(rows[0][0]) == len("2026-01-01 12:00:00")

    _select(panel, "for the board")
    diffs = {panel.differences.item(r, 0).data(PATH_ROLE): _rows(panel.differences)[r]
             for r in range(panel.differences.rowCount())}
    assert diffs["title"][1:] == ["Before the board", "After the board"]
    assert diffs["equipment[0].quantity"][0] == "Line 1 · quantity"
    assert diffs["equipment[0].quantity"][2] == "7"
    assert "2 fields differ" in panel.summary.text()

    # a double click on a difference shows that field
    index = panel.differences.index(list(diffs).index("equipment[0].quantity"), 0)
    panel.diff_view.doubleClicked.emit(index)
    assert wizard.current == wizard.form.index_of("equipment")

    restored_id = panel.selected_id()
    assert panel.restore_selected()
    assert session.draft.title == "Before the board"
    assert session.draft.equipment[0].quantity != 7
    assert wizard.windowTitle().startswith("Before the board")
    rows = _rows(panel.revisions)
    assert rows[0][1] == "before a restore"  # the draft as it was is kept: the restore can be undone
    assert panel.selected_id() == restored_id
    assert panel.summary.text() == "This revision is the same as the draft now."
    assert "Restored" in wizard.statusBar().currentMessage()
    # and it is what is stored, and later edits save on top of it
    assert controller.store.load(session.draft_id).draft.title == "Before the board"
    session.set_value("project.requested_subsidy", Decimal("1000.00"), mergeable=False)
    assert session.flush()
    assert controller.store.load(session.draft_id).draft.project.requested_subsidy == Decimal("1000.00")

    # restoring the revision kept before the restore brings the edits back
    panel.list_view.selectRow(0)
    assert panel.restore_selected()
    assert session.draft.title == "After the board"


def test_the_panel_in_chinese_from_the_menu(qtbot, start_program) -> None:
    controller = start_program("zh")
    wizard = _open(qtbot, controller)
    assert wizard.menus.revisions.text() == "修订版本(&V)…"
    assert wizard.menus.revisions in wizard.menus.file_menu.actions()
    wizard.menus.revisions.trigger()
    panel = wizard.menus.revisions_panel
    QApplication.processEvents()
    assert panel.windowTitle() == "修订版本"
    assert _rows(panel.revisions)[0][1] == "导入"
    assert panel.revisions.item(0, 0).data(ID_ROLE) is not None
    assert "相同" in panel.summary.text() or "不同" in panel.summary.text()
    assert panel.field_text("equipment[2].quantity") == "第 3 行 · 数量"
    assert panel.field_text("applicant.city") == "注册所在地市"
    controller.switch_language("en")
    assert panel.windowTitle() == "Revisions"
    assert _rows(panel.revisions)[0][1] == "imported"
