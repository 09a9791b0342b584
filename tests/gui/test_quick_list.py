"""At start the drafts list is read with sqlite3 alone and shown; opening the database (integrity check,
schema, daily backup) follows at once, and a database refused then takes the quick list down first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.services.draft_store import DraftStore
from desktop.storage import backups, database
from desktop.ui.application import make_app
from desktop.ui.controller import Controller
from tests.gui.helpers import click_button, on_next_box


def two_drafts(db: Path, demo_path: Path) -> list:
    store = DraftStore(str(db))
    try:
        store.import_file(demo_path)
        store.import_file(demo_path)
        return store.list()
    finally:
        store.close()


def started(qtbot, db: Path) -> Controller:
    make_app([])
    controller = Controller(str(db), "en")
    window = controller.show_drafts()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    controller.start()
    return controller


def test_the_list_shows_before_the_database_opens_and_the_open_follows(qtbot, tmp_path, demo_path):
    db = tmp_path / "drafts.sqlite3"
    expected = two_drafts(db, demo_path)
    controller = started(qtbot, db)
    try:
        window = controller.drafts_window
        assert controller.opening and controller._store is None
        assert window.loaded and window.model.rows == expected
        qtbot.waitUntil(lambda: not controller.opening)
        assert controller._store is not None and window.model.rows == expected
        daily = list(backups.backup_folder(db).glob("drafts-*.sqlite3"))
        assert daily, "the full open keeps its daily copy"
    finally:
        controller.shutdown()


def test_a_database_refused_after_the_quick_list_takes_the_list_down(qtbot, tmp_path, demo_path, monkeypatch):
    db = tmp_path / "drafts.sqlite3"
    two_drafts(db, demo_path)

    def refuse(*_args, **_kwargs):
        raise database.DatabaseError(f"cannot open the database {db}: refused for the test")

    monkeypatch.setattr(database, "open_database", refuse)
    seen: list[tuple[str, int]] = []
    controller = started(qtbot, db)
    window = controller.drafts_window
    assert len(window.model.rows) == 2

    def quit_box(box: QMessageBox) -> None:
        seen.append((box.text(), len(window.model.rows)))
        click_button(box, "Quit")

    on_next_box(quit_box)
    try:
        qtbot.waitUntil(lambda: not controller.opening)
        ((text, rows_behind_the_box),) = seen
        assert "refused for the test" in text and rows_behind_the_box == 0
        assert not window.loaded and not window.isVisible()
    finally:
        controller.shutdown()


_FIRST_PAINT = """
import sys
from desktop.ui.controller import Controller

def heavy():
    return sorted(m for m in ("sqlalchemy", "sqlmodel", "alembic", "reportlab", "desktop.domain.model")
                  if m in sys.modules)

seen = {}
real_start, real_open = Controller.start, Controller._open_and_list

def start(self):  # runs once the drafts window has been painted
    seen["painted"] = heavy()
    real_start(self)

def open_and_list(self):  # runs after the quick list has been shown, before the database opens
    seen["quick list"] = (self.drafts_window.model.rowCount(), heavy())
    real_open(self)
    seen["opened"] = (self.drafts_window.model.rowCount(), heavy())
    print(repr(seen), flush=True)
    app.quit()

Controller.start, Controller._open_and_list = start, open_and_list
import desktop.cli  # the real entry's imports count
from desktop.ui.application import start as start_program

app, _controller = start_program(sys.argv[:1], db=sys.argv[1], lang="zh")
sys.exit(app.exec())
"""


def test_the_first_paint_and_the_quick_list_need_neither_sqlalchemy_nor_reportlab_nor_the_model(tmp_path, demo_path):
    import ast
    import os
    import subprocess
    import sys

    db = tmp_path / "drafts.sqlite3"
    two_drafts(db, demo_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GRANT_ASSISTANT_HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", _FIRST_PAINT, str(db)], capture_output=True, text=True,
                         env=env, timeout=120, check=True)
    seen = ast.literal_eval(out.stdout.strip().splitlines()[-1])
    assert seen["painted"] == []
    assert seen["quick list"] == (2, [])
    rows, loaded = seen["opened"]
    assert rows == 2 and "sqlalchemy" in loaded  # the full open follows and lists the same drafts
