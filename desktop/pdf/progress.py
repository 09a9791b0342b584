"""Progress reporting with cancellation, shared by every stage of a render."""

from __future__ import annotations

from collections.abc import Callable

from desktop.pdf.errors import RenderCancelled

ProgressFn = Callable[[int, int], bool]


class Progress:
    """Counts work units and tells `callback(done, total)` every `step` units; False cancels."""

    def __init__(self, callback: ProgressFn | None, total: int, step: int = 200) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0
        self.step = step
        self._next = 0

    def advance(self, units: int = 1) -> None:
        self.done += units
        if self.callback is not None and self.done >= self._next:
            self._next = self.done + self.step
            self.report()

    def report(self) -> None:
        if self.callback is not None and self.callback(min(self.done, self.total), self.total) is False:
            raise RenderCancelled("export cancelled")

    def finish(self) -> None:
        self.done = self.total
        self.report()
