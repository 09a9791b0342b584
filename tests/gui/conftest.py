"""GUI test setup: a private QSettings folder, a private database, the program started as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.ui.common import i18n


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path) -> Iterator[None]:
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "drafts.sqlite3")


@pytest.fixture
def start_program(qtbot, db_path: str):
    """start_program(lang) -> Controller with the drafts window shown and filled; closed at the end."""
    from desktop.ui.application import make_app
    from desktop.ui.controller import Controller

    started: list[Controller] = []

    def start(lang: str = "en", db: str | None = None) -> Controller:
        make_app([])
        controller = Controller(db or db_path, lang)
        window = controller.show_drafts()
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        controller.start()
        qtbot.waitUntil(lambda: not controller.opening)  # the open that follows a quick list, as in the program
        started.append(controller)
        return controller

    yield start
    for controller in started:
        controller.shutdown()
    i18n.language().switch("en")
    app = QApplication.instance()
    assert app is not None
