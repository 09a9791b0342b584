"""The totals strip under the equipment table: declared, eligible, 40 %, cap, maximum subsidy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.money import format_yuan
from desktop.ui.wizard.step_text import plain, texts

if TYPE_CHECKING:
    from desktop.rules.assessment import Totals

_ITEMS = (
    ("declared", QT_TRANSLATE_NOOP("TotalsFooter", "Declared")),
    ("eligible", QT_TRANSLATE_NOOP("TotalsFooter", "Eligible")),
    ("uncapped", QT_TRANSLATE_NOOP("TotalsFooter", "{rate} of eligible")),
    ("cap", QT_TRANSLATE_NOOP("TotalsFooter", "Cap")),
    ("max_subsidy", QT_TRANSLATE_NOOP("TotalsFooter", "Maximum subsidy")),
)


class TotalsFooter(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsFooter")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lang = "zh"
        self.totals: Totals | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(28)
        self.titles: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key, _ in _ITEMS:
            box = QVBoxLayout()
            box.setSpacing(0)
            title, value = QLabel(self), QLabel(self)
            plain(title)
            plain(value)
            title.setStyleSheet("color: #555;")
            value.setStyleSheet("font-weight: 600;" + (" font-size: 15px;" if key == "max_subsidy" else ""))
            box.addWidget(title)
            box.addWidget(value)
            row.addLayout(box)
            self.titles[key], self.values[key] = title, value
        row.addStretch(1)

    def _rate(self) -> str:
        if self.totals is None:
            return "40 %"
        return f"{(self.totals.rate * 100).normalize():f} %"

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        for key, title in _ITEMS:
            text = texts(lang).translate("TotalsFooter", title).format(rate=self._rate())
            self.titles[key].setText(text)
            self.values[key].setAccessibleName(text)
        self.show_totals(self.totals)

    def show_totals(self, totals: Totals | None) -> None:
        self.totals = totals
        if totals is None:
            return
        none = texts(self.lang).translate("TotalsFooter", "none")
        amount = texts(self.lang).translate("TotalsFooter", "{amount}", "an amount in yuan")
        for key, _ in _ITEMS:
            value = getattr(totals, key)
            self.values[key].setText(none if value is None else amount.format(amount=format_yuan(value)))

    def text_of(self, key: str) -> str:
        return self.values[key].text()
