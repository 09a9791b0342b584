"""Field editors that fit their values: text, long text, choices, city, date (may be empty), credit
code (checksum shown while typing) and money (decimal text, never a float).

Every editor has the same small surface the form page binds to the session: `edited(value)` while
the user changes it, `committed()` when they leave it (ends the undo step), `value()`,
`set_value(value)` (no signal) and `input` (the widget that takes focus and carries the accessible
name). Undo and redo keys are left to the window so Ctrl+Z undoes through the draft's history.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desktop.domain import choices
from desktop.domain.cities import CITIES, city_label
from desktop.domain.codes import CreditCodeStatus, check_credit_code
from desktop.domain.money import format_yuan, parse_decimal

_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _leaves_history_to_window(event: QEvent) -> bool:
    """A ShortcutOverride for undo/redo: let the window's undo action have it."""
    if event.type() != QEvent.Type.ShortcutOverride:
        return False
    combo = event.keyCombination().toCombined()  # type: ignore[attr-defined]
    seq = QKeySequence(combo)
    if any(seq.matches(QKeySequence(k)) == QKeySequence.SequenceMatch.ExactMatch for k in _HISTORY_KEYS):
        return True
    return seq.matches(QKeySequence("Ctrl+Shift+Z")) == QKeySequence.SequenceMatch.ExactMatch


class HistoryLineEdit(QLineEdit):
    focus_left = Signal()

    def event(self, event: QEvent) -> bool:
        if _leaves_history_to_window(event):
            event.ignore()
            return False
        return super().event(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.focus_left.emit()


class HistoryPlainTextEdit(QPlainTextEdit):
    focus_left = Signal()

    def event(self, event: QEvent) -> bool:
        if _leaves_history_to_window(event):
            event.ignore()
            return False
        return super().event(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_left.emit()


def _blank_to_none(text: str) -> str | None:
    return text if text.strip() else None


class FieldEditor(QWidget):
    edited = Signal(object)
    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "zh"
        self.input: QWidget = self

    def value(self) -> object:
        raise AttributeError("value")  # every editor below defines it

    def set_value(self, value: object) -> None:
        raise AttributeError("set_value")

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        self.lang = lang
        if isinstance(self.input, QLineEdit | QPlainTextEdit):
            self.input.setPlaceholderText(placeholder)


class TextEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.line = HistoryLineEdit(self)
        self.row.addWidget(self.line)
        self.input = self.line
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._on_text)
        self.line.focus_left.connect(self.committed)

    def _on_text(self, text: str) -> None:
        self.edited.emit(self.parse(text))

    def parse(self, text: str) -> object:
        return _blank_to_none(text)

    def format(self, value: object) -> str:
        return "" if value is None else str(value)

    def value(self) -> object:
        return self.parse(self.line.text())

    def set_value(self, value: object) -> None:
        if self.value() != value:
            self.line.setText(self.format(value))


class MultilineEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = HistoryPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(96)
        layout.addWidget(self.text)
        self.input = self.text
        self.setFocusProxy(self.text)
        self._setting = False
        self.text.textChanged.connect(self._on_text)
        self.text.focus_left.connect(self.committed)

    def _on_text(self) -> None:
        if not self._setting:
            self.edited.emit(self.value())

    def value(self) -> object:
        return _blank_to_none(self.text.toPlainText())

    def set_value(self, value: object) -> None:
        if self.value() != value:
            self._setting = True
            self.text.setPlainText("" if value is None else str(value))
            self._setting = False


class ChoiceEditor(FieldEditor):
    """A closed value set; the first entry is "not chosen". A stored value outside the set is shown as written."""

    def __init__(self, table: choices.Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.input = self.combo
        self.setFocusProxy(self.combo)
        self._setting = False
        self._fill()
        self.combo.currentIndexChanged.connect(self._on_index)

    def _labels(self) -> list[tuple[str, str]]:
        return [(key, choices.label(self.table, key, self.lang)) for key in self.table]

    def _none_label(self) -> str:
        return QCoreApplication.translate("Editors", "(choose)")

    def _fill(self, current: object = None) -> None:
        self._setting = True
        self.combo.clear()
        self.combo.addItem(self._none_label(), None)
        for key, text in self._labels():
            self.combo.addItem(text, key)
        if current is not None and self.combo.findData(current) < 0:
            self.combo.addItem(str(current), current)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self._setting = False

    def _on_index(self, _index: int) -> None:
        if not self._setting:
            self.edited.emit(self.value())
            self.committed.emit()

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, value: object) -> None:
        if self.value() != value:
            self._fill(value)

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        self.lang = lang
        self._fill(self.value())


class CityEditor(ChoiceEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__({c.key: (c.zh, c.en) for c in CITIES}, parent)

    def _labels(self) -> list[tuple[str, str]]:
        return [(c.key, city_label(c.key, self.lang)) for c in CITIES]


class DateEditor(TextEditor):
    """YYYY-MM-DD typed or picked from a calendar; empty means no date. A half-typed date is not stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$"), self.line)
        )
        self.line.setMaximumWidth(140)
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.pick = QToolButton(self)
        from desktop.ui.icons import icon

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
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.row.addWidget(self.pick)
        self.row.addWidget(self.hint)
        self.row.addStretch(1)
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def parse(self, text: str) -> object:
        text = text.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text) if len(text) == 10 else _Incomplete
        except ValueError:
            return _Incomplete

    def _on_text(self, text: str) -> None:
        value = self.parse(text)
        self.hint.setText(
            "" if value is not _Incomplete else QCoreApplication.translate("Editors", "year-month-day")
        )
        if value is not _Incomplete:
            self.edited.emit(value)

    def format(self, value: object) -> str:
        return value.isoformat() if isinstance(value, date) else ""

    def value(self) -> object:
        value = self.parse(self.line.text())
        return None if value is _Incomplete else value

    def set_value(self, value: object) -> None:
        if self.parse(self.line.text()) != value:
            self.line.setText(self.format(value))
            self.hint.clear()

    def _picked(self, day: QDate) -> None:
        self.pick.menu().hide()
        picked = date(day.year(), day.month(), day.day())
        self.line.setText(picked.isoformat())
        self.hint.clear()
        self.edited.emit(picked)
        self.committed.emit()

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        self.lang = lang
        pick = QCoreApplication.translate("Editors", "Pick a date")
        self.pick.setToolTip(pick)
        self.pick.setAccessibleName(pick)
        chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        self.calendar.setLocale(chinese if lang == "zh" else QLocale(QLocale.Language.English))


class _IncompleteType:
    def __repr__(self) -> str:
        return "<incomplete>"


_Incomplete = _IncompleteType()


class CreditCodeEditor(TextEditor):
    """Upper-cases as you type and says at once whether the 18 characters and their check character agree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line.setMaxLength(18)
        self.line.setFixedWidth(self.line.fontMetrics().horizontalAdvance("W" * 18) + 16)
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setObjectName("credit-code-state")
        self.row.addWidget(self.state)
        self.row.addStretch(1)
        self.line.textChanged.connect(self._show_state)

    def parse(self, text: str) -> object:
        return _blank_to_none(text.strip().upper())

    def _on_text(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            pos = self.line.cursorPosition()
            self.line.setText(upper)
            self.line.setCursorPosition(pos)
        self.edited.emit(self.parse(upper))

    def _show_state(self, text: str) -> None:
        translate = QCoreApplication.translate
        code = text.strip().upper()
        if not code:
            self.state.setText("")
            return
        result = check_credit_code(code)
        if result.status is CreditCodeStatus.WRONG_LENGTH:
            msg = f"{len(code)}/18"
        elif result.status is CreditCodeStatus.WRONG_ALPHABET:
            msg = translate("Editors", "not allowed: {chars}").format(chars=result.bad_chars)
        elif result.status is CreditCodeStatus.CHECKSUM_MISMATCH:
            msg = "✗ " + translate("Editors", "check character should be {char}").format(char=result.expected_check)
        else:
            msg = "✓ " + translate("Editors", "checksum correct")
        self.state.setText(msg)
        ok = result.status is CreditCodeStatus.VALID
        self.state.setProperty("severity", "ok" if ok else "warning")
        self.state.setStyleSheet("color: #1b7f3a;" if ok else "color: #a15c00;")

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        super().retranslate(lang, placeholder)
        self._show_state(self.line.text())


class MoneyEditor(TextEditor):
    """Yuan with at most two decimals, typed as decimal text; the domain gets a Decimal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,13}(\.\d{0,2})?$"), self.line)
        )
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.setMaximumWidth(220)
        self.shown = QLabel(self)
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.row.addWidget(self.shown)
        self.row.addStretch(1)
        self.line.textChanged.connect(self._show)

    def parse(self, text: str) -> object:
        return parse_decimal(text) if text.strip() else None

    def format(self, value: object) -> str:
        return format(value, "f") if isinstance(value, Decimal) else ""

    def _show(self, text: str) -> None:
        value = self.parse(text)
        unit = QCoreApplication.translate("Editors", "yuan")
        self.shown.setText(f"{format_yuan(value)} {unit}" if isinstance(value, Decimal) else "")

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        super().retranslate(lang, placeholder)
        wide = self.line.fontMetrics().horizontalAdvance(placeholder or "0" * 12) + 24  # placeholder unclipped
        self.line.setMinimumWidth(min(wide, self.line.maximumWidth()))
        self._show(self.line.text())


def make_editor(kind: str, table: choices.Labels | None, parent: QWidget | None = None) -> FieldEditor:
    if kind == "choice":
        assert table is not None
        return ChoiceEditor(table, parent)
    makers = {
        "text": TextEditor,
        "multiline": MultilineEditor,
        "city": CityEditor,
        "date": DateEditor,
        "credit_code": CreditCodeEditor,
        "money": MoneyEditor,
    }
    return makers[kind](parent)
