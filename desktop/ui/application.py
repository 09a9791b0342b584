"""The QApplication: names, the bundled CJK font, the language, the drafts window first.

The drafts window is shown before the database and its heavy modules (SQLAlchemy) are loaded: they
come in on the first turn of the event loop, after the window has been painted.

No traceback reaches the user: an exception nothing caught (in a slot, a timer, an event handler) is
written with its traceback to the log in desktop.paths.logs_dir() and shown as a plain message that
says the drafts are safe and where the details are (install_excepthook).
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import paths
from desktop.ui.common import settings

if TYPE_CHECKING:
    from desktop.ui.controller import Controller


def register_fonts(app: QApplication) -> str | None:
    """Register the bundled CJK font and make it the application font; its family name."""
    font_id = QFontDatabase.addApplicationFont(str(paths.cjk_font_path()))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]


class _AfterFirstPaint(QObject):
    """Runs `then` on the event loop's next turn after `widget` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    _AfterFirstPaint(widget, then)


ERROR_LOG = "errors.log"
log = logging.getLogger("grant_assistant")


class ErrorReporter:
    """sys.excepthook for the GUI: log the traceback, then tell the user in one box (not one per error)."""

    def __init__(self) -> None:
        self.box: QMessageBox | None = None
        self.log_file: Path | None = None

    def _log(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> Path | None:
        try:
            folder = paths.logs_dir()
            folder.mkdir(parents=True, exist_ok=True)
            file = folder / ERROR_LOG
            if self.log_file != file:
                handler = logging.FileHandler(file, encoding="utf-8")
                handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
                for old in [h for h in log.handlers if getattr(h, "grant_assistant_errors", False)]:
                    log.removeHandler(old)
                    old.close()
                handler.grant_assistant_errors = True  # type: ignore[attr-defined]
                log.addHandler(handler)
                log.setLevel(logging.INFO)
                self.log_file = file
            log.error("unexpected error", exc_info=(kind, value, tb))
            for h in log.handlers:
                h.flush()
            return file
        except OSError:
            return None

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        file = self._log(kind, value, tb)
        if sys.stderr is not None:  # None under pythonw
            sys.stderr.write("".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is None:
            return
        try:
            self._show(value, file)
        except Exception:  # never let the reporter itself raise into Qt
            log.exception("could not show the error message")

    def _show(self, value: BaseException, file: Path | None) -> None:
        translate = QCoreApplication.translate
        where = (
            translate("ErrorReporter", "The details were written to {file}.").format(file=file)
            if file is not None
            else translate("ErrorReporter", "The details could not be written to the log.")
        )
        text = translate(
            "ErrorReporter",
            "Something unexpected went wrong, and what you were doing may not have finished. "
            "Your drafts are safe: every change is saved as you type.",
        ) + "\n\n" + where
        if self.box is not None and self.box.isVisible():
            self.box.setText(text)  # one box at a time, showing where the latest details are
            return
        box = QMessageBox(QMessageBox.Icon.Critical, translate("ErrorReporter", "Unexpected error"), text,
                          QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setObjectName("unexpected-error")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(f"{type(value).__name__}: {value}"[:500])
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget)
        self.box = box
        box.open()

    def _forget(self, *_args: object) -> None:
        self.box = None


def install_excepthook() -> ErrorReporter:
    """Route every uncaught exception to the log and a message box (see ErrorReporter)."""
    reporter = ErrorReporter()
    sys.excepthook = reporter
    return reporter


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(settings.APPLICATION)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationDisplayName("Grant assistant")
    register_fonts(app)
    return app


def start(argv: list[str], db: str | None = None, lang: str | None = None) -> tuple[QApplication, Controller]:
    """The application and its controller, the drafts window shown and its list loading."""
    from desktop.ui.common.icons import icon
    from desktop.ui.controller import Controller

    app = make_app(argv)
    install_excepthook()
    app.setWindowIcon(icon("app"))
    controller = Controller(db, lang)
    window = controller.drafts_window
    after_first_paint(window, controller.start)
    controller.show_drafts()
    app.aboutToQuit.connect(controller.shutdown)
    return app, controller


def run(argv: list[str], db: str | None = None) -> int:
    app, _controller = start(argv, db)
    return int(app.exec())
