"""The running program: the drafts database, the drafts window, one wizard window per open draft, and
the interface language they all follow."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.ui.common import i18n, settings
from desktop.ui.drafts.drafts_window import DraftsWindow

if TYPE_CHECKING:
    from desktop.services.draft_store import DraftStore
    from desktop.ui.wizard.wizard import WizardWindow


class Lease(Protocol):
    """Who holds a draft open for editing (storage.team.Lease)."""

    @property
    def holder(self) -> str: ...

    @property
    def token(self) -> str: ...

    @property
    def since(self) -> datetime: ...


class Controller(QObject):
    def __init__(self, db: str | None = None, lang: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location = db
        self._store: DraftStore | None = None
        self.language = i18n.language()
        self.lang = self.language.start(lang)
        self.language.changed.connect(self._language_changed)
        self.wizards: dict[int, WizardWindow] = {}
        self.drafts_window = DraftsWindow(self)
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self._refresh_list)
        self._shut_down = False
        from desktop.ui.drafts.leases import EditLeases

        self.leases = EditLeases(self)  # who is editing what, for the others on a shared database
        self.opening = False  # the drafts list was read quickly; opening the database follows
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._application_state)

    @property
    def ending(self) -> bool:
        """The program is shutting down: windows close without asking anything."""
        return self._shut_down

    def _application_state(self, state: Qt.ApplicationState) -> None:
        """The user went to another program: every pending edit is saved now, not after the delay."""
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush_all()

    def flush_all(self) -> None:
        for window in list(self.wizards.values()):
            window.session.flush()

    @property
    def store(self) -> DraftStore:
        """The database, opened on first use (after the first window is on screen)."""
        if self._store is None:
            from desktop.services.draft_store import DraftStore

            self._store = DraftStore(paths.database_location(self.location))
            from desktop.ui.drafts.team_dialog import author_name

            self._store.set_author(author_name() or None)  # the name chosen in the settings, else the database user
        return self._store

    def start(self) -> None:
        """Fill the drafts list (storage and its heavy modules load here, after the first paint). A
        database that cannot be used is explained, with its backup offered (database_problem.py).

        Opening the database (integrity check, schema check or upgrade, daily backup) needs SQLAlchemy,
        a few hundred milliseconds to load. When the database is a drafts file at this program's schema,
        the list is first read with the standard library alone (storage.quicklist) and painted; the open
        follows on the next turn of the event loop and lists again (the view changes only if the rows
        differ). If the open fails, the quick list is taken down before the problem is explained."""
        if self._store is None and self._quick_list():
            self.opening = True
            QTimer.singleShot(0, self, self._open_and_list)
        else:
            self._open_and_list()

    def _quick_list(self) -> bool:
        from desktop.services.quick_list import quick_list  # imports nothing heavy (draft_store does)

        window = self.drafts_window
        rows = quick_list(paths.database_location(self.location), window.search.text().strip(), window.trash)
        if rows is None:
            return False
        window.show_rows(rows)
        window.repaint()  # on screen now, before opening holds the event loop for a moment
        return True

    def _open_and_list(self) -> None:
        from desktop.ui.common.database_problem import open_or_explain

        try:
            if self._shut_down:
                return
            if self._store is None and self.drafts_window.loaded:  # a quick list is showing
                try:
                    self.store  # noqa: B018 (opens the database)
                except Exception:
                    self.drafts_window.forget_rows()  # not left on show over a database that cannot be used
            if open_or_explain(self):
                self.drafts_window.refresh()
                self._tell_warnings()
        finally:
            self.opening = False

    def _tell_warnings(self) -> None:
        """What went wrong without stopping the work (a daily backup that could not be made) is said."""
        from PySide6.QtCore import QCoreApplication

        problems = list(self.store.db.warnings)
        if problems:
            text = QCoreApplication.translate("Controller", "Warning: {problem}").format(problem="; ".join(problems))
            self.drafts_window.statusBar().showMessage(text)

    # ---- windows
    def show_drafts(self) -> DraftsWindow:
        w = self.drafts_window
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    def open_draft(self, draft_id: int, step: str | None = None) -> WizardWindow:
        from desktop.ui.wizard.session import DraftSession
        from desktop.ui.wizard.wizard import WizardWindow

        window = self.wizards.get(draft_id)
        if window is None:
            stored = self.store.load(draft_id)
            session = DraftSession(stored.draft, draft_id=draft_id)
            session.set_invoices_elsewhere(self.store.invoices_elsewhere(draft_id))
            session.set_company_documents(self.store.company_documents(draft_id))
            persister = self.store.persister(draft_id, stored.version, session.current_assessment)
            session.rebind(draft_id, persister)
            window = WizardWindow(self, session, persister)
            session.saved.connect(lambda _when: self._refresh_timer.start())
            self.wizards[draft_id] = window
            self._tell_lease(window, self.leases.take(draft_id))
            step = step or settings.last_step(draft_id)
            try:
                window.go_to_step(step) if step else window.go(0)
            except KeyError:
                window.go(0)
        elif step:
            window.go_to_step(step)
        settings.set_last_draft(draft_id)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def refresh_company_documents(self) -> None:
        """The open drafts take their companies' standing documents again (after the companies dialog)."""
        for draft_id, window in list(self.wizards.items()):
            window.session.set_company_documents(self.store.company_documents(draft_id))

    def connect_team(self) -> bool:
        """File ▸ Connect to a team database…: the drafts window then lists that database's drafts."""
        from desktop.ui.drafts.team_dialog import TeamDialog

        dialog = TeamDialog(self.drafts_window, self.lang)
        if dialog.exec() != TeamDialog.DialogCode.Accepted or not dialog.url:
            return False
        return self.switch_database(dialog.url)

    def switch_database(self, location: str) -> bool:
        """Close the open drafts (their edits written), then open `location` (explained if refused)."""
        from desktop.ui.common.database_problem import open_or_explain

        for window in list(self.wizards.values()):
            if not window.close():
                return False
        if self._store is not None:
            self.leases.release_all()
            self._store.close()
            self._store = None
        self.location = location
        if open_or_explain(self):
            self.drafts_window.refresh()
            self._tell_warnings()
            return True
        return False

    def _tell_lease(self, window: WizardWindow, lease: Lease | None) -> None:
        """A draft someone else is editing opens all the same; its window says who and since when."""
        if lease is None or lease.token == self.leases.token:
            return
        from PySide6.QtCore import QCoreApplication

        from desktop.ui.drafts.drafts_model import _local

        text = QCoreApplication.translate("Controller", "{who} has been editing this draft since {when}: "
                                          "a change saved by both of you is refused for the later one.")
        window.statusBar().showMessage(text.format(who=lease.holder, when=_local(lease.since)), 20000)

    def new_draft(self) -> WizardWindow:
        from desktop.domain.model import Draft

        draft_id = self.store.create(Draft(format_version=2))  # the newest format: its evidence is checked
        self._refresh_list()
        return self.open_draft(draft_id, "eligibility")

    def open_demo(self) -> WizardWindow:
        draft_id = self.store.import_file(paths.demo_draft_path())
        self._refresh_list()
        return self.open_draft(draft_id, "eligibility")

    def flush_draft(self, draft_id: int) -> None:
        window = self.wizards.get(draft_id)
        if window is not None:
            window.session.flush()

    def close_draft(self, draft_id: int) -> None:
        window = self.wizards.get(draft_id)
        if window is not None:
            window.close()

    def wizard_closed(self, window: WizardWindow) -> None:
        for key, value in list(self.wizards.items()):
            if value is window:
                del self.wizards[key]
                if self._store is not None:
                    self.leases.release(key)
        self._refresh_list()

    def rebind(self, window: WizardWindow, new_id: int) -> None:
        """After a conflict, the window goes on editing its draft saved as a new one."""
        old_id = window.session.draft_id
        persister = self.store.open(new_id, window.session.current_assessment)
        window.persister = persister
        window.session.rebind(new_id, persister)
        if old_id is not None:
            self.wizards.pop(old_id, None)
            self.leases.release(old_id)
        self.wizards[new_id] = window
        self.leases.take(new_id)
        settings.set_last_draft(new_id)
        self._refresh_list()

    def _refresh_list(self) -> None:
        if self.drafts_window.loaded and not self._shut_down:
            self.drafts_window.refresh()

    # ---- language
    def switch_language(self, lang: str) -> None:
        self.language.switch(lang)

    def _language_changed(self, lang: str) -> None:
        self.lang = lang
        self.drafts_window.retranslate(lang)
        for window in self.wizards.values():
            window.retranslate(lang)

    def quit(self) -> None:
        for window in list(self.wizards.values()):
            if not window.close():
                return  # edits the database did not take: the window asks what to keep first
        self.drafts_window.close()
        QApplication.quit()

    def shutdown(self) -> None:
        """Every pending edit written; the database closed. Safe to call twice."""
        self._refresh_timer.stop()
        if self._shut_down:
            return
        self._shut_down = True
        self.language.changed.disconnect(self._language_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.disconnect(self._application_state)
        for window in list(self.wizards.values()):
            window.close()
        self.drafts_window.change_feed.stop()  # its listening connection (a team database) goes too
        if self._store is not None:
            self.leases.release_all()
            self._store.close()
            self._store = None
