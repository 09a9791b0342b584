"""The QApplication: bundled CJK font, the first window."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import paths


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


def run(argv: list[str], db: str | None = None) -> int:
    from desktop.ui.summary_window import SummaryWindow

    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("grant-assistant")
    app.setOrganizationName("grant-assistant")
    register_fonts(app)
    window = SummaryWindow()
    window.show()
    return app.exec()
