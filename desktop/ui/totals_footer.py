"""The totals strip under the equipment table: declared, eligible, 40 %, cap, maximum subsidy."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from desktop.domain.money import format_yuan
from desktop.ui.step_text import pick, plain

_ITEMS = (
    ("declared", "Declared", "申报总额"),
    ("eligible", "Eligible", "计入基数"),
    ("uncapped", "{rate} of eligible", "计入基数 × {rate}"),
    ("cap", "Cap", "上限"),
    ("max_subsidy", "Maximum subsidy", "最高可申请补助"),
)


class TotalsFooter(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsFooter")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lang = "zh"
        self.totals = None
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(28)
        self.titles: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key, _, _ in _ITEMS:
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
        for key, en, zh in _ITEMS:
            text = pick("TotalsFooter", lang, en, zh).format(rate=self._rate())
            self.titles[key].setText(text)
            self.values[key].setAccessibleName(text)
        self.show_totals(self.totals)

    def show_totals(self, totals) -> None:
        self.totals = totals
        if totals is None:
            return
        none = pick("TotalsFooter", self.lang, "none", "无")
        for key, _, _ in _ITEMS:
            value = getattr(totals, key)
            unit = " 元" if self.lang == "zh" else ""
            self.values[key].setText(none if value is None else format_yuan(value) + unit)

    def text_of(self, key: str) -> str:
        return self.values[key].text()
