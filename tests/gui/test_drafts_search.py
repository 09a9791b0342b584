"""The drafts window: search by what people remember, Enter opens, duplicates told apart, the undo
banner only while its undo means something."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop import paths
from desktop.domain.model import Draft


def _two_drafts(controller) -> tuple[int, int]:
    demo = controller.store.import_file(paths.demo_draft_path())
    other = controller.store.create(Draft(title="Another one"))
    controller.drafts_window.refresh()
    return demo, other


def _search(qtbot, window, text: str) -> list[int]:
    window.search.setText(text)
    qtbot.waitUntil(lambda: not window._search_timer.isActive())
    return [r.id for r in window.model.rows]


def test_search_finds_credit_code_invoice_city_and_supplier(qtbot, start_program) -> None:
    controller = start_program("en")
    window = controller.drafts_window
    demo, other = _two_drafts(controller)
    draft = controller.store.load(demo).draft
    code = draft.applicant.credit_code
    invoice = next(line.invoice_number for line in draft.equipment if line.invoice_number)
    assert code and invoice
    assert _search(qtbot, window, code) == [demo]
    assert _search(qtbot, window, code[:6].lower()) == [demo]
    assert _search(qtbot, window, invoice) == [demo]
    assert draft.applicant.city == "guangzhou"
    assert _search(qtbot, window, "广州") == [demo]
    assert _search(qtbot, window, "guangzhou") == [demo]
    assert _search(qtbot, window, "Another") == [other]
    assert _search(qtbot, window, "nothing like this") == []
    assert sorted(_search(qtbot, window, "")) == sorted([demo, other])
    assert window.search.placeholderText() == "Search title, applicant, credit code, city, invoice"


def test_enter_in_the_search_box_opens_the_draft_found(qtbot, start_program) -> None:
    controller = start_program("en")
    window = controller.drafts_window
    demo, _other = _two_drafts(controller)
    code = controller.store.load(demo).draft.applicant.credit_code
    window.search.setFocus()
    window.search.setText(code)  # Enter before the list followed the typing: it follows first
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert list(controller.wizards) == [demo]


def test_a_duplicate_gets_its_own_title(qtbot, start_program) -> None:
    controller = start_program("en")
    window = controller.drafts_window
    demo, _other = _two_drafts(controller)
    title = controller.store.load(demo).draft.title
    window.select(demo)
    window.actions_.duplicate.trigger()
    copy_id = window.selected_id()
    assert copy_id not in (demo, None)
    assert controller.store.load(copy_id).draft.title == f"{title} (copy)"
    titles = [r.title for r in window.model.rows]
    assert len(titles) == len(set(titles))


def test_a_duplicate_in_chinese(qtbot, start_program) -> None:
    controller = start_program("zh")
    window = controller.drafts_window
    other = controller.store.create(Draft(title="申报"))
    window.refresh()
    window.select(other)
    window.actions_.duplicate.trigger()
    assert controller.store.load(window.selected_id()).draft.title == "申报(副本)"


def test_the_undo_banner_goes_when_its_undo_is_gone(qtbot, start_program) -> None:
    controller = start_program("en")
    window = controller.drafts_window
    demo, other = _two_drafts(controller)
    window.select(demo)
    window.actions_.delete.trigger()
    assert window.undo_bar.isVisibleTo(window)
    window.actions_.trash_action.trigger()
    window.select(demo)
    window.actions_.restore.trigger()  # restored from the trash: nothing left for the banner to undo
    assert not window.undo_bar.isVisibleTo(window)
    assert not window.undo_stack.canUndo()
    window.actions_.trash_action.trigger()
    window.select(other)
    window.actions_.delete.trigger()
    assert window.undo_bar.isVisibleTo(window)
    window.select(demo)
    window.actions_.duplicate.trigger()  # another action: the banner is not left speaking of the last one
    assert not window.undo_bar.isVisibleTo(window)
    assert window.undo_stack.canUndo()  # Edit > Undo still brings it back
