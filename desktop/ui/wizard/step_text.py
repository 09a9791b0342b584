"""Window texts in a stated language, for the widgets that are told their language (`retranslate(lang)`)
rather than reading it from the installed translator: the equipment, attachments, review and export
steps and the import dialog.

    texts(lang).translate("EquipmentPage", "Add line")

The English text is the source; the Chinese comes from the same compiled file the installed translator
reads (resources/translations/grant_assistant_zh.qm), and pyside6-lupdate collects these calls like any
`translate(context, source)`, so the .ts file is the one place a translation lives. Tables of texts mark
their entries with `QT_TRANSLATE_NOOP(context, source)` and translate them where they are shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTranslator

from desktop.domain.lang import Lang
from desktop.ui.common import i18n

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel


class Texts:
    """`translate(context, source, disambiguation, n)` in one language (`%n` replaced by n, as Qt does)."""

    def __init__(self, translator: QTranslator | None = None) -> None:
        self._translator = translator

    def translate(self, context: str, source: object, disambiguation: str | None = None, n: int = -1) -> str:
        """`source` is a str (typed object: PySide's stubs give QT_TRANSLATE_NOOP's result that type)."""
        source = str(source)
        text = self._translator.translate(context, source, disambiguation, n) if self._translator else ""
        text = text or source
        return text.replace("%n", str(n)) if n >= 0 else text


_loaded: dict[str, Texts] = {}


def texts(lang: str) -> Texts:
    found = _loaded.get(lang)
    if found is None:
        translator = QTranslator()
        chinese = not Lang.parse(lang).english
        found = Texts(translator if chinese and translator.load(i18n.translation_file(lang)) else None)
        _loaded[lang] = found
    return found


def plain(label: QLabel) -> None:
    """User text is never interpreted as markup."""
    from PySide6.QtCore import Qt

    label.setTextFormat(Qt.TextFormat.PlainText)
