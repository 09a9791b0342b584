"""Counting the work of one render for its Progress (desktop/progress.py), shared by every stage."""

from __future__ import annotations

from desktop.progress import Progress


class Tally:
    """Counts work units and reports them to `progress` every `step` units (Cancelled stops the render)."""

    def __init__(self, progress: Progress | None, total: int, step: int = 200) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self.step = step
        self._next = 0

    def advance(self, units: int = 1) -> None:
        self.done += units
        if self.progress is not None and self.done >= self._next:
            self._next = self.done + self.step
            self.report()

    def report(self) -> None:
        if self.progress is not None:
            self.progress.report(min(self.done, self.total), self.total, "pages")

    def finish(self) -> None:
        self.done = self.total
        self.report()
