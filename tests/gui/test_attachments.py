"""The attachments step: files added and hashed in a worker, kinds and lines edited, changes flagged."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.ui.attachments.attachments_model import COLUMNS, AttachmentsModel, format_lines, parse_lines
from desktop.ui.attachments.attachments_page import AttachmentsPage
from tests.gui.steps_support import demo_session, show


def _page(qtbot):
    return show(qtbot, AttachmentsPage(demo_session()), 1200, 500)


def _wait(qtbot, job) -> None:
    qtbot.waitUntil(lambda: job.finished, timeout=5000)


def test_lines_text() -> None:
    assert format_lines([0, 2, 3, 4]) == "1, 3-5"
    assert parse_lines("1, 3-5") == [0, 2, 3, 4]
    assert parse_lines("1，2") == [0, 1]
    assert parse_lines("x") is None and parse_lines("0") is None


def test_add_by_dialog_hook_hashes_in_a_worker(qtbot, tmp_path) -> None:
    page = _page(qtbot)
    data = b"invoice" * 100000
    f = tmp_path / "发票-001.pdf"
    f.write_bytes(data)
    page.choose_files = lambda: [str(f)]
    page.add_button.click()
    _wait(qtbot, page.job)
    [att] = page.session.draft.attachments
    assert (att.kind, att.name, att.size) == ("invoice", "发票-001.pdf", len(data))
    assert att.sha256 == hashlib.sha256(data).hexdigest()
    assert page.model.index(0, 0).data() == "与记录一致"
    page.session.undo_stack.undo()
    assert page.model.rowCount() == 0


def test_drop_files_then_flag_changed_and_missing(qtbot, tmp_path) -> None:
    page = _page(qtbot)
    a, b = tmp_path / "contract.pdf", tmp_path / "licence.png"
    a.write_bytes(b"a" * 10)
    b.write_bytes(b"b" * 10)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(b))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    _wait(qtbot, page.job)
    assert [x.kind for x in page.session.draft.attachments] == ["contract", "business_licence"]
    a.write_bytes(b"A" * 10)  # same size, other content
    b.unlink()
    _wait(qtbot, page.verify())
    assert page.model.index(0, 0).data() == "添加后已被修改"
    assert page.model.index(1, 0).data() == "文件已不存在"
    assert "2" in page.status.text()


def test_edit_kind_and_lines(qtbot, tmp_path, qtmodeltester) -> None:
    page = _page(qtbot)
    f = tmp_path / "x.bin"
    f.write_bytes(b"x")
    _wait(qtbot, page.add_files([f]))
    model = page.model
    assert model.setData(model.index(0, COLUMNS.index("kind")), "acceptance_note")
    assert model.setData(model.index(0, COLUMNS.index("lines")), "1, 3-4")
    assert not model.setData(model.index(0, COLUMNS.index("lines")), "one")
    att = page.session.draft.attachments[0]
    assert (att.kind, att.lines) == ("acceptance_note", [0, 2, 3])
    assert model.index(0, COLUMNS.index("lines")).data() == "1, 3-4"
    qtmodeltester.check(model, force_py=True)
    assert page.focus_path("attachments[0].kind") and page.view.hasFocus()
    assert page.view.currentIndex().column() == COLUMNS.index("kind")
    page.retranslate("en")
    assert model.index(0, COLUMNS.index("kind")).data() == "Acceptance note"


def test_empty_model_passes_modeltester(qapp, qtmodeltester) -> None:
    qtmodeltester.check(AttachmentsModel(demo_session()), force_py=True)


def test_linked_lines_follow_a_moved_line(qtbot) -> None:
    from desktop.domain.changes import MoveLines, SetAttachments
    from desktop.domain.model import Attachment

    page = _page(qtbot)
    session = page.session
    session.apply(SetAttachments((Attachment(kind="invoice", name="x.pdf", lines=[0]),)))
    session.apply(MoveLines(0, 1, 3))  # the first line becomes the fourth
    assert session.draft.attachments[0].lines == [3]
    model = page.model
    shown = [model.data(model.index(0, c), Qt.ItemDataRole.DisplayRole) for c in range(len(COLUMNS))]
    assert "4" in shown
    session.undo_stack.undo()
    assert session.draft.attachments[0].lines == [0]
