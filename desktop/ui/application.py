"""The QApplication: names, the bundled CJK font, the language, the drafts window first.

The drafts window is shown before the database and its heavy modules (SQLAlchemy) are loaded: they
come in on the first turn of the event loop, after the window has been painted.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

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
    controller.show_drafts()
    QTimer.singleShot(0, controller.start)
    app.aboutToQuit.connect(controller.shutdown)
    return app, controller


def run(argv: list[str], db: str | None = None) -> int:
    app, _controller = start(argv, db)
    return app.exec()
