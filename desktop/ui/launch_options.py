"""What the desktop program does right after its drafts list is filled, when started with an option:

--open FILE     import the draft file as a new draft and open it (what a file association runs);
--smoke-test    open the demo draft in the wizard and quit with 0 once the wizard has been painted (the
                check of an installed or frozen build: fonts, translations, Qt plugins, database,
                migrations, forms and rule packs all load on the way), with 1 if that failed and 3 if
                it did not happen within SMOKE_TIMEOUT_MS.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QTimer, QTranslator
from PySide6.QtWidgets import QWidget

from desktop.ui.application import after_first_paint

if TYPE_CHECKING:
    from desktop.ui.controller import Controller

SMOKE_TIMEOUT_MS = 60_000
POLL_MS = 50


def when_listed(controller: Controller, then: Callable[[], None]) -> QTimer:
    """Run `then` once the drafts window shows the database's list (the database is open)."""
    timer = QTimer(controller)
    timer.setInterval(POLL_MS)

    def check() -> None:
        window = controller.drafts_window
        if window.loaded and not controller.opening:
            timer.stop()
            then()

    timer.timeout.connect(check)
    timer.start()
    return timer


def open_file(controller: Controller, path: Path) -> None:
    """The draft file imported and opened; a file that cannot be read is explained by the drafts window."""

    def go() -> None:
        new_id = controller.drafts_window.actions_.import_file(path)
        if new_id is not None:
            controller.open_draft(new_id)

    when_listed(controller, go)


def qt_translations_found() -> bool:
    """Qt's own Chinese texts (standard buttons, dialogs) are where Qt looks for them."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return QTranslator().load("qtbase_zh_CN", folder)


def report(wizard: QWidget) -> None:
    """One line on stdout (none without a console): what was shown, and whether Qt's texts were found."""
    if sys.stdout is not None:
        found = "yes" if qt_translations_found() else "no"
        print(f"smoke test: shown “{wizard.windowTitle()}”; Qt translations found: {found}", flush=True)


def smoke_test(controller: Controller, finish: Callable[[int], None]) -> None:
    """Open the demo draft; finish(0) after the wizard's first paint, finish(1) if opening it failed."""
    done: list[int] = []

    def end(code: int) -> None:
        if not done:
            done.append(code)
            finish(code)

    def go() -> None:
        try:
            wizard = controller.open_demo()
        except Exception as exc:  # the check reports what failed and ends, rather than wait for a user
            if sys.stderr is not None:
                sys.stderr.write(f"smoke test: the demo draft did not open: {type(exc).__name__}: {exc}\n")
            end(1)
            return

        def shown() -> None:
            report(wizard)
            end(0)

        after_first_paint(wizard, shown)
        wizard.update()

    when_listed(controller, go)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, controller, lambda: end(3))
