"""Cell editors for the equipment table, one per kind of value. Values reach the model as text or as
typed values (str, int, Decimal, date) — never as floats."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyledItemDelegate

from desktop.domain import choices
from desktop.services import tsv
from desktop.ui.equipment_model import field_of

CURRENCIES = ("CNY", "USD", "EUR", "JPY", "HKD", "GBP", "CHF", "KRW", "SGD", "TWD")
_PATTERNS = {
    "quantity": r"\s*\d{0,7}\s*",
    "unit_price": r"\s*[¥￥]?[\d,]{0,16}(\.\d{0,6})?\s*",
    "exchange_rate": r"\s*\d{0,6}(\.\d{0,8})?\s*",
    "invoice_number": r"[0-9A-Za-z\- ]{0,30}",
}


def _label(table: choices.Labels, key: str, lang: str) -> str:
    return choices.label(table, key, lang)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo of the labels of a closed value set, with an empty choice for "not given"."""

    def __init__(self, table: choices.Labels, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.lang = "zh"

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem("—", None)
        for key in self.table:
            combo.addItem(_label(self.table, key, self.lang), key)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return combo

    def setEditorData(self, editor, index) -> None:
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TextDelegate(QStyledItemDelegate):
    """A line edit, with a validator for numbers and invoice numbers; the model parses the text."""

    def createEditor(self, parent, option, index):
        field = field_of(index.column()) or ""
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if field in _PATTERNS:
            editor.setValidator(QRegularExpressionValidator(QRegularExpression(_PATTERNS[field]), editor))
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor, index) -> None:
        field = field_of(index.column()) or ""
        editor.setText(tsv.format_cell(field, index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class CurrencyDelegate(QStyledItemDelegate):
    """An editable combo of common ISO 4217 codes (any three letters accepted)."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(list(CURRENCIES))
        combo.setValidator(QRegularExpressionValidator(QRegularExpression(r"[A-Za-z]{0,3}"), combo))
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return combo

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "CNY")

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A date editor with a calendar; an empty cell starts at today."""

    def createEditor(self, parent, option, index):
        editor = QDateEdit(parent)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setCalendarPopup(True)
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        d = value if isinstance(value, date) else date.today()
        editor.setDate(QDate(d.year, d.month, d.day))

    def setModelData(self, editor, model, index) -> None:
        q = editor.date()
        model.setData(index, date(q.year(), q.month(), q.day()), Qt.ItemDataRole.EditRole)


def install(view, lang: str = "zh") -> list[ChoiceDelegate]:
    """Set the delegate of every field column of `view`; the choice delegates (to retranslate)."""
    from desktop.ui.equipment_model import column_of

    text = TextDelegate(view)
    view.setItemDelegate(text)
    combos = []
    for field, table in tsv.ENUMS.items():
        delegate = ChoiceDelegate(table, view)
        delegate.lang = lang
        view.setItemDelegateForColumn(column_of(field), delegate)
        combos.append(delegate)
    view.setItemDelegateForColumn(column_of("currency"), CurrencyDelegate(view))
    view.setItemDelegateForColumn(column_of("purchase_date"), DateDelegate(view))
    return combos
