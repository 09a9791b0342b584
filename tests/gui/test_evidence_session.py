"""An open draft is checked against the invoices of the other stored drafts; purging from the program
frees the files no other draft uses."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from desktop.domain.model import LineFile
from desktop.services.evidence_files import store_of
from tests.unit.builders import draft
from tests.unit.evidence_builders import evidenced_line


def test_open_draft_warns_of_an_invoice_used_by_another_draft(qtbot, start_program):
    controller = start_program("en")
    store = controller.store
    first = store.create(draft([evidenced_line(1)], title="first application"))
    second = store.create(draft([evidenced_line(1), evidenced_line(2)], title="second"))
    controller.open_draft(second)
    session = controller.wizards[second].session
    found = [f for f in session.assessment.findings if f.rule == "evidence_invoice_elsewhere"]
    assert [f.path for f in found] == ["equipment[0].invoices[0].number"]
    assert "first application" in session.assessment.message(found[0], "en")
    assert store.invoices_elsewhere(first) == {"25442000000000000001": "second", "25442000000000000002": "second"}


def test_purge_in_the_program_frees_unshared_files(qtbot, start_program, tmp_path, monkeypatch):
    controller = start_program("en")
    store = controller.store
    files = store_of(store.db)
    digest, size = files.add_bytes(b"a nameplate photo only this draft uses")
    d = draft([evidenced_line(0)])
    d.equipment[0].files = [*d.equipment[0].files[:-1], LineFile("nameplate_photo", digest, "p.jpg", size)]
    draft_id = store.create(d)
    store.delete(draft_id)
    later = time.time() + 7200
    monkeypatch.setattr(time, "time", lambda: later)
    store.purge(draft_id)
    assert not files.has(digest)


def test_a_new_draft_is_grant_draft_2_and_asks_for_its_documents(qtbot, start_program):
    controller = start_program("en")
    wizard = controller.new_draft()
    session = wizard.session
    assert session.draft.format_version == 2
    rules = {f.rule for f in session.assessment.findings}
    assert "required_document_missing" in rules
    assert controller.store.load(session.draft_id).draft.format_version == 2


def test_the_drafts_window_warns_of_an_invoice_another_draft_uses_naming_it(qtbot, start_program):
    from desktop.ui.drafts.drafts_model import ID_ROLE, STATUS

    controller = start_program("en")
    store = controller.store
    first = store.create(draft([evidenced_line(1)], title="first application"))
    second = store.create(draft([evidenced_line(1), evidenced_line(2)], title="second"))
    window = controller.drafts_window
    window.refresh()
    model = window.model
    rows = {model.index(r, 0).data(ID_ROLE): r for r in range(model.rowCount())}
    tip = model.index(rows[first], STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert 'already used in the draft "second"' in tip
    assert '"first application"' in model.index(rows[second], STATUS).data(Qt.ItemDataRole.ToolTipRole)
    warned = {r.id: r.warnings for r in model.rows}
    store.delete(second)  # in the trash: the first draft's warning goes at the next refresh
    window.refresh()
    row = next(r for r in model.rows if r.id == first)
    assert row.warnings == warned[first] - 1
    assert "already used" not in model.index(0, STATUS).data(Qt.ItemDataRole.ToolTipRole)
