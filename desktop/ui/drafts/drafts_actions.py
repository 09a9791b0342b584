"""The drafts window's actions and menus: new, open, duplicate, delete (undoable) and the trash,
draft files in and out, the demo draft, language and About."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.services.file_names import draft_file_name as draft_file_name  # re-exported: unsaved, wizard_menus
from desktop.ui.menus import LanguageMenu, open_data_folder, show_about
from desktop.ui.wizard.history import set_history_keys

if TYPE_CHECKING:
    from desktop.services.database import Database
    from desktop.services.draft_list import DraftSummary
    from desktop.ui.drafts.drafts_window import DraftsWindow


class FileExporter(Protocol):
    """What writes a draft file: the draft store, or _ReadOnlyExport for a read-only database."""

    def export_file(self, draft_id: int, path: Path) -> None: ...

translate = QCoreApplication.translate


class TrashCommand(QUndoCommand):
    """A draft moved to the trash; undo restores it."""

    def __init__(self, window: DraftsWindow, draft_id: int, title: str) -> None:
        super().__init__(title)
        self.window = window
        self.draft_id = draft_id
        self.title = title

    def redo(self) -> None:
        self.window.controller.close_draft(self.draft_id)
        self.window.controller.store.delete(self.draft_id)
        text = translate("DraftsActions", "“{title}” moved to the trash.").format(title=self.title)
        self.window.undo_text.setText(text)
        self.window.refresh()

    def undo(self) -> None:
        from desktop.services.database import DraftNotFound

        try:
            self.window.controller.store.restore(self.draft_id)
        except DraftNotFound:  # deleted for ever meanwhile (by another window of the program)
            text = translate("DraftsActions", "“{title}” was deleted for ever and cannot be brought back.")
            self.window.statusBar().showMessage(text.format(title=self.title), 10000)
        self.window.refresh()
        self.window.select(self.draft_id)


def export_draft_file(parent: QWidget, store: FileExporter, draft_id: int, path: Path) -> bool:
    """Write the draft file; a folder that refuses it is explained in a message, not raised."""
    try:
        store.export_file(draft_id, path)
    except OSError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning, translate("DraftsActions", "Cannot export"),
            translate("DraftsActions", "The draft file could not be written to {path}: {problem}").format(
                path=path, problem=exc.strerror or exc),
            parent=parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        return False
    return True


class _ReadOnlyExport:
    """store.export_file for a database opened read-only: the draft file, without an "export" revision."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def export_file(self, draft_id: int, path: Path) -> None:
        from desktop.services.drafts import export_draft

        with self.db.session() as s:
            export_draft(s, draft_id, path, keep_revision=False)


def _action(window: QWidget, slot: Callable[[], object],
            shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
    action = QAction(window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


class DraftsActions:
    def __init__(self, window: DraftsWindow) -> None:
        self.window = w = window
        c = window.controller
        self.new = _action(w, c.new_draft, QKeySequence.StandardKey.New)
        self.open = _action(w, w.open_selected, QKeySequence.StandardKey.Open)
        self.duplicate = _action(w, self.duplicate_selected, "Ctrl+D")
        self.delete = _action(w, self.delete_selected)
        self.restore = _action(w, self.restore_selected)
        self.purge = _action(w, self.purge_selected)
        self.import_json = _action(w, self.ask_import, "Ctrl+I")
        self.export_json = _action(w, self.ask_export, "Ctrl+E")
        self.demo = _action(w, c.open_demo)
        self.data_folder = _action(w, lambda: open_data_folder(w))
        self.team = _action(w, c.connect_team)
        self.companies = _action(w, self.show_companies, "Ctrl+K")
        self.quit = _action(w, c.quit, QKeySequence.StandardKey.Quit)
        self.trash_action = _action(w, self._toggle_trash, "Ctrl+T")
        self.trash_action.setCheckable(True)
        undo, redo = w.undo_stack.createUndoAction(w), w.undo_stack.createRedoAction(w)
        assert undo is not None and redo is not None
        self.undo, self.redo = undo, redo
        set_history_keys(self.undo, self.redo)  # each key once: a key given twice does nothing
        for a in (self.new, self.open, self.duplicate, self.delete, self.import_json, self.export_json,
                  self.trash_action, self.restore, self.purge):
            w.toolbar.addAction(a)
        bar = w.menuBar()
        self.file_menu = bar.addMenu("")
        for item in (self.new, self.open, self.demo, None, self.companies, None, self.import_json, self.export_json,
                     self.data_folder, self.team, None, self.quit):
            self.file_menu.addSeparator() if item is None else self.file_menu.addAction(item)
        self.edit_menu = bar.addMenu("")
        for item in (self.undo, self.redo, None, self.duplicate, self.delete, None, self.trash_action,
                     self.restore, self.purge):
            self.edit_menu.addSeparator() if item is None else self.edit_menu.addAction(item)
        from desktop.ui.drafts.drafts_review import ReviewActions

        self.review = ReviewActions(w, self.edit_menu)
        self.language = LanguageMenu(w, c)
        self.help_menu = bar.addMenu("")
        self.about = _action(w, lambda: show_about(w, c.lang))
        self.help_menu.addAction(self.about)

    def show_companies(self) -> None:
        """The companies dialog; the draft chosen in the list can be linked to a company there."""
        from desktop.ui.clients.company_dialog import CompanyDialog

        w = self.window
        dialog = CompanyDialog(w.controller.store, w.selected_id(), w)
        dialog.exec()
        w.refresh()
        w.controller.refresh_company_documents()  # the open drafts check against the documents as saved

    def retranslate(self, lang: str) -> None:
        self.file_menu.setTitle(translate("DraftsActions", "&File"))
        self.companies.setText(translate("DraftsActions", "&Companies…"))
        self.edit_menu.setTitle(translate("DraftsActions", "&Edit"))
        self.help_menu.setTitle(translate("DraftsActions", "&Help"))
        self.new.setText(translate("DraftsActions", "&New"))
        self.open.setText(translate("DraftsActions", "&Open"))
        self.duplicate.setText(translate("DraftsActions", "D&uplicate"))
        self.delete.setText(translate("DraftsActions", "&Delete"))
        self.restore.setText(translate("DraftsActions", "&Restore"))
        self.purge.setText(translate("DraftsActions", "Delete for&ever"))
        self.import_json.setText(translate("DraftsActions", "&Import draft file…"))
        self.export_json.setText(translate("DraftsActions", "&Export draft file…"))
        self.demo.setText(translate("DraftsActions", "Open the &demo draft"))
        self.quit.setText(translate("DraftsActions", "&Quit"))
        self.data_folder.setText(translate("DraftsActions", "Open data &folder"))
        self.team.setText(translate("DraftsActions", "Connect to a &team database…"))
        self.trash_action.setText(translate("DraftsActions", "&Trash"))
        self.undo.setText(translate("DraftsActions", "&Undo"))
        self.redo.setText(translate("DraftsActions", "&Redo"))
        self.about.setText(translate("DraftsActions", "&About…"))
        self.review.retranslate()
        self.language.retranslate(lang)
        self.update_enabled()

    def update_enabled(self) -> None:
        w = self.window
        has = w.selected_id() is not None
        row = w.selected_row() if has else None
        damaged = row is not None and bool(getattr(row, "damaged", None))
        edit = not w.read_only  # a read-only database lists, shows and exports; it changes nothing
        for a in (self.open, self.export_json):
            a.setEnabled(has and not w.trash)
        for a in (self.open, self.duplicate, self.delete, self.export_json):
            a.setVisible(not w.trash)
        self.duplicate.setEnabled(has and not w.trash and edit and not damaged)
        self.delete.setEnabled(has and not w.trash and edit)
        for a in (self.restore, self.purge):
            a.setEnabled(has and w.trash and edit)
            a.setVisible(w.trash)
        for a in (self.new, self.import_json, self.demo):
            a.setEnabled(edit)
        self.new.setVisible(not w.trash)
        self.import_json.setVisible(not w.trash)
        self.review.update_enabled(has, edit, damaged)

    # ---- doing it
    def _toggle_trash(self) -> None:
        self.window.show_trash(self.trash_action.isChecked())

    def _selected(self) -> tuple[int | None, str]:
        draft_id = self.window.selected_id()
        if draft_id is None:
            return None, ""
        row = self.window.model.rows[cast(int, self.window.model.row_of(draft_id))]  # the selected id is listed
        if getattr(row, "damaged", None):
            return draft_id, translate("DraftsActions", "damaged draft {id}").format(id=draft_id)
        return draft_id, row.title or translate("DraftsActions", "Untitled draft")

    def duplicate_selected(self) -> None:
        draft_id, title = self._selected()
        if draft_id is not None:
            self.guarded(draft_id, lambda: self._duplicate(draft_id, title))

    def _duplicate(self, draft_id: int, title: str) -> None:
        from desktop.services.draft_list import duplicate_titled

        self.window.controller.flush_draft(draft_id)
        copy_title = translate("DraftsActions", "{title} (copy)").format(title=title)  # two rows told apart
        with self.window.controller.store.db.session() as s:
            new_id = duplicate_titled(s, draft_id=draft_id, title=copy_title)
        self.window.undo_bar.hide()  # the banner speaks of the last deletion only until the next action
        self.window.refresh()
        self.window.select(new_id)

    def delete_selected(self) -> None:
        draft_id, title = self._selected()
        if draft_id is not None and not self.window.trash:
            self.window.undo_stack.push(TrashCommand(self.window, draft_id, title))

    def restore_selected(self) -> None:
        draft_id, _ = self._selected()
        if draft_id is not None and self.window.trash:
            self.window.controller.store.restore(draft_id)
            self.window.undo_stack.clear()  # an "Undo" of its deletion has nothing left to undo
            self.window.refresh()

    def guarded(self, draft_id: int, work: Callable[[], object]) -> None:
        """Run `work` on a draft; a draft found damaged only when read (its list row was fine) is explained."""
        import dataclasses

        from desktop.services.database import DamagedDraft

        try:
            work()
        except DamagedDraft as exc:
            row = self.window.selected_row()
            if row is None or row.id != draft_id:
                raise
            self.explain_damaged(dataclasses.replace(row, damaged=exc.reason))

    def explain_damaged(self, row: DraftSummary) -> None:
        """A draft that cannot be read: say why, and offer to export its raw values or delete it for ever."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, translate("DraftsActions", "Damaged draft"),
            translate(
                "DraftsActions",
                "The draft with id {id} cannot be read: {reason}. The other drafts are not affected. "
                "You can export its raw stored values to a file (for a specialist to recover what can be "
                "recovered), or delete it for ever.",
            ).format(id=row.id, reason=row.damaged),
            QMessageBox.StandardButton.NoButton, self.window,
        )
        box.setObjectName("damaged-draft")
        box.setTextFormat(Qt.TextFormat.PlainText)
        export = box.addButton(translate("DraftsActions", "Export raw values…"), QMessageBox.ButtonRole.ActionRole)
        purge = None
        if not self.window.read_only:
            purge = box.addButton(translate("DraftsActions", "Delete for ever"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is export:
            self.ask_export()
        elif purge is not None and box.clickedButton() is purge:
            self.purge_damaged(row.id)

    def purge_damaged(self, draft_id: int) -> None:
        self.window.controller.close_draft(draft_id)
        self.window.controller.store.purge(draft_id)
        self.window.undo_stack.clear()
        self.window.refresh()

    def export_raw(self, draft_id: int, path: Path) -> bool:
        """A damaged draft's raw stored values written to `path` (whole or not at all)."""
        from desktop.services.drafts import export_raw

        try:
            with self.window.controller.store.db.session() as s:
                export_raw(s, draft_id, path)
        except OSError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning, translate("DraftsActions", "Cannot export"),
                translate("DraftsActions", "The draft file could not be written to {path}: {problem}").format(
                    path=path, problem=exc.strerror or exc),
                parent=self.window,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
            return False
        return True

    def purge_selected(self) -> None:
        draft_id, title = self._selected()
        if draft_id is None or not self.window.trash:
            return
        answer = QMessageBox.question(
            self.window, translate("DraftsActions", "Delete for ever"),
            translate("DraftsActions", "Delete “{title}” for ever? This cannot be undone.").format(title=title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.controller.store.purge(draft_id)
            self.window.undo_stack.clear()  # no "Undo" left that would bring back what is gone
            self.window.refresh()

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, translate("DraftsActions", "Import a draft file"), "",
            translate("DraftsActions", "Draft files (*.json)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> int | None:
        from desktop.domain.errors import DraftFormatError  # the domain loads after the first paint

        try:
            new_id = self.window.controller.store.import_file(path)
        except DraftFormatError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, translate("DraftsActions", "Cannot import"), str(exc),
                              parent=self.window)
            box.setTextFormat(self.window.heading.textFormat())
            box.open()
            return None
        self.window.undo_bar.hide()
        self.window.refresh()
        self.window.select(new_id)
        return new_id

    def ask_export(self) -> None:
        draft_id, title = self._selected()
        if draft_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, translate("DraftsActions", "Export the draft file"), draft_file_name(title),
            translate("DraftsActions", "Draft files (*.json)"),
        )
        if not name:
            return
        row = self.window.selected_row()
        if row is not None and getattr(row, "damaged", None):
            self.export_raw(draft_id, Path(name))
            return
        store: FileExporter
        if self.window.read_only:  # the file is written; no "export" revision can be kept
            store = _ReadOnlyExport(self.window.controller.store.db)
        else:
            self.window.controller.flush_draft(draft_id)
            store = self.window.controller.store
        self.guarded(draft_id, lambda: export_draft_file(self.window, store, draft_id, Path(name)))
