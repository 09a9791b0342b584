"""Small shared pieces: plain-text labels (user text is never read as markup) and finding colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

COLOURS = {
    "error": ("#b3261e", "#fdecea"),
    "warning": ("#8a5300", "#fff4e0"),
    "info": ("#455a64", "#eef3f6"),
    "ok": ("#1b6e35", "#e8f5ec"),
}


def plain_label(parent: QWidget | None = None, text: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def finding_style(severity: str, *, boxed: bool = False) -> str:
    fg, bg = COLOURS.get(severity, COLOURS["info"])
    if boxed:
        return f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg}; border-radius: 4px; padding: 8px; }}"
    return f"QLabel {{ color: {fg}; }}"
