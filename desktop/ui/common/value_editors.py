"""Editors for values read through the program's value reader (desktop/domain/values.py): dates and money.

A text that reads is stored as it is typed; one that does not is never stored and stays in the editor,
marked, with a message saying what is wrong and what is accepted (see ReadingEditor).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLabel, QMenu, QToolButton, QWidget, QWidgetAction

from desktop.domain import values as reader
from desktop.domain.fields import NumberLimit, number_limit
from desktop.domain.lang import Lang
from desktop.domain.money import format_yuan
from desktop.ui.common.editors import TextEditor


class _UnsetType:
    def __repr__(self) -> str:
        return "<unset>"


_UNSET = _UnsetType()
_INVALID_STYLE = "QLineEdit { border: 2px solid #b91c1c; border-radius: 3px; }"


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("entry-problem")
    label.setStyleSheet("color: #b91c1c;")
    label.setWordWrap(True)
    label.hide()
    return label


class ReadingEditor(TextEditor):
    """Text read through the program's value reader (desktop/domain/values.py) as it is typed.

    A text that reads is stored at once; a text that does not is never stored: while it stands the draft
    keeps the value it had before the typing began, and on leaving the field (or Enter) the text stays
    as typed, marked with a red border and a message saying what is wrong and what is accepted, and
    `invalid` reports the refusal (None once the text reads again or is emptied)."""

    invalid = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = _problem_label(self)
        self._stored: object = None
        self._before: object = _UNSET
        self._emitting = False
        self._refusal: reader.Unreadable | None = None  # of the text now in the editor
        self.marked: reader.Unreadable | None = None  # the refusal shown
        self.range: NumberLimit | None = None
        self.line.focus_left.connect(self._leave)
        self.line.returnPressed.connect(self._leave)

    def set_path(self, path: str) -> None:
        """Take the field catalogue's number range for `path` (its text is checked by reading)."""
        self.path = path
        self.range = number_limit(path)

    def read(self, text: str) -> object:
        raise NotImplementedError

    def parse(self, text: str) -> object:
        if not text.strip():
            return None
        try:
            return self.read(text)
        except reader.Unreadable:
            return None

    def _on_text(self, text: str) -> None:
        if self._before is _UNSET:
            self._before = self._stored
        if not text.strip():
            self._refusal = None
            self._unmark()
            self._emit(None)
            return
        try:
            value = self.read(text)
        except reader.Unreadable as exc:
            self._refusal = exc
            if self.marked is not None:
                self._mark(exc)
            self._emit(self._before)  # a part-typed or unreadable text is never stored
            return
        self._refusal = None
        self._unmark()
        self._emit(value)

    def _emit(self, value: object) -> None:
        self._stored = value
        self._emitting = True
        try:
            self.edited.emit(value)
        finally:
            self._emitting = False

    def _leave(self) -> None:
        self._before = _UNSET
        if self._refusal is not None:
            self._mark(self._refusal)

    def _mark(self, refusal: reader.Unreadable) -> None:
        first = self.marked is None
        self.marked = refusal
        text = refusal.message(self.lang)
        self.problem.setText(text)
        self.problem.show()
        self.line.setStyleSheet(_INVALID_STYLE)
        self.line.setProperty("invalid", True)
        self.line.setToolTip(text)
        if first:
            self.invalid.emit(refusal)

    def _unmark(self) -> None:
        if self.marked is None:
            return
        self.marked = None
        self.problem.clear()
        self.problem.hide()
        self.line.setStyleSheet("")
        self.line.setProperty("invalid", False)
        self.line.setToolTip(self.line.whatsThis())
        self.invalid.emit(None)

    def set_value(self, value: object) -> None:
        if self._emitting:  # the echo of our own edit: the text stays as typed
            return
        self._stored = value
        self._before = _UNSET
        if self.parse(self.line.text()) != value or self._refusal is not None:
            self._refusal = None
            self.line.setText(self.format(value))
            self._unmark()
            self._after_set()

    def _after_set(self) -> None:
        pass

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        super().retranslate(lang, placeholder)
        if self.marked is not None:
            self._mark(self.marked)


class DateEditor(ReadingEditor):
    """A date typed in any of the usual ways (2025-10-20, 2025/10/20, 2025年10月20日, 20251020 …) or picked
    from a calendar; empty means no date. A plain line edit: nothing jumps between sections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line.setMaxLength(24)
        self.line.setMaximumWidth(170)
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.pick = QToolButton(self)
        from desktop.ui.common.icons import icon

        self.pick.setIcon(icon("calendar"))
        self.pick.setAutoRaise(True)
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        menu = QMenu(self.pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.pick.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.row.addWidget(self.pick)
        self.row.addWidget(self.problem, 1)
        self.row.addStretch(0)  # the field and its calendar button stay together at the left
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def read(self, text: str) -> object:
        return reader.read_date(text)

    def format(self, value: object) -> str:
        return value.isoformat() if isinstance(value, date) else ""

    def _picked(self, day: QDate) -> None:
        self.pick.menu().hide()
        picked = date(day.year(), day.month(), day.day())
        self.line.setText(picked.isoformat())
        self._refusal = None
        self._unmark()
        self._emit(picked)
        self._before = _UNSET
        self.committed.emit()

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        super().retranslate(lang, placeholder or "YYYY-MM-DD")
        pick = QCoreApplication.translate("Editors", "Pick a date")
        self.pick.setToolTip(pick)
        self.pick.setAccessibleName(pick)
        chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        self.calendar.setLocale(chinese if Lang.parse(lang).chinese else QLocale(QLocale.Language.English))


class MoneyEditor(ReadingEditor):
    """Yuan as people write them (1,234.50, ¥1,234.50, 12.5万, 300万元), read to the fen; the domain gets a
    Decimal. Beside the field, the amount as understood: = 3,000,000.00 元（300.00 万元）."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line.setMaxLength(40)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.setMaximumWidth(220)
        self.shown = QLabel(self)
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setObjectName("money-echo")
        self.row.addWidget(self.shown)
        self.row.addWidget(self.problem, 1)
        self.row.addStretch(0)
        self.line.textChanged.connect(self._show)

    def read(self, text: str) -> object:
        value = reader.read_money(text, fen=True)
        if self.range is not None and value.copy_abs() > self.range.maximum:
            top = format_yuan(self.range.maximum)
            raise reader.Unreadable("money", "large", f"「{text}」超过上限 {top} 元", f'"{text}" is above {top} yuan',
                                    text)
        return value

    def format(self, value: object) -> str:
        return format(value, "f") if isinstance(value, Decimal) else ""

    def _show(self, text: str) -> None:
        value = self.parse(text)
        self.shown.setText(reader.yuan_echo(value, self.lang) if isinstance(value, Decimal) else "")

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        super().retranslate(lang, placeholder)
        wide = self.line.fontMetrics().horizontalAdvance(placeholder or "0" * 12) + 24  # placeholder unclipped
        self.line.setMinimumWidth(min(wide, self.line.maximumWidth()))
        self._show(self.line.text())


class CountEditor(ReadingEditor):
    """A whole number of people or things (320, 85人, 1,000): the domain gets an int."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line.setMaxLength(24)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.setMaximumWidth(160)
        self.row.addWidget(self.problem, 1)

    def read(self, text: str) -> object:
        return reader.read_quantity(text.strip().removesuffix("人").strip())

    def format(self, value: object) -> str:
        return str(value) if isinstance(value, int) else ""
