"""When the drafts database cannot be used (a full disk, a lock, a missing folder, not our database,
damaged, from a newer program): say so plainly with what to do (storage.causes words each cause), offer
the newest good backup only for damage, and never show a traceback.

Restoring first checks a copy of the backup beside the database, then keeps the refused file as
`<name>.damaged-<n>` (storage.restore does that), so nothing the user had is deleted; a restore that
fails says what was and was not changed.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from desktop.ui.controller import Controller

translate = QCoreApplication.translate


def _backup_when(backup: Path) -> str:
    try:
        return datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        return "?"


RESTORE, RETRY, QUIT = "restore", "retry", "quit"


def ask(parent: QWidget | None, problem: str, backup: Path | None, damaged: bool = True, retry: bool = False) -> str:
    """Tell the user the database cannot be opened and why; what they chose: RESTORE `backup`, RETRY
    (offered when the cause may pass: a full disk, a lock, a drive not connected) or QUIT."""
    box = QMessageBox(QMessageBox.Icon.Critical, translate("DatabaseProblem", "Cannot open the drafts"),
                      "", QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("database-problem")
    box.setTextFormat(Qt.TextFormat.PlainText)
    text = translate("DatabaseProblem", "The drafts database cannot be used:") + "\n\n" + problem
    restore = None
    if backup is not None:
        text += "\n\n" + translate(
            "DatabaseProblem",
            "A good backup from {when} was found. Restore it? The database as it is now is kept beside it "
            "(renamed, not deleted); changes made after the backup are not in it.",
        ).format(when=_backup_when(backup))
        restore = box.addButton(translate("DatabaseProblem", "Restore the backup"),
                                QMessageBox.ButtonRole.AcceptRole)
    elif damaged:
        text += "\n\n" + translate(
            "DatabaseProblem", "No backup to restore was found. The program will close; the file was not changed."
        )
    elif retry:
        text += "\n\n" + translate(
            "DatabaseProblem", "The file was not changed. Try again once this is put right, or quit."
        )
    else:
        text += "\n\n" + translate("DatabaseProblem", "The program will close; the file was not changed.")
    again = None
    if retry:
        again = box.addButton(translate("DatabaseProblem", "Try again"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(translate("DatabaseProblem", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or again or quit_button)
    box.setEscapeButton(quit_button)
    box.setText(text)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return RESTORE
    return RETRY if again is not None and clicked is again else QUIT


def restored_message(parent: QWidget | None, kept: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, translate("DatabaseProblem", "Backup restored"),
                      translate("DatabaseProblem", "The backup was restored. The previous file was kept as {file}.")
                      .format(file=kept), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("database-restored")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()


def restore_failed(parent: QWidget | None, problem: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, translate("DatabaseProblem", "The backup was not restored"),
                      translate("DatabaseProblem", "The backup could not be restored:") + "\n\n" + problem + "\n\n"
                      + translate("DatabaseProblem", "The program will close."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("database-restore-failed")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def open_or_explain(controller: Controller) -> bool:
    """Open the controller's database; when it is refused, explain and offer the backup. True when the
    database is open; False when the user quit (the drafts window is closed, so the program ends)."""
    from desktop.services.database import DatabaseError, is_damaged, is_passing, recover

    window = controller.drafts_window
    restores = 0
    while True:
        try:
            controller.store  # noqa: B018 (opens the database)
            return True
        except DatabaseError as exc:
            damaged, passing = is_damaged(exc), is_passing(exc)
            choice = ask(window, exc.text(controller.lang), exc.backup if restores < 2 else None, damaged, passing)
            if choice == RETRY:
                continue
            if choice != RESTORE or exc.backup is None:
                window.close()
                return False
            restores += 1
            try:
                kept = recover(controller.location, exc.backup)
            except DatabaseError as failed:  # says what was and was not changed
                restore_failed(window, failed.text(controller.lang))
                window.close()
                return False
            restored_message(window, kept)
