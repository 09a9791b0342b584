"""Changes made elsewhere, as they happen, on a team database: PostgreSQL's LISTEN on the channel the
r0006 triggers NOTIFY whenever a draft is added, saved, marked, trashed, restored or purged, or a lease is
taken or given back (by anyone: another window, another machine).

A ChangeListener keeps one connection of its own (taken out of the engine's pool, so with the engine's own
credentials) in a thread and calls `on_change` with the table named in each notice. It is only a hint
that arrives early: a window still compares the change token (team.change_token) before it reads the list
again, and keeps polling as before, so a lost connection costs nothing but speed (the listener connects
again after `retry_seconds`). SQLite has no such channel: `listen` answers None there, and windows poll.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from desktop.storage.database import Database

CHANNEL = "grant_assistant_drafts"
log = logging.getLogger(__name__)


class ChangeListener:
    def __init__(self, db: Database, on_change: Callable[[str], None], *, retry_seconds: float = 5.0,
                 wait_seconds: float = 1.0) -> None:
        self.db, self.on_change = db, on_change
        self.retry_seconds, self.wait_seconds = retry_seconds, wait_seconds
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in force (tests wait for it)
        self._thread = threading.Thread(target=self._run, name="grant-assistant-change-feed", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Ends the thread (within `wait_seconds`) and closes its connection."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _connect(self) -> Any:
        pooled = self.db.engine.raw_connection()
        conn: Any = pooled.driver_connection
        pooled.detach()  # ours alone from now on: never handed back to the pool in LISTEN state
        conn.autocommit = True
        conn.execute(f'LISTEN "{CHANNEL}"')
        return conn

    def _run(self) -> None:
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                self.listening.set()
                while not self._stop.is_set():
                    for notice in conn.notifies(timeout=self.wait_seconds):
                        self.on_change(str(notice.payload))
            except Exception as exc:  # the server went away, a network cut: poll until it is back
                log.info("change feed interrupted (%s); trying again in %ss", exc, self.retry_seconds)
            finally:
                self.listening.clear()
                if conn is not None:
                    with contextlib.suppress(Exception):
                        conn.close()
            self._stop.wait(self.retry_seconds)


def listen(db: Database, on_change: Callable[[str], None], **options: float) -> ChangeListener | None:
    """A started ChangeListener for a PostgreSQL database; None for SQLite (poll instead)."""
    if db.engine.dialect.name != "postgresql":
        return None
    return ChangeListener(db, on_change, **options).start()
