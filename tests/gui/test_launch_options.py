"""Starting with --smoke-test or --open FILE, and File ▸ Open data folder (QDesktopServices patched)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop import paths
from desktop.cli import main
from desktop.ui import launch_options


def test_smoke_test_opens_the_demo_in_the_wizard_then_finishes_with_0(qtbot, start_program, capsys):
    controller = start_program("zh")
    codes: list[int] = []
    launch_options.smoke_test(controller, codes.append)
    qtbot.waitUntil(lambda: codes == [0], timeout=10_000)
    (wizard,) = controller.wizards.values()
    assert wizard.session.draft.applicant.name == "广州示例智能制造创新中心有限公司"
    line = capsys.readouterr().out
    assert "演示" in line and "Qt translations found: yes" in line
    assert [row.title for row in controller.store.list(search="", trash=False)] == [wizard.session.draft.title]


def test_smoke_test_finishes_with_1_when_the_demo_cannot_open(qtbot, start_program, monkeypatch, capsys):
    controller = start_program("en")
    monkeypatch.setenv("GRANT_ASSISTANT_SEEDS", str(Path("/nonexistent-seeds")))
    codes: list[int] = []
    launch_options.smoke_test(controller, codes.append)
    qtbot.waitUntil(lambda: codes == [1], timeout=10_000)
    assert "the demo draft did not open" in capsys.readouterr().err
    assert not controller.wizards


def test_open_file_imports_the_draft_and_opens_it(qtbot, start_program, demo_path):
    controller = start_program("en")
    launch_options.open_file(controller, demo_path)
    qtbot.waitUntil(lambda: len(controller.wizards) == 1, timeout=10_000)
    assert controller.drafts_window.model.rowCount() == 1


def test_open_file_that_is_no_draft_is_explained(qtbot, start_program, tmp_path):
    controller = start_program("en")
    bad = tmp_path / "notes.json"
    bad.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    launch_options.open_file(controller, bad)
    qtbot.waitUntil(lambda: controller.drafts_window.findChild(QMessageBox) is not None, timeout=10_000)
    assert not controller.wizards and controller.drafts_window.model.rowCount() == 0


def test_open_and_smoke_test_take_no_command(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--smoke-test", "validate", "x.json"])
    assert exc.value.code == 2
    assert "without a command" in capsys.readouterr().err


def test_open_data_folder_shows_the_data_folder(qtbot, start_program, monkeypatch, tmp_path):
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "not yet made"))
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    controller = start_program("zh")
    action = controller.drafts_window.actions_.data_folder
    assert action.text() == "打开数据文件夹(&F)"
    assert action in controller.drafts_window.actions_.file_menu.actions()
    action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [paths.data_dir()]
    assert paths.data_dir().is_dir()  # made first: a file manager cannot show a folder that is not there


def test_open_data_folder_that_cannot_be_shown_says_so(qtbot, start_program, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    controller = start_program("en")
    controller.drafts_window.actions_.data_folder.trigger()
    message = controller.drafts_window.statusBar().currentMessage()
    assert str(paths.data_dir()) in message and "could not be opened" in message
