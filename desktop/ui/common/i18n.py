"""The language of the interface: Chinese or English, from the system locale, switchable at run time.

Window texts go through Qt's translator (English source strings, resources/translations/*.qm); the
form in forms/ and the rule pack carry their own zh/en texts. Switching installs or removes the
translator and emits `changed`, on which every window calls its `retranslate(lang)`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from desktop import paths
from desktop.domain.lang import UI_LANGS, Lang
from desktop.ui.common import settings

LANGUAGES = UI_LANGS


def system_language() -> str:
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def translation_file(lang: str) -> str:
    return str(paths.translations_dir() / f"grant_assistant_{lang}.qm")


class Language(QObject):
    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = ""
        self._translators: list[QTranslator] = []

    def start(self, lang: str | None = None) -> str:
        """Install the language remembered from the menu, else the system's."""
        self._install(lang or settings.language() or system_language())
        return self.current

    def switch(self, lang: str) -> None:
        if lang == self.current:
            return
        self._install(lang)
        settings.set_language(lang)
        self.changed.emit(lang)

    def _install(self, lang: str) -> None:
        if lang not in LANGUAGES:
            lang = "en"
        for t in self._translators:
            QCoreApplication.removeTranslator(t)
        self._translators.clear()
        if Lang.parse(lang).chinese:
            ours = QTranslator(self)
            if ours.load(translation_file("zh")):
                QCoreApplication.installTranslator(ours)
                self._translators.append(ours)
            qt = QTranslator(self)
            if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                QCoreApplication.installTranslator(qt)
                self._translators.append(qt)
        self.current = lang


_language: Language | None = None


def language() -> Language:
    global _language
    if _language is None:
        _language = Language(QCoreApplication.instance())
    return _language
