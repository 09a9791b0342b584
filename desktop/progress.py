"""One way for long work to say how far it is and to stop when asked: the importers, the PDF renderer
and the GUI's background jobs all take a `Progress` (no Qt here; desktop/ui/common/workers.py turns its reports
into Qt signals).

The work calls `report(done, total, what)` now and then, or `check()` where it has nothing to count; both
raise `Cancelled` once `cancel()` was called (from any thread). Work that is cancelled writes nothing:
callers write their result whole at the end (files.write_atomic), so a Cancelled leaves no file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Listener = Callable[[int, int, str], None]  # done, total, what is being done


class Cancelled(Exception):
    """The work was cancelled (Cancel pressed, its window closed); nothing was written."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class Progress:
    def __init__(self, listener: Listener | None = None, *, _stop: threading.Event | None = None) -> None:
        self._listener = listener
        self._stop = _stop if _stop is not None else threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        if self._stop.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, what: str = "") -> None:
        """Tell the listener; Cancelled when the work should stop."""
        if self._listener is not None:
            self._listener(done, total, what)
        self.check()

    def part(self, start: int, end: int) -> Progress:
        """A stage of the work, reported as `start`..`end` percent of the whole; cancelled with it."""

        def listener(done: int, total: int, what: str) -> None:
            self.report(start + (end - start) * min(done, total) // max(total, 1), 100, what)

        return Progress(listener, _stop=self._stop)
