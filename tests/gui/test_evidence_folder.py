"""A folder of scans dropped or chosen in the attachments step or the evidence dialog: files matched to
lines by the invoice or contract number in their names, confirmed (line, kind, tick), copied into the
file store and added as one undo step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.domain.model import Contract
from desktop.storage.files_store import FileStore
from desktop.ui.attachments.attachments_page import AttachmentsPage
from desktop.ui.attachments.evidence_dialog import LineEvidenceDialog
from desktop.ui.attachments.evidence_folder import COLUMNS, FolderMatchDialog
from tests.gui.steps_support import demo_session, show


def _scans(tmp_path):
    folder = tmp_path / "扫描件"
    (folder / "sub").mkdir(parents=True)
    files = {
        "25442000000012345678_发票.pdf": b"invoice of line 1",
        "合同HT-2025-018扫描件.pdf": b"contract of lines 2 and 3",
        "sub/IMG_2034 铭牌.jpg": b"\xff\xd8 a nameplate",
        "2544 2000 0000 1234 5680 付款回单.pdf": b"bank slip of line 3",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _session():
    session = demo_session()
    for i in (1, 2):  # one contract for two lines: a file naming it is left for the user
        session.draft.equipment[i].contract = Contract("HT-2025-018", date(2025, 9, 1))
    return session


def _rows(dialog: FolderMatchDialog) -> dict[str, tuple]:
    m = dialog.model
    return {m.index(r, 0).data(): (m.lines[r], m.kinds[r], m.ticked[r]) for r in range(m.rowCount())}


def _wait(qtbot, job) -> None:
    assert job is not None
    qtbot.waitUntil(lambda: job.finished, timeout=10000)


def test_folder_in_the_attachments_step_is_confirmed_and_added_as_one_undo_step(qtbot, tmp_path) -> None:
    page = show(qtbot, AttachmentsPage(_session()), 1200, 500)
    page.retranslate("en")
    page.file_store = FileStore(tmp_path / "files")
    seen = []

    def drive(dialog: FolderMatchDialog) -> bool:
        seen.append(_rows(dialog))
        assert "1 matched to a line" not in dialog.summary.text() and "2 matched" in dialog.summary.text()
        m = dialog.model
        name_row = {m.index(r, 0).data(): r for r in range(m.rowCount())}
        ambiguous = name_row["合同HT-2025-018扫描件.pdf"]
        assert "lines 2, 3" in m.index(ambiguous, COLUMNS.index("found")).data()
        assert m.setData(m.index(ambiguous, COLUMNS.index("line")), 2)  # the user chooses line 3
        photo = name_row["IMG_2034 铭牌.jpg"]
        assert m.index(photo, COLUMNS.index("line")).data() == "(not added)"
        assert not m.setData(m.index(photo, COLUMNS.index("line")), 99)
        return True

    page.choose_folder = lambda: [_scans(tmp_path)]
    page.exec_dialog = drive
    before = [list(x.files) for x in page.session.draft.equipment]
    page.folder_button.click()
    _wait(qtbot, page.job)
    assert seen[0] == {
        "25442000000012345678_发票.pdf": (0, "invoice", True),
        "合同HT-2025-018扫描件.pdf": (None, "contract", False),
        "IMG_2034 铭牌.jpg": (None, "nameplate_photo", False),
        "2544 2000 0000 1234 5680 付款回单.pdf": (2, "payment", True),
    }
    lines = page.session.draft.equipment
    assert [(f.kind, f.name) for f in lines[0].files] == [("invoice", "25442000000012345678_发票.pdf")]
    assert [f.kind for f in lines[2].files] == ["payment", "contract"]  # in the order of the folder
    assert page.file_store.read(lines[2].files[0].sha256 or "") == b"bank slip of line 3"
    assert "3 files added to 2 line(s)" in page.status.text()
    page.session.undo_stack.undo()  # one step takes every file away again
    assert [list(x.files) for x in page.session.draft.equipment] == before


def test_a_folder_dropped_on_the_attachments_step_goes_to_the_lines(qtbot, tmp_path) -> None:
    page = show(qtbot, AttachmentsPage(_session()), 1200, 500)
    page.file_store = FileStore(tmp_path / "files")
    page.exec_dialog = lambda dialog: True  # accepted as proposed
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_scans(tmp_path)))])
    page.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                              Qt.KeyboardModifier.NoModifier))
    _wait(qtbot, page.job)
    assert page.session.draft.attachments == []  # not the applicant's attachments
    assert [len(x.files) for x in page.session.draft.equipment[:3]] == [1, 0, 1]


def test_a_cancelled_confirmation_adds_nothing(qtbot, tmp_path) -> None:
    page = show(qtbot, AttachmentsPage(_session()), 1200, 500)
    page.file_store = FileStore(tmp_path / "files")
    page.exec_dialog = lambda dialog: False
    assert page.add_folder([_scans(tmp_path)]) is None
    assert not any(x.files for x in page.session.draft.equipment)
    assert list(page.file_store.digests()) == [] and page.session.undo_stack.count() == 0


def test_folder_in_the_evidence_dialog_puts_unnumbered_files_on_its_line(qtbot, tmp_path) -> None:
    session = _session()
    store = FileStore(tmp_path / "files")
    dialog = LineEvidenceDialog(session, 3, "en", store)
    qtbot.addWidget(dialog)
    seen = []

    def drive(match: FolderMatchDialog) -> bool:
        seen.append(_rows(match))
        return True

    dialog.exec_dialog = drive
    dialog.choose_folder = lambda: [_scans(tmp_path)]
    dialog.add_folder.click()
    _wait(qtbot, dialog.job)
    assert seen[0]["IMG_2034 铭牌.jpg"] == (3, "nameplate_photo", True)  # no number: this line (4)
    assert seen[0]["25442000000012345678_发票.pdf"] == (0, "invoice", True)
    assert dialog.files.rows()[0]["name"] == "IMG_2034 铭牌.jpg"
    dialog.accept()
    lines = session.draft.equipment
    assert [f.name for f in lines[3].files] == ["IMG_2034 铭牌.jpg"]
    assert [f.name for f in lines[0].files] == ["25442000000012345678_发票.pdf"]
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert not lines[0].files and not session.draft.equipment[3].files


def test_the_step_lists_what_each_line_lacks_with_counts_and_opens_its_evidence(qtbot, tmp_path) -> None:
    session = _session()
    page = show(qtbot, AttachmentsPage(session), 1200, 700)
    page.retranslate("en")
    checklist = page.line_checklist
    n = len(session.draft.equipment)
    assert f"{n} lines lack payment proof" in checklist.summary.text()
    assert "13 lines lack nameplate photos" in checklist.summary.text()  # two of the demo's lines are software
    model = checklist.model
    assert model.rowCount() == n and model.index(0, 2).data().startswith("contract, invoice, payment proof")
    assert "Required documents" in page.checklist.text() and "5 of 5 missing" in page.checklist.text()
    page.file_store = FileStore(tmp_path / "files")
    opened = []

    def drive(dialog) -> bool:
        opened.append(dialog.row)
        dialog.payments.add(["2025-10-30", "1.00", "bank_transfer"])
        if len(opened) == 2:  # the second time the bank slip too
            dialog.files.add(["payment", "回单.pdf", "10", "ab" * 32])
        dialog.accept()
        return True

    page.exec_dialog = drive
    checklist.view.activated.emit(model.index(4, 0))
    assert opened == [4]
    session.check_now()
    assert f"{n - 1} lines lack payment proof" not in checklist.summary.text()  # no scan of the payment yet
    assert "payment proof" in model.index(4, 2).data()
    checklist.view.activated.emit(model.index(4, 0))
    session.check_now()
    assert opened == [4, 4] and f"{n - 1} lines lack payment proof" in checklist.summary.text()
    assert "payment proof" not in model.index(4, 2).data()
    page.retranslate("zh")
    assert f"{n - 1} 行缺少付款凭证" in checklist.summary.text() and "缺 5 项（共 5 项）" in page.checklist.text()


def test_the_checklist_of_a_step_not_shown_is_counted_again_when_shown(qtbot) -> None:
    from desktop.domain.changes import RemoveLines

    session = _session()
    page = AttachmentsPage(session)
    qtbot.addWidget(page)
    n = len(session.draft.equipment)
    assert page.line_checklist.model.rowCount() == n
    session.apply(RemoveLines((0, 1)), "remove")
    session.check_now()
    assert page.line_checklist.model.rowCount() == n  # not counted while nobody sees it
    show(qtbot, page, 1200, 700)
    assert page.line_checklist.model.rowCount() == n - 2
