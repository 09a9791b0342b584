"""Bilingual strings for the step widgets of the equipment, attachments, review and export steps.

The English text is the Qt source string (so `.ts` files can carry it); when no translator answers,
the Chinese text written next to it here is used.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def pick(context: str, lang: str, en: str, zh: str) -> str:
    if lang == "en":
        return en
    translated = QCoreApplication.translate(context, en)
    return translated if translated != en else zh


def plain(label) -> None:
    """User text is never interpreted as markup."""
    from PySide6.QtCore import Qt

    label.setTextFormat(Qt.TextFormat.PlainText)
