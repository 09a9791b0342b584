"""Edits the database did not take: the banner that says why, and what closing the window offers.

A wizard whose last save failed (a full disk, a read-only or locked file) or whose draft was changed or
deleted elsewhere holds edits that exist only in memory. Closing it never drops them silently: the
window offers to keep them as a copy in the database, or as a draft file (a save dialog), or to discard
them after a second, explicit confirmation. When the program itself is ending and nobody can be asked,
they are kept as a copy, or else written to a draft file in the data folder's "unsaved" folder.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.services.save_problems import SaveFailed, SaveProblem, keep_in_file, rescue_path
from desktop.ui.common.widgets import plain_label

if TYPE_CHECKING:
    from desktop.ui.wizard.wizard import WizardWindow

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


class ProblemBanner(QWidget):
    """A plain sentence above the buttons while the window's edits are not in the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 0)
        self.text = plain_label(self, wrap=True)
        self.text.setObjectName("save-problem")
        self.text.setStyleSheet("QLabel#save-problem { color: #9a3412; }")
        layout.addWidget(self.text)
        self.problem: SaveProblem | None = None
        self.hide()

    def show_problem(self, problem: SaveProblem | None, lang: str) -> None:
        self.problem = problem
        self.text.setText(problem.message(lang) if problem is not None else "")
        self.text.setAccessibleName(self.text.text())
        self.setVisible(problem is not None)


class UnsavedDialog(QDialog):
    """Keep as a copy in the database / save as a draft file / discard (asked again) / go back."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.text = plain_label(self, wrap=True)
        self.text.setMinimumWidth(460)
        layout.addWidget(self.text)
        self.problem_text = plain_label(self, wrap=True)
        layout.addWidget(self.problem_text)
        box = QDialogButtonBox(self)
        self.copy_button = QPushButton(self)
        self.file_button = QPushButton(self)
        self.discard_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        box.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(box)
        self.copy_button.setDefault(True)
        self.reason = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("UnsavedDialog", "Edits not saved"))
        self.text.setText(translate(
            "UnsavedDialog", "Your latest edits are not in the database: {reason} Keep them before the window "
            "closes: in the database (as a new draft when this one cannot take them), or as a draft file you "
            "can import later."
        ).format(reason=self.reason))
        self.copy_button.setText(translate("UnsavedDialog", "Keep in the database"))
        self.file_button.setText(translate("UnsavedDialog", "Save as a draft file…"))
        self.discard_button.setText(translate("UnsavedDialog", "Discard my edits…"))
        self.cancel_button.setText(translate("UnsavedDialog", "Back to the draft"))


class UnsavedEdits:
    """What one wizard does with edits the database did not take when it closes."""

    def __init__(self, window: WizardWindow) -> None:
        self.window = window
        self.released = False  # the edits were kept elsewhere or discarded: the window may close
        self.dialog: UnsavedDialog | None = None
        self.discard_box: QMessageBox | None = None

    # ---- closing
    def may_close(self) -> bool:
        """True when nothing would be lost by closing now; otherwise the choice is offered (False)."""
        session = self.window.session
        if self.released or session.flush():
            return True
        if self.window.controller.ending:
            self.keep_unasked()
            return True
        self.offer()
        return False

    def _reason(self) -> str:
        session = self.window.session
        if session.gone:
            return translate("UnsavedDialog", "the draft was deleted elsewhere while you were editing it.")
        if session.paused:
            return translate("UnsavedDialog", "the draft was changed elsewhere while you were editing it.")
        if session.problem is not None:
            return session.problem.message(self.window.lang)
        return translate("UnsavedDialog", "they could not be saved.")

    def offer(self) -> UnsavedDialog:
        conflict = self.window.conflict_dialog
        if conflict is not None and conflict.isVisible():
            conflict.reject()  # closing asks one question: what to keep (a copy, a file, or nothing)
        if self.dialog is None:
            self.dialog = UnsavedDialog(self.window)
            self.dialog.copy_button.clicked.connect(self.keep_copy)
            self.dialog.file_button.clicked.connect(self.ask_file)
            self.dialog.discard_button.clicked.connect(self.ask_discard)
        self.dialog.reason = self._reason()
        self.dialog.problem_text.setText("")
        self.dialog.retranslate()
        self.dialog.open()
        return self.dialog

    def _close_now(self) -> None:
        """The edits are kept (or discarded on request): nothing more is written from this window."""
        self.window.session.discard_unsaved()
        self.released = True
        if self.dialog is not None:
            self.dialog.accept()
        self.window.close()

    def _refused(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.problem_text.setText(text)

    def keep_copy(self) -> bool:
        """The edits into the database, the window closing when that worked: into the draft itself when
        the database takes them again (a failed save, not a conflict), as a new draft otherwise."""
        session = self.window.session
        if not session.paused and session.flush():
            self._close_now()
            return True
        try:
            self.window.persister.keep_as_copy(session.draft)
        except SaveFailed as exc:
            self._refused(translate("UnsavedDialog", "The copy could not be saved either: {problem}").format(
                problem=exc.problem.message(self.window.lang)))
            return False
        self._close_now()
        return True

    def ask_file(self) -> None:
        from desktop.ui.drafts.drafts_actions import draft_file_name

        w = self.window
        name, _ = QFileDialog.getSaveFileName(
            self.dialog or w, translate("UnsavedDialog", "Save the edits as a draft file"),
            str(Path.home() / draft_file_name(w.session.draft.title or "")),
            translate("UnsavedDialog", "Draft files (*.json)"),
        )
        if name:
            self.keep_file(Path(name))

    def keep_file(self, path: Path) -> bool:
        try:
            keep_in_file(self.window.session.draft, path)
        except OSError as exc:
            self._refused(translate("UnsavedDialog", "The draft file could not be written to {path}: {problem}")
                          .format(path=path, problem=exc.strerror or exc))
            return False
        self._close_now()
        return True

    def ask_discard(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning, translate("UnsavedDialog", "Discard your edits?"),
            translate("UnsavedDialog", "Your edits since the last save are in no database and no file. "
                      "Discarded, they cannot be brought back."),
            QMessageBox.StandardButton.NoButton, self.dialog or self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.discard_confirm = box.addButton(translate("UnsavedDialog", "Discard for ever"),
                                             QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("UnsavedDialog", "Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.buttonClicked.connect(lambda button: self.discard() if button is self.discard_confirm else None)
        self.discard_box = box
        box.open()
        return box

    def discard(self) -> None:
        self._close_now()

    def keep_unasked(self) -> Path | None:
        """The program is ending: a copy in the database, or else a draft file in the data folder."""
        w = self.window
        try:
            w.persister.keep_as_copy(w.session.draft)
            w.session.discard_unsaved()
            return None
        except SaveFailed:
            target = rescue_path(paths.data_dir() / "unsaved", w.session.draft.title, datetime.now())
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                keep_in_file(w.session.draft, target)
            except OSError:
                log.exception("edits of draft %s could not be kept anywhere", w.session.draft_id)
                return None
            log.warning("edits of draft %s kept in %s", w.session.draft_id, target)
            return target
