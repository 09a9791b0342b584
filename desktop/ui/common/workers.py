"""Long work off the UI thread: one helper, callbacks on the UI thread, a progress dialog with Cancel.

`Job(fn, ...)` runs `fn(progress)` in the global QThreadPool with a desktop.progress.Progress: its
`report(done, total, what)` reaches the UI thread as a Qt signal and raises Cancelled once the job is
cancelled (the importers and the renderers take the same object). `done(result)`, `failed(exc)`
and `cancelled()` are called on the UI thread through queued signals; the worker never touches a widget.
Given an `owner` (the widget the callbacks repaint), a job whose owner has been destroyed meanwhile (its
window closed) is cancelled and its callbacks are dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.progress import Cancelled, Progress

_running: set[Job] = set()  # jobs stay alive until their result has been delivered


def _hold_gc(on: bool) -> None:
    """Python's cyclic garbage collector runs in whichever thread happens to allocate: in a worker it
    could destroy Qt objects of the UI thread (a crash). While any job runs it is paused; the UI thread
    collects when the last one ends."""
    if on:
        gc.disable()
    else:
        gc.enable()
        gc.collect()


class _Relay(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    errored = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        job = self.job
        try:
            result = job.fn(job.progress)
        except BaseException as exc:  # delivered to the UI thread, never raised in the pool
            job.relay.errored.emit(exc)
        else:
            job.relay.finished.emit(result)


class Job:
    """One piece of background work; keep no reference needed: it lives until it has reported."""

    def __init__(
        self,
        fn: Callable[[Progress], Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel_types: tuple[type[BaseException], ...] = (),
        owner: QObject | None = None,
    ) -> None:
        self.fn = fn
        self.owner = owner
        self._done, self._failed, self._cancelled = done, failed, cancelled
        self.cancel_types = cancel_types
        self.progress = Progress(lambda done, total, _what: self.relay.progressed.emit(done, total))
        self.finished = False
        self.relay = _Relay()
        self._progress = progress
        self.relay.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.relay.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.relay.errored.connect(self._on_errored, Qt.ConnectionType.QueuedConnection)
        if owner is not None:
            owner.destroyed.connect(lambda *_a: self.progress.cancel())

    # UI side
    def start(self) -> Job:
        if not _running:
            _hold_gc(True)
        _running.add(self)
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self.progress.cancel()

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled

    def _finish(self) -> None:
        self.finished = True
        _running.discard(self)
        if not _running:
            _hold_gc(False)

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None and not self._owner_gone():
            self._progress(done, total)

    def _owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)

    def _on_finished(self, result: Any) -> None:
        self._finish()
        if self._owner_gone():
            return
        if self.progress.cancelled:
            if self._cancelled:
                self._cancelled()
        elif self._done:
            self._done(result)

    def _on_errored(self, exc: BaseException) -> None:
        self._finish()
        if self._owner_gone():
            return
        if self.progress.cancelled or isinstance(exc, (Cancelled, *self.cancel_types)):
            if self._cancelled:
                self._cancelled()
        elif self._failed:
            self._failed(exc)


def run_with_progress(
    parent: QWidget,
    label: str,
    cancel_text: str,
    fn: Callable[[Progress], Any],
    *,
    done: Callable[[Any], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    cancel_types: tuple[type[BaseException], ...] = (),
) -> tuple[Job, QProgressDialog]:
    """Run `fn` in a worker behind a window-modal progress dialog with Cancel (shown after 400 ms)."""
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(label)

    def on_progress(d: int, t: int) -> None:
        dialog.setMaximum(max(t, 1))
        dialog.setValue(min(d, max(t, 1)))

    def closing(callback: Callable[..., None] | None) -> Callable[..., None]:
        def wrapped(*args: Any) -> None:
            shown = dialog.isVisible()
            dialog.close()
            dialog.deleteLater()
            if shown and QApplication.activeWindow() in (None, dialog) and parent.isVisible():
                parent.window().activateWindow()  # the keyboard goes back where the work started
            if callback:
                callback(*args)
        return wrapped

    job = Job(fn, done=closing(done), failed=closing(failed), cancelled=closing(cancelled),
              progress=on_progress, cancel_types=cancel_types, owner=parent)
    dialog.canceled.connect(job.cancel)
    return job.start(), dialog
