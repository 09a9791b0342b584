"""The choice offered when the draft was changed elsewhere: reload theirs, or keep mine as a copy. When it
was deleted elsewhere there is nothing to reload: keeping mine as a copy is offered alone. When it was
submitted elsewhere (locked) the wizard says so in a banner, read only, with a Reopen action (recorded)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import choices
from desktop.domain.lang import choose
from desktop.ui.common.widgets import finding_style, plain_label


class ConflictDialog(QDialog):
    reload_theirs = Signal()
    keep_mine = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.text = plain_label(self, wrap=True)
        self.text.setMinimumWidth(420)
        layout.addWidget(self.text)
        box = QDialogButtonBox(self)
        self.theirs_button = QPushButton(self)
        self.mine_button = QPushButton(self)
        box.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout.addWidget(box)
        self.mine_button.setDefault(True)
        self.theirs_button.clicked.connect(self._theirs)
        self.mine_button.clicked.connect(self._mine)
        self.gone = False
        self.retranslate()

    def set_gone(self, gone: bool) -> None:
        """The stored draft no longer exists (deleted for good elsewhere): no "reload theirs"."""
        self.gone = gone
        self.theirs_button.setVisible(not gone)
        self.retranslate()

    def retranslate(self) -> None:
        if self.gone:
            self.setWindowTitle(self.tr("The draft was deleted elsewhere"))
            self.text.setText(self.tr(
                "This draft was deleted for good in another window or by another program while you were "
                "editing it. Your edits are still here: keep your version as a new draft."
            ))
        else:
            self.setWindowTitle(self.tr("The draft was changed elsewhere"))
            self.text.setText(self.tr(
                "This draft was changed in another window or on another computer since you opened it. "
                "Nothing has been overwritten. Keep your version as a new draft, or reload the stored "
                "version (your edits since the last save are then discarded)."
            ))
        self.mine_button.setText(self.tr("Keep mine as a copy"))
        self.theirs_button.setText(self.tr("Reload theirs"))

    def _theirs(self) -> None:
        self.accept()
        self.reload_theirs.emit()

    def _mine(self) -> None:
        self.accept()
        self.keep_mine.emit()


class LockedBanner(QFrame):
    """"Submitted on <date> by <who> — read only; reopen to edit (recorded)", with the Reopen button."""

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locked-banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.text = plain_label(self, wrap=True)
        self.text.setStyleSheet(finding_style("warning"))
        self.reopen_button = QPushButton(self)
        self.reopen_button.clicked.connect(self.reopen_requested)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reopen_button)
        self.lock: object = None
        self.lang = "zh"
        self.hide()

    def show_lock(self, lock: object, lang: str) -> None:
        """`lock`: storage.app_status.Lock (state, on_date, by), or None to hide the banner."""
        self.lock, self.lang = lock, lang
        self.setVisible(lock is not None)
        self.retranslate(lang)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.reopen_button.setText(self.tr("Reopen to edit"))
        lock = self.lock
        if lock is None:
            self.text.setText("")
            return
        zh, en = choices.APPLICATION_STATES.get(getattr(lock, "state", ""), ("已提交", "Submitted"))
        on_date = getattr(lock, "on_date", None)
        who = getattr(lock, "by", None)
        values = {"state": choose(lang, zh, en), "date": on_date.isoformat() if on_date else "?",
                  "who": who or ""}
        if who:
            text = self.tr("{state} on {date} by {who} — read only; reopen to edit (the reopening is recorded)")
        else:
            text = self.tr("{state} on {date} — read only; reopen to edit (the reopening is recorded)")
        self.text.setText(text.format(**values))
        self.text.setAccessibleName(self.text.text())
