"""Every save dialog proposes a file name valid on every platform, whatever the company's name or the
draft's title holds: no character Windows forbids, no reserved device name, no trailing dot or space,
no leading dot, at most 255 bytes. QFileDialog.getSaveFileName is replaced to capture the proposal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.gui.steps_support import demo_session, show

HOSTILE = ['A/B:C*?"<>|公司.', "CON", "nul ", "..\\..\\LPT1", "广州" * 200, "\u202eexe.pdf", ""]
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def valid_everywhere(name: str) -> bool:
    """Checked here independently of the program's own function."""
    stem = name.split(".", 1)[0].rstrip(" ").lower()
    return (bool(name) and not re.search(r'[<>:"/\\|?*\x00-\x1f\u202a-\u202e\u2066-\u2069]', name)
            and not name.endswith((".", " ")) and not name.startswith((".", " ")) and stem not in _RESERVED
            and len(name.encode("utf-8")) <= 255)


@pytest.fixture
def proposals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def save_as(parent, caption, directory="", *args, **kwargs):
        seen.append(directory)
        return "", ""  # the user cancels: nothing is written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    return seen


@pytest.mark.parametrize("company", HOSTILE)
def test_export_step_pdf_report_and_package(qtbot, proposals, company) -> None:
    from desktop.ui.export.export_page import ExportPage

    session = demo_session()
    session.draft.applicant.name = company or None
    page = show(qtbot, ExportPage(session), 1000, 800)
    qtbot.waitUntil(lambda: page.job is not None and page.job.finished, timeout=20000)
    for kind in ("pdf", "report", "zip"):
        assert page.choose_save_path(kind) == ""
    assert len(proposals) == 3
    assert all(valid_everywhere(Path(p).name) for p in proposals), proposals
    assert [Path(p).suffix for p in proposals] == [".pdf", ".pdf", ".zip"]
    what = [p.rsplit("-", 1)[-1] if company else p for p in proposals]
    assert what == ["申报书.pdf", "自查报告.pdf", "申报材料包.zip"]
    if company == 'A/B:C*?"<>|公司.':
        assert proposals[0] == "A_B_C_公司-申报书.pdf"


def test_draft_file_exports_from_the_drafts_window_the_wizard_and_the_unsaved_dialog(
    qtbot, start_program, proposals
) -> None:
    controller = start_program("en")
    wizard = controller.open_demo()
    window = controller.drafts_window
    for title in HOSTILE:
        wizard.session.set_value("title", title or None)
        wizard.session.flush()
        window.refresh()
        window.select(wizard.session.draft_id)
        before = len(proposals)
        wizard.menus.export_json.trigger()  # Draft ▸ Export draft file (the wizard)
        window.actions_.export_json.trigger()  # the drafts window
        wizard.unsaved.ask_file()  # "Save as a draft file" when the database refuses the edits
        made = proposals[before:]
        assert len(made) == 3, title
        names = [Path(p).name for p in made]
        assert all(valid_everywhere(n) and n.endswith(".json") for n in names), (title, names)
    assert Path(proposals[-1]).parent == Path.home()  # the unsaved dialog proposes the home folder
    assert Path(proposals[3]).name == "_CON.json"
