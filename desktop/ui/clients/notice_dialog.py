"""Choosing the application notice a draft answers, and entering a new notice's key facts without YAML.

The editor writes the same YAML `grant-assistant packs add` takes, through the same strict validator
(services/notices.add_notice_text): what the dialog accepts, the command line would too.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

import yaml
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.notice import Notice, notice_reading
from desktop.rules.yamlnodes import PackError
from desktop.services.notices import add_notice_text, list_notices
from desktop.services.packs import available_programs, get_pack
from desktop.ui.common.widgets import finding_style, plain_label

if TYPE_CHECKING:
    from desktop.ui.wizard.wizard import WizardWindow

translate = QCoreApplication.translate

_WINDOWS = ("invoices", "payments", "project_start", "project_finish")


def _slug(number: str) -> str:
    """A file-safe id proposed from the notice's number (digits and Latin letters kept)."""
    latin = re.sub(r"[^A-Za-z0-9]+", "-", number).strip("-").lower()
    return ("notice-" + latin)[:60] if latin else "notice"


class NoticeEditor(QDialog):
    """The key facts of a notice: number, title, office, track, the four windows, one deadline."""

    def __init__(self, lang: str, parent: QWidget | None = None, program: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.added: Notice | None = None
        self.setWindowTitle(translate("NoticeEditor", "New application notice"))
        form = QFormLayout()
        self.number = QLineEdit(self)
        self.notice_id = QLineEdit(self)
        self.title_zh, self.title_en = QLineEdit(self), QLineEdit(self)
        self.issuer_zh, self.issuer_en = QLineEdit(self), QLineEdit(self)
        self.program = QComboBox(self)
        for program in available_programs():
            self.program.addItem(program, program)
        self.track = QComboBox(self)
        self.basis = QComboBox(self)
        for key in ("reprint", "practice", "seed"):
            self.basis.addItem(key, key)
        self.source = QLineEdit(self)
        self.dates: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        self.deadline_label, self.deadline = QLineEdit(self), QLineEdit(self)
        if program is not None and self.program.findData(program) >= 0:
            self.program.setCurrentIndex(self.program.findData(program))
        self.number.textEdited.connect(lambda text: self.notice_id.setText(_slug(text)))
        self.program.currentIndexChanged.connect(self._fill_tracks)
        self._fill_tracks()
        rows: list[tuple[str, QWidget]] = [
            (translate("NoticeEditor", "Number (文号)"), self.number),
            (translate("NoticeEditor", "Id (file name)"), self.notice_id),
            (translate("NoticeEditor", "Title (Chinese)"), self.title_zh),
            (translate("NoticeEditor", "Title (English)"), self.title_en),
            (translate("NoticeEditor", "Issuing office (Chinese)"), self.issuer_zh),
            (translate("NoticeEditor", "Issuing office (English)"), self.issuer_en),
            (translate("NoticeEditor", "Rule pack"), self.program),
            (translate("NoticeEditor", "Track"), self.track),
            (translate("NoticeEditor", "Basis"), self.basis),
            (translate("NoticeEditor", "Where it was published"), self.source),
        ]
        names = {
            "invoices": translate("NoticeEditor", "Invoice dates"),
            "payments": translate("NoticeEditor", "Payment dates"),
            "project_start": translate("NoticeEditor", "Project start"),
            "project_finish": translate("NoticeEditor", "Project finish"),
        }
        for label, widget in rows:
            form.addRow(label, widget)
        for key in _WINDOWS:
            start, end = QLineEdit(self), QLineEdit(self)
            for edit in (start, end):
                edit.setPlaceholderText("YYYY-MM-DD")
            row = QHBoxLayout()
            row.addWidget(start)
            row.addWidget(plain_label(self, "…"))
            row.addWidget(end)
            form.addRow(names[key], row)
            self.dates[key] = (start, end)
        self.deadline.setPlaceholderText("YYYY-MM-DD")
        self.deadline_label.setPlaceholderText(translate("NoticeEditor", "e.g. 网上填报截止"))
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_label, 2)
        deadline_row.addWidget(self.deadline, 1)
        form.addRow(translate("NoticeEditor", "Deadline (optional)"), deadline_row)
        self.problem = plain_label(self, wrap=True)
        self.problem.setStyleSheet(finding_style("error"))
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _fill_tracks(self) -> None:
        self.track.clear()
        program = self.program.currentData()
        if not program:
            return
        for key, category in get_pack(program).categories.items():
            self.track.addItem(category.name.get(self.lang), key)

    def _fail(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _date(self, edit: QLineEdit, what: str) -> str | None:
        text = edit.text().strip()
        try:
            if len(text) != 10:
                raise ValueError(text)
            date.fromisoformat(text)
        except ValueError:
            self._fail(translate("NoticeEditor", "{what}: write a date as YYYY-MM-DD, e.g. 2025-07-31").format(
                what=what))
            edit.setFocus()
            return None
        return text

    def yaml_text(self) -> str | None:
        """The notice as YAML, or None (the problem shown) when a field is missing or not a date."""
        required = [
            (self.number, translate("NoticeEditor", "Number (文号)")),
            (self.notice_id, translate("NoticeEditor", "Id (file name)")),
            (self.title_zh, translate("NoticeEditor", "Title (Chinese)")),
            (self.title_en, translate("NoticeEditor", "Title (English)")),
            (self.issuer_zh, translate("NoticeEditor", "Issuing office (Chinese)")),
            (self.issuer_en, translate("NoticeEditor", "Issuing office (English)")),
        ]
        for edit, what in required:
            if not edit.text().strip():
                self._fail(translate("NoticeEditor", "Fill in the {what}.").format(what=what))
                edit.setFocus()
                return None
        windows: dict[str, dict[str, str]] = {}
        for key, (start_edit, end_edit) in self.dates.items():
            start = self._date(start_edit, key)
            end = self._date(end_edit, key) if start else None
            if start is None or end is None:
                return None
            windows[key] = {"start": start, "end": end}
        data: dict[str, object] = {
            "id": self.notice_id.text().strip(),
            "program": self.program.currentData(),
            "tracks": [self.track.currentData()],
            "number": self.number.text().strip(),
            "title": {"zh": self.title_zh.text().strip(), "en": self.title_en.text().strip()},
            "issuer": {"zh": self.issuer_zh.text().strip(), "en": self.issuer_en.text().strip()},
            "basis": self.basis.currentData(),
            "source": self.source.text().strip() or "entered by hand",
            "windows": windows,
        }
        if self.deadline.text().strip():
            day = self._date(self.deadline, translate("NoticeEditor", "Deadline (optional)"))
            if day is None:
                return None
            label = self.deadline_label.text().strip() or "申报截止"
            data["deadlines"] = [{"id": "deadline", "zh": label, "en": label, "date": day}]
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

    def save(self) -> None:
        text = self.yaml_text()
        if text is None:
            return
        try:
            self.added, _path = add_notice_text(text, translate("NoticeEditor", "the notice entered"))
        except PackError as exc:
            self._fail(str(exc))
            return
        self.accept()


class NoticeChooser(QDialog):
    """Which notice the draft answers: none (the policy period, our reading) or one of the notices."""

    def __init__(
        self, current: str | None, lang: str, parent: QWidget | None = None, program: str | None = None
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.program = program
        self.setWindowTitle(translate("NoticeChooser", "Application notice"))
        self.combo = QComboBox(self)
        self.details = plain_label(self, wrap=True)
        self.problems = plain_label(self, wrap=True)
        self.problems.setStyleSheet(finding_style("warning"))
        new = QPushButton(translate("NoticeChooser", "New notice…"), self)
        new.clicked.connect(self.new_notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(self.details)
        layout.addWidget(self.problems)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.combo.currentIndexChanged.connect(self._describe)
        self._fill(current)

    def _fill(self, current: str | None) -> None:
        entries, problems = list_notices()
        self.notices = {e.notice.id: e.notice for e in entries}
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(translate("NoticeChooser", "No notice (policy period, our reading)"), None)
        for notice in self.notices.values():
            self.combo.addItem(f"{notice.number} · {notice.title.get(self.lang)}", notice.id)
        index = self.combo.findData(current) if current else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self._describe()

    def _describe(self) -> None:
        notice = self.chosen_notice()
        if notice is None:
            self.details.setText(translate(
                "NoticeChooser", "Without a notice, invoice and payment dates are read against the policy period "
                "(basis: practice, our reading). A notice sets its own windows, deadlines and papers."))
        else:
            self.details.setText(notice_reading(notice, self.lang))

    def chosen(self) -> str | None:
        value = self.combo.currentData()
        return value if isinstance(value, str) else None

    def chosen_notice(self) -> Notice | None:
        key = self.chosen()
        return None if key is None else self.notices.get(key)

    def new_notice(self) -> None:
        editor = NoticeEditor(self.lang, self, self.program)
        if editor.exec() == QDialog.DialogCode.Accepted and editor.added is not None:
            self._fill(editor.added.id)


def choose_notice(window: WizardWindow) -> None:
    """File › Application notice…: the chosen notice (and its rule pack) set on the open draft."""
    session = window.session
    chooser = NoticeChooser(session.draft.notice, window.lang, window, session.draft.program)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return
    notice = chooser.chosen_notice()
    if notice is not None and notice.program != session.draft.program:
        session.set_value("program", notice.program, translate("NoticeChooser", "Application notice"),
                          mergeable=False)
    if chooser.chosen() != session.draft.notice:
        session.set_value("notice", chooser.chosen(), translate("NoticeChooser", "Application notice"),
                          mergeable=False)
