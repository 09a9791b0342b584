"""Cell editors for the equipment table. Typed values reach the model as text, read there by the one value
reader (desktop/domain/values.py through tsv.parse_cell); choices as keys — never floats. A cell whose
text cannot be read keeps its editor open, marked, until it is mended or the edit is cancelled (Esc)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
    QWidgetAction,
)

from desktop.domain import choices
from desktop.domain import values as reader
from desktop.domain.fieldpath import ANY, line_text
from desktop.domain.fields import text_limit, without_refused
from desktop.domain.lang import Lang
from desktop.services import tsv
from desktop.ui.common.pending_input import PendingInput, pending_for
from desktop.ui.equipment.equipment_model import field_of
from desktop.ui.wizard.step_text import texts

CURRENCIES = reader.CURRENCY_CODES
_PATTERNS = {"invoice_number": r"[0-9A-Za-z\- ]{0,30}"}
# fields typed as text and read through the value reader when the cell is left
READ_FIELDS = frozenset({"quantity", "unit_price", "currency", "exchange_rate", "purchase_date"})
_INVALID_STYLE = "QLineEdit { border: 2px solid #b91c1c; }"
Index = QModelIndex | QPersistentModelIndex
_LEAVING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def _source(index: Index) -> tuple[QAbstractItemModel, Index]:
    """The table model and the index in it (the view shows it through a sorting proxy)."""
    model = index.model()
    while hasattr(model, "sourceModel") and model.sourceModel() is not None:
        proxy = cast(QAbstractProxyModel, model)
        index = proxy.mapToSource(index)
        model = proxy.sourceModel()
    return model, index


class CellEdit(QLineEdit):
    """A cell's line editor. Values of READ_FIELDS are read as typed (the money echo in yuan and 万元 shows
    in the tooltip); a text that cannot be read keeps the editor open, marked, with the reason."""

    picked = Signal()  # a date was chosen in the calendar

    def __init__(self, field: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self.refusal: tsv.CellError | None = None
        self.message = ""
        self.calendar: QCalendarWidget | None = None  # the date cell's
        self.calendar_action: QAction | None = None
        self.pending: tuple[PendingInput, str, object] | None = None
        self.textChanged.connect(self._typed)

    def check(self) -> tsv.CellError | None:
        try:
            tsv.parse_cell(self.field, self.text())
        except tsv.CellError as exc:
            return exc
        return None

    def report(self) -> None:
        """Tell the session's pending input whether this cell holds unreadable text."""
        if self.pending is None:
            return
        inputs, path, owner = self.pending
        if self.refusal is None:
            inputs.clear(path, owner)
        else:
            inputs.set(path, self.refusal, owner)

    def _typed(self, text: str) -> None:
        if self.field == "unit_price":
            try:
                value = tsv.parse_cell(self.field, text)
            except tsv.CellError:
                value = None
            self.setToolTip(reader.yuan_echo(value, self.lang) if isinstance(value, Decimal) else "")
        if self.refusal is not None:  # marked: follow the typing until the text reads
            self.refusal = self.check()
            self._show()
            self.report()

    def mark(self, refusal: tsv.CellError) -> None:
        self.refusal = refusal
        self._show()

    def _show(self) -> None:
        if self.refusal is None:
            self.message = ""
            self.setStyleSheet("")
            self.setProperty("invalid", False)
            self.setToolTip("")
            QToolTip.hideText()
            return
        self.message = self.refusal.text(self.lang)
        self.setStyleSheet(_INVALID_STYLE)
        self.setProperty("invalid", True)
        self.setToolTip(self.message)
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.message, self)


def _add_calendar(editor: CellEdit, lang: str) -> None:
    """A calendar button inside the date cell's editor; a click picks the date and leaves the cell."""
    from desktop.ui.common.icons import icon

    menu = QMenu(editor)  # a child of the editor: focus in it does not end the editing
    calendar = QCalendarWidget(menu)
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    calendar.setLocale(chinese if Lang.parse(lang).chinese else QLocale(QLocale.Language.English))
    holder = QWidgetAction(menu)
    holder.setDefaultWidget(calendar)
    menu.addAction(holder)
    action = editor.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(QCoreApplication.translate("Editors", "Pick a date"))

    def show() -> None:
        try:
            current = reader.read_date(editor.text())
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        except reader.Unreadable:
            pass
        menu.popup(editor.mapToGlobal(editor.rect().bottomLeft()))

    def chosen(day: QDate) -> None:
        menu.hide()
        editor.setText(date(day.year(), day.month(), day.day()).isoformat())
        editor.picked.emit()

    action.triggered.connect(show)
    calendar.clicked.connect(chosen)
    editor.calendar = calendar
    editor.calendar_action = action


class ReadingDelegate(QStyledItemDelegate):
    """Keeps a cell's editor open while its text cannot be read: never stored, never replaced by the old
    value, reported to the session's pending input so the step shows an error. When the view closes the
    editor anyway (a click on another cell), the cell is opened again at once with the text as typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._carry: tuple[QPersistentModelIndex, str, tsv.CellError] | None = None

    def refuse(self, editor: CellEdit, index: Index) -> bool:
        """True (and the cell reopened with its text) when the editor's text cannot be stored."""
        if editor.field not in READ_FIELDS:
            return False
        refusal = editor.check()
        if refusal is None:
            return False
        self._carry = (QPersistentModelIndex(index), editor.text(), refusal)
        QTimer.singleShot(0, self._reopen)
        return True

    def _reopen(self) -> None:
        view = self.parent()
        if self._carry is None or not isinstance(view, QAbstractItemView) or not self._carry[0].isValid():
            self._carry = None
            return
        index = view.model().index(self._carry[0].row(), self._carry[0].column())
        view.setCurrentIndex(index)
        view.edit(index)

    def carried(self, editor: CellEdit, index: Index) -> bool:
        """Put a text carried over from a closed editor back, marked; True when there was one."""
        if self._carry is None:
            return False
        where, text, refusal = self._carry
        if (where.row(), where.column()) != (index.row(), index.column()):
            return False
        self._carry = None
        editor.setText(text)
        editor.mark(refusal)
        editor.report()
        return True

    def _cell_path(self, index: Index) -> tuple[object, str]:
        model, source = _source(index)
        return model, line_text(source.row(), str(field_of(source.column())))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(editor, CellEdit) and editor.field in READ_FIELDS and _leaving(event):
            refusal = editor.check()
            if refusal is not None:
                editor.mark(refusal)
                editor.report()
                return True
        return super().eventFilter(editor, event)

    def _attach(self, editor: CellEdit, index: Index) -> None:
        model, path = self._cell_path(index)
        session = getattr(model, "session", None)
        if session is None:
            return
        pending = pending_for(session)
        owner = object()
        editor.pending = (pending, path, owner)
        editor.destroyed.connect(lambda *_: pending.clear(path, owner))

    def _lang(self, index: Index) -> str:
        model, _ = _source(index)
        lang = getattr(model, "lang", "zh")
        return lang if isinstance(lang, str) else "zh"


def _leaving(event: QEvent) -> bool:
    if event.type() == QEvent.Type.FocusOut:
        return True
    return event.type() == QEvent.Type.KeyPress and cast(QKeyEvent, event).key() in _LEAVING_KEYS


def _label(table: choices.Labels, key: str, lang: str) -> str:
    return choices.label(table, key, lang)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo of the labels of a closed value set, with an empty choice "(choose)" for "not given"."""

    def __init__(self, table: choices.Labels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.lang = "zh"

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(texts(self.lang).translate("EquipmentModel", "(choose)"), None)  # as the empty cell says
        for key in self.table:
            combo.addItem(_label(self.table, key, self.lang), key)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        combo = cast(QComboBox, editor)  # the editor createEditor made
        combo.setCurrentIndex(max(combo.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        model.setData(index, cast(QComboBox, editor).currentData(), Qt.ItemDataRole.EditRole)


class TextDelegate(ReadingDelegate):
    """A line edit for every typed value: names within the field catalogue's limits, numbers, money
    (1,234.50, 12.5万 …), currencies (USD, 美元 …) and dates (2025-10-20, 2025年10月20日 …) read by the
    value reader; the date cell has a calendar button."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        field = field_of(index.column()) or ""
        editor = CellEdit(field, self._lang(index), parent)
        editor.setFrame(False)
        if field in _PATTERNS:
            editor.setValidator(QRegularExpressionValidator(QRegularExpression(_PATTERNS[field]), editor))
        limit = text_limit(line_text(ANY, field))
        if limit is not None:
            editor.setMaxLength(limit.max_length)
        if field == "purchase_date":
            _add_calendar(editor, editor.lang)
            editor.picked.connect(lambda: self._finish(editor))
        if field == "currency":
            words = [*CURRENCIES, *reader.CURRENCY_NAMES]
            completer = QCompleter(words, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        self._attach(editor, index)
        return editor

    def _finish(self, editor: CellEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        field = field_of(index.column()) or ""
        if isinstance(editor, CellEdit) and (editor.refusal is not None or self.carried(editor, index)):
            return  # the unreadable text stays as typed
        cast(QLineEdit, editor).setText(tsv.format_cell(field, index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, CellEdit) and self.refuse(editor, index):
            return
        text = cast(QLineEdit, editor).text()
        if field_of(index.column()) == "name" or field_of(index.column()) in ("model", "supplier"):
            text = without_refused(line_text(ANY, str(field_of(index.column()))), text)
        model.setData(index, text, Qt.ItemDataRole.EditRole)


def install(view: QAbstractItemView, lang: str = "zh") -> list[ChoiceDelegate]:
    """Set the delegate of every field column of `view`; the choice delegates (to retranslate)."""
    from desktop.ui.equipment.equipment_model import column_of

    text = TextDelegate(view)
    view.setItemDelegate(text)
    combos = []
    for field, table in tsv.ENUMS.items():
        delegate = ChoiceDelegate(table, view)
        delegate.lang = lang
        view.setItemDelegateForColumn(column_of(field), delegate)
        combos.append(delegate)
    return combos
