"""Edit leases of the drafts this program has open (storage/team.py): taken when a wizard opens a draft,
renewed every RENEW_SECONDS while it stays open, given back when it closes. A program that dies stops
renewing and its leases run out, so nobody is shown as editing for ever. A draft someone else holds is
still opened (the version counter refuses a stale save): the lease only tells, it never locks.
ChangeFeed: the notices of a team database (storage/change_feed.py) fed to a window's poll at once."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.services.database import Database
    from desktop.services.team import ChangeListener
    from desktop.ui.controller import Controller, Lease


class EditLeases(QObject):
    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self.controller = controller
        self.token = uuid.uuid4().hex  # this program's leases
        self.held: set[int] = set()
        self.timer = QTimer(self)  # started by the first lease taken (services.team loads SQLAlchemy)
        self.timer.timeout.connect(self.renew)

    def _db(self) -> Database | None:
        db = self.controller.store.db
        return None if getattr(db, "read_only", False) else db

    def take(self, draft_id: int) -> Lease | None:
        """Our lease, or the live lease of whoever else is editing the draft (None: none could be taken)."""
        from sqlalchemy.exc import DBAPIError

        from desktop.services import team
        from desktop.services.database import DraftNotFound

        db = self._db()
        if db is None:
            return None
        try:
            with db.session() as s:
                lease = team.take_lease(s, draft_id=draft_id, holder=team.current_author(s.connection()),
                                        token=self.token)
        except (DBAPIError, DraftNotFound):  # a lock held too long: the next renewal tries again
            return None
        if lease.token == self.token:
            self.held.add(draft_id)
            if not self.timer.isActive():
                self.timer.start(team.RENEW_SECONDS * 1000)
        return lease

    def renew(self) -> None:
        from sqlalchemy.exc import DBAPIError

        from desktop.services import team

        db = self._db()
        if db is None or not self.held:
            return
        for draft_id in list(self.held):
            try:
                with db.session() as s:
                    if not team.renew_lease(s, draft_id=draft_id, token=self.token):
                        self.held.discard(draft_id)
                        self.take(draft_id)  # it ran out (the computer slept): taken again if free
            except DBAPIError:
                return

    def release(self, draft_id: int) -> None:
        from sqlalchemy.exc import DBAPIError

        from desktop.services import team

        if draft_id not in self.held:
            return
        self.held.discard(draft_id)
        db = self._db()
        if db is None:
            return
        try:
            with db.session() as s:
                team.release_lease(s, draft_id=draft_id, token=self.token)
        except DBAPIError:  # it runs out by itself
            pass

    def release_all(self) -> None:
        self.timer.stop()
        for draft_id in list(self.held):
            self.release(draft_id)


class ChangeFeed(QObject):
    """Calls `on_change` in the GUI thread as soon as the database says something changed elsewhere (a
    PostgreSQL database: LISTEN/NOTIFY); nothing for SQLite, where the window's polling timer does it."""

    heard = Signal(str)

    def __init__(self, parent: QObject, on_change: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.listener: ChangeListener | None = None
        self.heard.connect(on_change, Qt.ConnectionType.QueuedConnection)  # from the listener's thread

    def follow(self, db: Database | None) -> None:
        """Listen to `db` (the one the window shows now), no longer to the one before."""
        if db is self.db:
            return
        self.stop()
        from desktop.services.team import listen

        self.db = db
        self.listener = listen(db, self.heard.emit) if db is not None else None

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
        self.db = None
        self.listener = None
