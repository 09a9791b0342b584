"""Field editors that fit their values: text, long text, choices, city, date (may be empty), credit
code (checksum shown while typing) and money (decimal text, never a float).

Every editor has the same small surface the form page binds to the session: `edited(value)` while
the user changes it, `committed()` when they leave it (ends the undo step), `value()`,
`set_value(value)` (no signal) and `input` (the widget that takes focus and carries the accessible
name). Undo and redo keys are left to the window so Ctrl+Z undoes through the draft's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain import choices
from desktop.domain.cities import CITIES, city_label
from desktop.domain.codes import CreditCodeStatus, check_credit_code
from desktop.domain.fields import TextLimit, text_limit, without_refused

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession

    _EditorBase = QWidget
else:
    _EditorBase = object  # a plain mixin at run time: the editor's own Qt class comes after it

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


class _HistoryToWindow(_EditorBase):
    """Mixed into a text editor: leaves undo/redo keys to the window and says `focus_left` when focus goes."""

    focus_left: Signal  # each editor class declares its own (a Qt signal belongs to a Qt class)

    def event(self, event: QEvent) -> bool:
        if _leaves_history_to_window(event):
            event.ignore()
            return False
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.focus_left.emit()


class HistoryLineEdit(_HistoryToWindow, QLineEdit):
    focus_left = Signal()


class HistoryPlainTextEdit(_HistoryToWindow, QPlainTextEdit):
    focus_left = Signal()


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


def _counter(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("length-counter")
    label.hide()
    return label


def _show_count(label: QLabel, length: int, limit: TextLimit | None) -> None:
    if limit is None or not limit.counted:
        return
    label.setText(f"{length}/{limit.max_length}")
    over = length > limit.max_length
    label.setStyleSheet("color: #b91c1c;" if over else "color: palette(mid);")
    label.setProperty("over", over)
    label.show()


class TextEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.line = HistoryLineEdit(self)
        self.row.addWidget(self.line)
        self.input = self.line
        self.setFocusProxy(self.line)
        self.limit: TextLimit | None = None
        self.path = ""
        self.counter: QLabel | None = None
        self.line.textEdited.connect(self._on_text)
        self.line.focus_left.connect(self.committed)

    def set_path(self, path: str) -> None:
        """Apply the field catalogue's limits for `path` (desktop/domain/fields.py)."""
        self.path = path
        self.limit = text_limit(path)
        if self.limit is None:
            return
        self.line.setMaxLength(self.limit.max_length)
        if self.limit.counted:
            self.counter = _counter(self)
            self.row.addWidget(self.counter)
            self.line.textChanged.connect(lambda text: _show_count(self.counter, len(text), self.limit))
            _show_count(self.counter, len(self.line.text()), self.limit)

    def _on_text(self, text: str) -> None:
        if self.limit is not None:
            clean = without_refused(self.path, text)
            if clean != text:  # hidden control or direction characters (pasted) are taken out
                pos = self.line.cursorPosition() - (len(text) - len(clean))
                self.line.setText(clean)
                self.line.setCursorPosition(max(pos, 0))
                text = clean
        self.edited.emit(self.parse(text))

    def parse(self, text: str) -> object:
        return _blank_to_none(text)

    def format(self, value: object) -> str:
        return "" if value is None else str(value)

    def value(self) -> object:
        return self.parse(self.line.text())

    def set_value(self, value: object) -> None:
        if self.value() != value:
            shown = self.format(value)
            if self.limit is not None:  # a longer value from a file is shown whole (the checker reports it)
                self.line.setMaxLength(max(self.limit.max_length, len(shown)))
            self.line.setText(shown)


class MultilineEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = HistoryPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(96)
        layout.addWidget(self.text)
        self.counter = _counter(self)
        layout.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignBottom)
        self.input = self.text
        self.setFocusProxy(self.text)
        self._setting = False
        self.limit: TextLimit | None = None
        self.path = ""
        self.text.textChanged.connect(self._on_text)
        self.text.focus_left.connect(self.committed)

    def set_path(self, path: str) -> None:
        self.path = path
        self.limit = text_limit(path)
        _show_count(self.counter, len(self.text.toPlainText()), self.limit)

    def _on_text(self) -> None:
        if self._setting:
            _show_count(self.counter, len(self.text.toPlainText()), self.limit)
            return
        if self.limit is not None:
            self._enforce(self.limit)
        _show_count(self.counter, len(self.text.toPlainText()), self.limit)
        self.edited.emit(self.value())

    def _enforce(self, limit: TextLimit) -> None:
        """Hidden characters out, and nothing typed past the limit (a longer text from a file is kept
        until it is edited; the checker reports it)."""
        text = self.text.toPlainText()
        clean = without_refused(self.path, text)
        if len(clean) > limit.max_length:
            cursor = self.text.textCursor()
            cut = len(clean) - limit.max_length
            pos = max(cursor.position() - cut, 0)
            clean = clean[: pos] + clean[pos + cut:]
        if clean != text:
            pos = min(self.text.textCursor().position(), len(clean))
            self._setting = True
            self.text.setPlainText(clean)
            self._setting = False
            cursor = self.text.textCursor()
            cursor.setPosition(pos, QTextCursor.MoveMode.MoveAnchor)
            self.text.setTextCursor(cursor)

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


def make_editor(
    kind: str, table: choices.Labels | None, parent: QWidget | None = None, path: str = ""
) -> FieldEditor:
    if kind == "choice":
        assert table is not None
        return ChoiceEditor(table, parent)
    from desktop.ui.common.value_editors import CountEditor, DateEditor, MoneyEditor

    makers: dict[str, type[FieldEditor]] = {
        "count": CountEditor,
        "text": TextEditor,
        "multiline": MultilineEditor,
        "city": CityEditor,
        "date": DateEditor,
        "credit_code": CreditCodeEditor,
        "money": MoneyEditor,
    }
    editor = makers[kind](parent)
    if path and isinstance(editor, TextEditor | MultilineEditor):
        editor.set_path(path)
    return editor


def bind_pending(editor: FieldEditor, session: DraftSession, path: str) -> None:
    """Report an editor's unreadable text to the session's pending input (the wizard marks the step)."""
    from desktop.ui.common.value_editors import ReadingEditor

    if isinstance(editor, ReadingEditor):
        from desktop.ui.common.pending_input import pending_for

        pending = pending_for(session)
        editor.invalid.connect(lambda refusal: pending.clear(path) if refusal is None else pending.set(path, refusal))
