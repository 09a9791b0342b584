"""Qt's own texts that Qt's Chinese catalogue (qtbase_zh_CN.qm) lacks in this Qt version, so that its file
and print dialogs are not half English in the Chinese interface. Our catalogue carries their Chinese; Qt
asks every installed translator, its own first (desktop/ui/i18n.py). The contexts and texts are Qt's,
exactly (pyside6-lupdate collects them from here).

tests/gui/test_first_screen_language.py opens the dialogs in Chinese and finds no English left."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MISSING_FROM_QT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)
