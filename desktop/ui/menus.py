"""Menus both windows share: Language (中文 / English) and Help (About)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate


class LanguageMenu:
    """Its entries are written in their own language, so they read the same whatever is chosen."""

    def __init__(self, window: QMainWindow, controller) -> None:
        self.controller = controller
        self.menu = QMenu(window)
        group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for lang, text in (("zh", "中文"), ("en", "English")):
            action = QAction(text, window, checkable=True)
            action.setData(lang)
            group.addAction(action)
            self.menu.addAction(action)
            action.triggered.connect(lambda _checked=False, lang=lang: controller.switch_language(lang))
            self.actions[lang] = action
        window.menuBar().addMenu(self.menu)

    def retranslate(self, lang: str) -> None:
        self.menu.setTitle(translate("Menus", "&Language"))
        self.actions[lang].setChecked(True)


def show_about(window: QMainWindow, lang: str):
    from desktop.ui.about import AboutDialog

    dialog = AboutDialog(lang, window)
    dialog.open()
    return dialog
