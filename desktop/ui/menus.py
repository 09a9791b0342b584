"""Menus both windows share: Language (中文 / English), Help (About), and opening the data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop import paths

if TYPE_CHECKING:
    from desktop.ui.about import AboutDialog

translate = QCoreApplication.translate


class LanguageSwitch(Protocol):
    """The running program as the Language menu uses it (ui/controller.py)."""

    def switch_language(self, lang: str) -> None: ...


class LanguageMenu:
    """Its entries are written in their own language, so they read the same whatever is chosen."""

    def __init__(self, window: QMainWindow, controller: LanguageSwitch) -> None:
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


def show_about(window: QMainWindow, lang: str) -> AboutDialog:
    from desktop.ui.about import AboutDialog

    dialog = AboutDialog(lang, window)
    dialog.open()
    return dialog


def open_data_folder(window: QMainWindow) -> bool:
    """The user's data folder (drafts database, backups, logs) in the system's file manager."""
    folder = paths.data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    except OSError:
        opened = False
    if not opened:
        text = translate("Menus", "The data folder {folder} could not be opened.").format(folder=folder)
        window.statusBar().showMessage(text, 10000)
    return opened
