"""The wizard's menus and shortcuts: File, Edit (undo / redo), Go, Language, Help (F1, About)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWhatsThis, QWidget

from desktop.ui.menus import LanguageMenu, show_about
from desktop.ui.wizard.history import HistoryActions

if TYPE_CHECKING:
    from desktop.ui.drafts.revisions_panel import RevisionsPanel
    from desktop.ui.wizard.wizard import WizardWindow

translate = QCoreApplication.translate


def _action(
    window: QWidget, slot: Callable[[], object], shortcut: str | QKeySequence.StandardKey | None = None
) -> QAction:
    action = QAction(window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


class WizardMenus:
    def __init__(self, window: WizardWindow) -> None:  # wizard.py imports this module
        self.window = window
        w = window
        bar = w.menuBar()
        self.file_menu = bar.addMenu("")
        self.new = _action(w, lambda: w.controller.new_draft(), QKeySequence.StandardKey.New)
        self.open = _action(w, lambda: w.controller.show_drafts(), QKeySequence.StandardKey.Open)
        self.revision = _action(w, self.ask_revision, QKeySequence.StandardKey.Save)
        self.revisions = _action(w, self.show_revisions, "Ctrl+Shift+S")
        self.revisions_panel: RevisionsPanel | None = None  # built when first asked for
        self.export = _action(w, lambda: self.route("export"), "Ctrl+E")
        self.print = _action(w, lambda: self.route("print"), QKeySequence.StandardKey.Print)
        self.export_json = _action(w, self.ask_export_json)
        self.notice = _action(w, self.choose_notice)
        self.close = _action(w, w.close, QKeySequence.StandardKey.Close)
        for a in (self.new, self.open, self.revision, self.revisions):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.notice)
        self.file_menu.addSeparator()
        for a in (self.export, self.print, self.export_json):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close)

        self.edit_menu = bar.addMenu("")
        self.history = HistoryActions(w, w.session, w.navigate)  # the one owner of the undo and redo keys
        self.undo, self.redo = self.history.undo, self.history.redo
        for a in (self.undo, self.redo):
            self.edit_menu.addAction(a)

        self.go_menu = bar.addMenu("")
        self.back = _action(w, lambda: w.go(w.current - 1), "Alt+Left")
        self.next = _action(w, lambda: w.go(w.current + 1), "Alt+Right")
        self.go_menu.addAction(self.back)
        self.go_menu.addAction(self.next)
        self.go_menu.addSeparator()
        self.steps = []
        for i, _step in enumerate(w.form.steps):
            a = _action(w, partial(w.go, i), f"Ctrl+{i + 1}")
            self.go_menu.addAction(a)
            self.steps.append(a)

        self.language = LanguageMenu(w, w.controller)
        self.help_menu = bar.addMenu("")
        self.help = _action(w, self.field_help, QKeySequence.StandardKey.HelpContents)
        self.about = _action(w, lambda: show_about(w, w.lang))
        self.help_menu.addAction(self.help)
        self.help_menu.addAction(self.about)
        self.last_help: str | None = None

    def retranslate(self) -> None:
        w = self.window
        self.file_menu.setTitle(translate("WizardMenus", "&File"))
        self.new.setText(translate("WizardMenus", "&New draft"))
        self.open.setText(translate("WizardMenus", "&Open drafts…"))
        self.revision.setText(translate("WizardMenus", "&Save a named revision…"))
        self.revisions.setText(translate("WizardMenus", "Re&visions…"))
        if self.revisions_panel is not None:
            self.revisions_panel.retranslate()
        self.export.setText(translate("WizardMenus", "&Export PDF…"))
        self.print.setText(translate("WizardMenus", "&Print…"))
        self.export_json.setText(translate("WizardMenus", "Export draft &file (JSON)…"))
        self.close.setText(translate("WizardMenus", "&Close"))
        self.notice.setText(translate("WizardMenus", "Application &notice…"))
        self.edit_menu.setTitle(translate("WizardMenus", "&Edit"))
        self.history.set_labels(translate("WizardMenus", "&Undo"), translate("WizardMenus", "&Redo"))
        self.go_menu.setTitle(translate("WizardMenus", "&Go"))
        self.back.setText(translate("WizardMenus", "&Back"))
        self.next.setText(translate("WizardMenus", "&Next"))
        for i, (a, step) in enumerate(zip(self.steps, w.form.steps, strict=True)):
            a.setText(f"{i + 1}  {step.title.get(w.lang)}")
        self.language.retranslate(w.lang)
        self.help_menu.setTitle(translate("WizardMenus", "&Help"))
        self.help.setText(translate("WizardMenus", "Help for this &field"))
        self.about.setText(translate("WizardMenus", "&About…"))

    def choose_notice(self) -> None:
        from desktop.ui.clients.notice_dialog import choose_notice

        choose_notice(self.window)

    def route(self, action: str) -> None:
        """Ctrl+E / Ctrl+P: to the export step, which does the work when it can."""
        w = self.window
        w.go_to_step("export")
        w.current_page().trigger(action)

    def ask_revision(self) -> None:
        w = self.window
        label, ok = QInputDialog.getText(
            w, translate("WizardMenus", "Save a named revision"),
            translate("WizardMenus", "Name of this revision:"),
        )
        if ok:
            self.save_revision(label.strip() or None)

    def save_revision(self, label: str | None) -> None:
        w = self.window
        w.session.seal()
        if not w.session.flush():
            # a conflict (or a failed save) leaves this window's edits unsaved: a revision now would keep
            # the stored draft under the user's name for their own, so say so instead
            w.statusBar().showMessage(translate(
                "WizardMenus", "No revision saved: this window's edits are not saved yet. Resolve the conflict "
                "or the save problem first."), 8000)
            if w.session.paused:
                w.show_conflict()
            return
        from desktop.services.drafts import save_manually

        with w.controller.store.db.session() as s:
            save_manually(s, w.draft_id, label)
        w.statusBar().showMessage(
            translate("WizardMenus", "Revision saved: {label}").format(label=label or "—"), 5000
        )

    def show_revisions(self) -> RevisionsPanel:
        """The revisions panel: the list, the differences with the draft now, restoring one."""
        from desktop.ui.drafts.revisions_panel import RevisionsPanel

        panel = self.revisions_panel
        if panel is None:
            panel = self.revisions_panel = RevisionsPanel(self.window)
        panel.refresh()
        panel.show()
        panel.raise_()
        return panel

    def ask_export_json(self) -> None:
        w = self.window
        from desktop.ui.drafts.drafts_actions import draft_file_name, export_draft_file

        name, _ = QFileDialog.getSaveFileName(
            w, translate("WizardMenus", "Export draft file"), draft_file_name(w.session.draft.title),
            translate("WizardMenus", "Draft files (*.json)"),
        )
        if not name:
            return
        w.session.flush()
        if not w.session.has_unsaved:
            export_draft_file(w, w.controller.store, w.draft_id, Path(name))
            return
        # The database refuses the edits (full disk, read-only ...): the file gets what is on screen,
        # never the older stored draft.
        from desktop.services.save_problems import keep_in_file

        try:
            keep_in_file(w.session.draft, Path(name))
        except OSError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, translate("DraftsActions", "Cannot export"), translate(
                "DraftsActions", "The draft file could not be written to {path}: {problem}").format(
                path=name, problem=exc.strerror or exc), parent=w)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()

    def field_help(self) -> None:
        """F1: the help text of the focused field, shown beside it."""
        w = self.window
        focus = QApplication.focusWidget()
        page = w.current_page()
        text = page.help_for(focus)
        if not text and focus is not None:
            text = focus.whatsThis() or None
        if not text:
            text = w.form.steps[w.current].intro.get(w.lang)
        self.last_help = text
        anchor = focus if focus is not None else page
        QWhatsThis.showText(anchor.mapToGlobal(anchor.rect().bottomLeft()), text, anchor)
