"""The drafts window: new, demo, search, delete to the trash with undo, restore, files in and out."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desktop.ui.drafts.drafts_model import DraftsModel
from tests.gui.helpers import answer_with, on_next_box


def test_first_run_offers_the_demo_in_one_click(qtbot, start_program):
    controller = start_program("en")
    window = controller.drafts_window
    assert window.pages.currentWidget() is window.welcome
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    (wizard,) = controller.wizards.values()
    assert wizard.session.draft.applicant.name == "广州示例智能制造创新中心有限公司"
    assert window.pages.currentWidget() is window.table
    model = window.model
    assert model.rowCount() == 1
    assert model.index(0, 2).data() == "ready"
    assert model.index(0, 3).data() not in ("", None)


def _two_drafts_listed(start_program):
    """The program in English with the demo and a new draft stored and their windows closed."""
    controller = start_program("en")
    controller.open_demo()
    controller.new_draft()
    for w in list(controller.wizards.values()):
        w.close()
    return controller, controller.drafts_window


def test_delete_undo_trash_restore_and_search(qtbot, start_program):
    controller, window = _two_drafts_listed(start_program)
    assert window.model.rowCount() == 2
    window.search.setText("示例")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)

    window.select(window.model.rows[0].id)
    victim = window.selected_id()
    window.actions_.delete.trigger()
    assert window.model.rowCount() == 1 and window.undo_bar.isVisibleTo(window)
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 2 and window.selected_id() == victim

    window.actions_.delete.trigger()
    window.actions_.trash_action.trigger()
    assert window.trash and window.model.rowCount() == 1 and window.selected_id() == victim
    assert window.heading.text() == "Trash"
    window.actions_.restore.trigger()
    assert window.model.rowCount() == 0
    window.actions_.trash_action.trigger()
    assert not window.trash and window.model.rowCount() == 2


def test_duplicate_import_and_export(qtbot, start_program, tmp_path, demo_path):
    controller = start_program("en")
    window = controller.drafts_window
    new_id = window.actions_.import_file(demo_path)
    assert new_id is not None and window.selected_id() == new_id
    window.actions_.duplicate.trigger()
    assert window.model.rowCount() == 2
    target = tmp_path / "out.json"
    controller.store.export_file(new_id, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "grant-draft/1" and data["applicant"]["credit_code"] == "91440101MA5CQ7RT45"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert window.actions_.import_file(bad) is None
    assert window.model.rowCount() == 2


def test_language_switch_relabels_the_list(qtbot, start_program):
    controller = start_program("en")
    window = controller.drafts_window
    controller.open_demo()
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    controller.switch_language("zh")
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
    assert window.model.index(0, 2).data() == "可以申报"
    assert window.actions_.new.text().startswith("新建")
    controller.switch_language("en")
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_drafts_model_passes_the_model_tester(qtmodeltester, start_program):
    controller = start_program("en")
    controller.open_demo()
    controller.new_draft()
    model = controller.drafts_window.model
    assert isinstance(model, DraftsModel) and model.rowCount() == 2
    qtmodeltester.check(model)
    qtmodeltester.check(DraftsModel())


def test_undo_never_offers_a_draft_deleted_for_ever(qtbot, start_program, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    controller, window = _two_drafts_listed(start_program)
    first, second = (row.id for row in window.model.rows)
    window.select(first)
    window.actions_.delete.trigger()
    window.actions_.trash_action.trigger()
    window.select(first)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.actions_.purge.trigger()
    window.actions_.trash_action.trigger()
    assert not window.undo_stack.canUndo() and not window.undo_bar.isVisibleTo(window)

    window.select(second)
    window.actions_.delete.trigger()
    controller.store.purge(second)  # another window of the program empties the trash meanwhile
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert "cannot be brought back" in window.statusBar().currentMessage()
    assert window.model.rowCount() == 0


def _garbled_database(path, demo_path) -> list[int]:
    """Three stored drafts, the second with a title that is not UTF-8 (it passes quick_check)."""
    import sqlite3

    from desktop.services.draft_store import DraftStore

    store = DraftStore(str(path))
    ids = [store.import_file(demo_path) for _ in range(3)]
    store.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE drafts SET title = CAST(X'41FF42' AS TEXT) WHERE id = ?", (ids[1],))
    con.commit()
    con.close()
    return ids


def test_a_damaged_row_is_listed_and_never_hides_the_others(qtbot, start_program, tmp_path, demo_path):
    db = tmp_path / "drafts.sqlite3"
    ids = _garbled_database(db, demo_path)
    controller = start_program("en", db=str(db))
    window = controller.drafts_window
    assert sorted(r.id for r in window.model.rows) == sorted(ids)
    (bad,) = [r for r in window.model.rows if r.damaged]
    assert bad.id == ids[1]
    row = window.model.row_of(bad.id)
    assert window.model.index(row, 0).data() == f"Damaged draft (id {bad.id})"
    assert "UTF-8" in window.model.index(row, 1).data()
    assert window.notice.isVisible() and f"id {bad.id}" in window.notice.text()
    healthy = next(r.id for r in window.model.rows if not r.damaged)
    assert controller.store.load(healthy).draft.applicant.name == "广州示例智能制造创新中心有限公司"

    assert window.actions_.export_raw(bad.id, tmp_path / "raw.json")
    raw = json.loads((tmp_path / "raw.json").read_text("utf-8"))
    assert raw["draft"]["title"] == {"invalid_utf8": "A\\xffB", "hex": "41ff42"}

    seen: list[str] = []

    window.select(bad.id)
    assert not window.actions_.duplicate.isEnabled()
    answer_with("Delete for ever", seen)
    window.open_selected()  # a damaged draft is explained, not opened
    assert "cannot be read" in seen[0] and not controller.wizards
    assert sorted(r.id for r in window.model.rows) == sorted(i for i in ids if i != bad.id)
    assert not window.notice.isVisible()


def test_a_draft_damaged_past_its_list_row_is_explained_not_opened(qtbot, start_program, tmp_path, demo_path):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    db = tmp_path / "drafts.sqlite3"
    ids = _garbled_database(db, demo_path)
    con = sqlite3.connect(db)
    con.execute("UPDATE equipment_lines SET purchase_date = '2025-02-30' WHERE draft_id = ?", (ids[2],))
    con.commit()
    con.close()
    controller = start_program("en", db=str(db))
    window = controller.drafts_window
    assert not next(r for r in window.model.rows if r.id == ids[2]).damaged  # its list row reads fine
    seen: list[str] = []

    def cancel(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    window.select(ids[2])
    on_next_box(cancel)
    window.open_selected()
    assert seen and f"id {ids[2]} cannot be read" in seen[0] and not controller.wizards
    on_next_box(cancel)
    window.actions_.duplicate_selected()
    assert len(seen) == 2 and len(window.model.rows) == 3
    window.select(ids[0])
    window.open_selected()  # a healthy one opens
    assert list(controller.wizards) == [ids[0]]


def test_a_list_that_cannot_be_read_is_said_not_an_unexpected_error(qtbot, start_program, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from desktop.services import draft_list

    controller = start_program("en")
    controller.open_demo()
    window = controller.drafts_window
    shown = list(window.model.rows)

    def malformed(*_a, **_k):
        raise OperationalError("SELECT", {}, sqlite3.DatabaseError("database disk image is malformed"))

    monkeypatch.setattr(draft_list, "find_drafts", malformed)
    window.refresh()
    message = window.statusBar().currentMessage()
    assert "The list could not be read" in message and "damaged" in message
    assert window.model.rows == shown
