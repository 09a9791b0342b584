"""Connect to a team database: the password goes to the system keyring (patched here), never to the
settings file; without a keyring it is asked for each time; fields are checked; the program switches
to the team database (on the test server) and lists its drafts; the chosen name is the author."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from desktop.services import team_connection as tc
from desktop.storage import team
from desktop.ui.common import settings
from desktop.ui.drafts.team_dialog import TeamDialog, remembered_server


class FakeKeyring:
    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, key: str) -> str | None:
        return self.kept.get((service, key))

    def set_password(self, service: str, key: str, password: str) -> None:
        self.kept[(service, key)] = password

    def delete_password(self, service: str, key: str) -> None:
        self.kept.pop((service, key), None)


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    import keyring

    fake = FakeKeyring()
    monkeypatch.setattr(tc, "keyring_available", lambda: True)
    for name in ("get_password", "set_password", "delete_password"):
        monkeypatch.setattr(keyring, name, getattr(fake, name))
    return fake


def _fill(dialog: TeamDialog, host: str, port: int, database: str, user: str, password: str) -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def _settings_text() -> str:
    s = settings.settings()
    s.sync()
    return Path(s.fileName()).read_text(encoding="utf-8") if Path(s.fileName()).exists() else ""


def test_password_kept_in_the_keyring_never_in_the_settings(qtbot, fake_keyring):
    dialog = TeamDialog(None, "en")
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    _fill(dialog, "127.0.0.1", 5433, "grants", "wang", "s3cret:/@pw")
    dialog.author.setText("王会计")
    dialog.connect_()
    assert dialog.result() == TeamDialog.DialogCode.Accepted
    url = make_url(dialog.url or "")
    assert (url.drivername, url.host, url.port, url.database, url.username, url.password) == (
        "postgresql+psycopg", "127.0.0.1", 5433, "grants", "wang", "s3cret:/@pw")
    assert fake_keyring.kept == {(tc.KEYRING_SERVICE, "wang@127.0.0.1:5433/grants"): "s3cret:/@pw"}
    assert "s3cret" not in _settings_text() and "grants" in _settings_text()
    assert remembered_server() == tc.TeamServer("127.0.0.1", 5433, "grants", "wang")
    try:
        assert team.current_author() == "王会计"
    finally:
        team.set_author(None)
    again = TeamDialog(None, "en")  # the next time: the password comes from the keyring
    qtbot.addWidget(again)
    assert again.password.text() == "s3cret:/@pw"


def test_without_a_keyring_the_password_is_asked_each_time(qtbot, monkeypatch):
    monkeypatch.setattr(tc, "keyring_available", lambda: False)
    dialog = TeamDialog(None, "zh")
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    _fill(dialog, "127.0.0.1", 5432, "grants", "li", "pw")
    dialog.connect_()
    assert make_url(dialog.url or "").password == "pw"
    again = TeamDialog(None, "zh")
    qtbot.addWidget(again)
    assert again.password.text() == "" and again.host.text() == "127.0.0.1"
    assert "pw" not in _settings_text().replace("password", "")


def test_missing_fields_are_named(qtbot, monkeypatch):
    monkeypatch.setattr(tc, "keyring_available", lambda: False)
    dialog = TeamDialog(None, "en")
    qtbot.addWidget(dialog)
    _fill(dialog, "127.0.0.1", 5432, "", "wang", "")
    dialog.connect_()
    assert dialog.url is None and "database name" in dialog.problem.text()
    dialog.lang = "zh"
    _fill(dialog, "", 5432, "grants", "wang", "")
    dialog.connect_()
    assert "服务器地址" in dialog.problem.text()


def test_the_program_switches_to_the_team_database(qtbot, start_program, pg_url, monkeypatch):
    controller = start_program("en")
    controller.open_demo().close()
    assert controller.drafts_window.model.rowCount() == 1
    assert controller.switch_database(pg_url)
    window = controller.drafts_window
    assert window.model.rowCount() == 0 and "pg_dump" in window.notice.text()
    controller.open_demo().close()
    window.refresh()
    assert window.model.rowCount() == 1
