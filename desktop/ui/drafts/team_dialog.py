"""File ▸ Connect to a team database…: host, port, database, user, the password, and the name recorded
as the author of what this person does. Host, port, database, user and the name are remembered in the
settings; the password never is: it goes to the system keyring when there is one (and the box is ticked),
otherwise it is asked for each time (services/team_connection.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.lang import Lang
from desktop.services import team_connection as tc
from desktop.ui.common import settings
from desktop.ui.common.widgets import plain_label

translate = QCoreApplication.translate


def remembered_server() -> tc.TeamServer:
    s = settings.settings()
    try:
        port = int(s.value("team/port", 5432))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        port = 5432
    return tc.TeamServer(str(s.value("team/host", "") or ""), port, str(s.value("team/database", "") or ""),
                         str(s.value("team/user", "") or ""))


def remember_server(server: tc.TeamServer) -> None:
    s = settings.settings()
    for key, value in (("host", server.host), ("port", server.port), ("database", server.database),
                       ("user", server.user)):
        s.setValue(f"team/{key}", value)


def author_name() -> str:
    return str(settings.settings().value("team/author", "") or "")


def set_author_name(name: str) -> None:
    from desktop.services import team

    settings.settings().setValue("team/author", name.strip())
    team.set_author(name)


class TeamDialog(QDialog):
    def __init__(self, parent: QWidget | None, lang: str) -> None:
        super().__init__(parent)
        self.lang = lang
        self.url: str | None = None
        server = remembered_server()
        layout = QVBoxLayout(self)
        self.intro = plain_label(self, wrap=True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.host = QLineEdit(server.host or "", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(server.port)
        self.database = QLineEdit(server.database, self)
        self.user = QLineEdit(server.user, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.author = QLineEdit(author_name(), self)
        self.labels = [plain_label(self) for _ in range(6)]
        for label, field in zip(self.labels, (self.host, self.port, self.database, self.user, self.password,
                                              self.author), strict=True):
            form.addRow(label, field)
        form.addRow("", self.remember)
        layout.addLayout(form)
        self.problem = plain_label(self, wrap=True)
        self.problem.setObjectName("team-problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.connect_)
        self.buttons.rejected.connect(self.reject)
        self.keyring = tc.keyring_available()
        self.remember.setEnabled(self.keyring)
        self.remember.setChecked(self.keyring)
        stored = tc.stored_password(server) if server.host else None
        if stored:
            self.password.setText(stored)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("TeamDialog", "Connect to a team database"))
        self.intro.setText(translate(
            "TeamDialog", "A PostgreSQL database shared by your team. Your drafts are then kept there; "
            "its backups are the server's."))
        for label, text in zip(self.labels, (
            translate("TeamDialog", "Server"), translate("TeamDialog", "Port"),
            translate("TeamDialog", "Database"), translate("TeamDialog", "User"),
            translate("TeamDialog", "Password"), translate("TeamDialog", "Your name (recorded as author)"),
        ), strict=True):
            label.setText(text)
        self.remember.setText(
            translate("TeamDialog", "Remember the password in the system keyring") if self.keyring else
            translate("TeamDialog", "No system keyring: the password is asked for each time"))

    def server(self) -> tc.TeamServer:
        return tc.TeamServer(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                             self.user.text().strip())

    def connect_(self) -> None:
        server = self.server()
        problem = server.problem()
        if problem is not None:
            self.problem.setText(problem[1] if Lang.parse(self.lang).chinese else problem[0])
            self.problem.show()
            return
        remember_server(server)
        set_author_name(self.author.text())
        password = self.password.text()
        if self.remember.isChecked() and password:
            tc.remember_password(server, password)
        elif not self.remember.isChecked():
            tc.forget_password(server)
        self.url = server.url(password)
        self.accept()
