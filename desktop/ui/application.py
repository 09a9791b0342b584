"""The QApplication: names, the bundled CJK font, the language, the drafts window first.

The drafts window is shown before the database and its heavy modules (SQLAlchemy) are loaded: they
come in on the first turn of the event loop, after the window has been painted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from desktop import paths
from desktop.ui import settings


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

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    _AfterFirstPaint(widget, then)


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(settings.APPLICATION)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationDisplayName("Grant assistant")
    register_fonts(app)
    return app


def start(argv: list[str], db: str | None = None, lang: str | None = None):
    """The application and its controller, the drafts window shown and its list loading."""
    from desktop.ui.controller import Controller
    from desktop.ui.icons import icon

    app = make_app(argv)
    app.setWindowIcon(icon("app"))
    controller = Controller(db, lang)
    window = controller.drafts_window
    after_first_paint(window, controller.start)
    controller.show_drafts()
    app.aboutToQuit.connect(controller.shutdown)
    return app, controller


def run(argv: list[str], db: str | None = None) -> int:
    app, _controller = start(argv, db)
    return app.exec()
