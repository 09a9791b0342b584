"""The export step's "Save submission package…" reads attachments only from the folder the user chooses
then: every hostile path of a draft received from somebody else is refused naming the entry, in Chinese
and English, nothing outside the folder is opened and no package is written; a file added on the
attachments step and kept in the chosen folder still packages."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import pytest

from desktop.domain.model import Attachment
from desktop.services.checking import read_draft_file
from desktop.ui.attachments.attachments_model import state_of
from desktop.ui.attachments.attachments_page import AttachmentsPage
from desktop.ui.export.export_page import ExportPage
from desktop.ui.wizard.session import DraftSession
from tests.gui.steps_support import AS_OF, show
from tests.unit.test_package_safety import CASE_IDS, CASES, layout, legit, never_opened, write_draft


def _session(draft_file: Path) -> DraftSession:
    """The draft as the GUI holds it once imported into the database: no file, no folder of its own."""
    return DraftSession(read_draft_file(draft_file), as_of=AS_OF)


def _export(qtbot, session: DraftSession) -> ExportPage:
    page = show(qtbot, ExportPage(session), 900, 600)
    qtbot.waitUntil(lambda: page.job is not None and page.job.finished, timeout=20000)
    return page


def _package(qtbot, page: ExportPage, out: Path, folder: Path, starts: list[str] | None = None) -> None:
    page.choose_save_path = lambda kind: str(out)

    def choose(start: str) -> str:
        if starts is not None:
            starts.append(start)
        return str(folder)

    page.choose_attachments_folder = choose
    job = page.do_package()
    assert job is not None
    qtbot.waitUntil(lambda: job.finished, timeout=30000)


@pytest.mark.parametrize("make", CASES, ids=CASE_IDS)
def test_hostile_path_is_refused_by_name(make, qtbot, tmp_path) -> None:
    lay = layout(tmp_path)
    case = make(lay)
    page = _export(qtbot, _session(write_draft(lay, [legit(lay), case.attachment])))
    out = tmp_path / "申报材料包.zip"
    with never_opened(case.forbidden | {str(lay.secret)}) as opened:
        _package(qtbot, page, out, lay.draft_dir)
    assert opened == []
    error = page.last_error or ""
    shown_name = case.attachment["name"].replace("\u202e", "\\u202e")
    assert error.startswith(f"附件 2「{shown_name}」（路径 "), error
    assert "所选的附件文件夹" in error  # what to do
    assert error in page.status.text() and "\u202e" not in page.status.text()
    assert not out.exists() and not [p for p in tmp_path.rglob("*") if p.name.endswith((".zip", ".part"))]


def test_refusal_in_english(qtbot, tmp_path) -> None:
    lay = layout(tmp_path)
    page = _export(qtbot, _session(write_draft(lay, [{"name": "invoice.pdf", "path": "/etc/shadow"}])))
    page.retranslate("en")
    qtbot.waitUntil(lambda: page.job is not None and page.job.finished, timeout=20000)
    out = tmp_path / "p.zip"
    with never_opened({"/etc/shadow"}) as opened:
        _package(qtbot, page, out, lay.draft_dir)
    assert opened == [] and not out.exists()
    assert page.last_error is not None
    assert page.last_error.startswith('attachments[0] "invoice.pdf" (path "/etc/shadow"): it leads outside')
    assert "attachments folder you chose" in page.last_error


def test_files_added_on_the_attachments_step_still_package(qtbot, tmp_path) -> None:
    """The attachments step records absolute paths picked in a file dialog; they package when they lie
    in the folder chosen at export (a subfolder is fine), and the dialog opens at their folder."""
    folder = tmp_path / "申报附件"
    (folder / "发票").mkdir(parents=True)
    invoice, licence = folder / "发票" / "发票-001.pdf", folder / "营业执照.png"
    invoice.write_bytes(b"invoice scan")
    licence.write_bytes(b"licence")
    session = _session(write_draft(layout(tmp_path / "work"), []))
    attachments = show(qtbot, AttachmentsPage(session), 900, 400)
    job = attachments.add_files([invoice, licence])
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert [a.path for a in session.draft.attachments] == [str(invoice), str(licence)]
    page = _export(qtbot, session)
    out = tmp_path / "pkg.zip"
    starts: list[str] = []
    _package(qtbot, page, out, folder, starts)
    assert page.last_error is None
    assert starts == [str(folder)]
    with zipfile.ZipFile(out) as zf:
        assert zf.read("attachments/01-发票-001.pdf") == b"invoice scan"
        assert zf.read("attachments/02-营业执照.png") == b"licence"


def test_a_file_outside_the_chosen_folder_is_refused_with_the_way_out(qtbot, tmp_path) -> None:
    chosen, elsewhere = tmp_path / "chosen", tmp_path / "elsewhere"
    chosen.mkdir()
    elsewhere.mkdir()
    (elsewhere / "合同.pdf").write_bytes(b"contract")
    session = _session(write_draft(layout(tmp_path / "work"), []))
    session.draft.attachments.append(Attachment(kind="contract", name="合同.pdf", path=str(elsewhere / "合同.pdf")))
    page = _export(qtbot, session)
    out = tmp_path / "p.zip"
    with never_opened({str(elsewhere / "合同.pdf")}) as opened:
        _package(qtbot, page, out, chosen)
    assert opened == [] and not out.exists()
    assert page.last_error is not None and "「合同.pdf」" in page.last_error
    assert "保存材料包时选择存放该文件的文件夹" in page.last_error
    assert page.attachments_folder == str(chosen)  # offered again next time


def test_cancelling_the_folder_dialog_writes_nothing(qtbot, tmp_path) -> None:
    lay = layout(tmp_path)
    page = _export(qtbot, _session(write_draft(lay, [legit(lay)])))
    out = tmp_path / "p.zip"
    page.choose_save_path = lambda kind: str(out)
    page.choose_attachments_folder = lambda start: ""
    assert page.do_package() is None
    assert not out.exists() and "取消" in page.status.text()


def test_without_attachments_no_folder_is_asked(qtbot, tmp_path) -> None:
    lay = layout(tmp_path)
    page = _export(qtbot, _session(write_draft(lay, [])))
    out = tmp_path / "p.zip"
    page.choose_save_path = lambda kind: str(out)

    def never(start: str) -> str:
        raise AssertionError("asked for a folder with no attachment")

    page.choose_attachments_folder = never
    job = page.do_package()
    assert job is not None
    qtbot.waitUntil(lambda: job.finished, timeout=30000)
    assert page.last_error is None and out.exists()


def test_verification_never_opens_pipes_devices_or_system_files(tmp_path) -> None:
    lay = layout(tmp_path)
    fifo_case = CASES[CASE_IDS.index("fifo")](lay)
    targets = [str(lay.draft_dir / "pipe.pdf"), "/dev/zero", "/proc/self/environ", str(lay.draft_dir)]
    with never_opened(set(targets) | fifo_case.forbidden) as opened:
        states = [state_of(Attachment(name="x", path=p, sha256="0" * 64)) for p in targets]
    assert opened == [] and states == ["missing"] * 4
    assert state_of(copy.copy(Attachment(name="s", path=str(lay.secret)))) == "ok"
