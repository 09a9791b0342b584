"""A small table editor for a list of records declared in forms/wizard.yaml (`editor: table`): the
last three years' financial figures, the performance indicators.

Each cell is read by the program's value reader as it is typed. A cell that does not read is marked
(red ground, the reason as its tooltip) and the list is not stored until it reads; the draft gets a
new list of records each time (never one changed in place), so undo keeps the old one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import values as reader
from desktop.domain.exchange import field_specs
from desktop.domain.fieldpath import FieldPath
from desktop.domain.lang import choose
from desktop.domain.model import Draft
from desktop.domain.money import parse_decimal
from desktop.rules.wizard_form import CHOICE_TABLES, ColumnSpec, FieldSpec
from desktop.ui.common.editors import FieldEditor

translate = QCoreApplication.translate
_BAD = QBrush(QColor("#fbe9e9"))


def record_class(path: str) -> type:
    """The class of the records a list field holds (`company_facts.financials` -> FinancialYear)."""
    cls: type = Draft
    for step in FieldPath.parse(path).steps:
        meta = {name: m for name, _, m in field_specs(cls)}[step.name]
        cls = meta["cls"]
    return cls


def read_cell(column: ColumnSpec, text: str) -> Any:
    """The value of a cell's text (None when empty); reader.Unreadable when it does not read."""
    text = text.strip()
    if not text:
        return None
    if column.editor == "money":
        return reader.read_money(text, fen=True)
    if column.editor == "date":
        return reader.read_date(text)
    if column.editor == "count":
        return reader.read_quantity(text)
    if column.editor == "decimal":
        value = parse_decimal(text.replace(",", "").replace("，", ""))
        if value is None:
            raise reader.Unreadable("number", "form", f"“{text}”不是数值", f'"{text}" is not a number', text)
        return value
    if column.editor == "choice":
        for key, (zh, en) in CHOICE_TABLES[column.choices or ""].items():
            if text in (key, zh, en):
                return key
        raise reader.Unreadable("choice", "form", f"“{text}”不是可选项", f'"{text}" is not one of the choices', text)
    return text


def shown(column: ColumnSpec, value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if column.editor == "date":
        return str(value.isoformat())
    if column.editor == "choice":
        zh, en = CHOICE_TABLES[column.choices or ""].get(value, (value, value))
        return str(choose(lang, zh, en))
    return str(value)


class _ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, column: ColumnSpec, editor: TableEditor) -> None:
        super().__init__(editor)
        self.column, self.owner = column, editor

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.addItem("", "")
        for key in CHOICE_TABLES[self.column.choices or ""]:
            box.addItem(shown(self.column, key, self.owner.lang), key)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findText(str(index.data() or ""))))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class TableEditor(FieldEditor):
    """Rows of records; `spec.rows` fixes their number, else Add row / Remove row change it."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.cls = record_class(spec.path)
        self.columns = spec.columns
        self.model = QStandardItemModel(0, len(self.columns), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setVisible(False)
        for n, column in enumerate(self.columns):
            if column.editor == "choice":
                self.view.setItemDelegateForColumn(n, _ChoiceDelegate(column, self))
        self.input = self.view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.add = QPushButton(self)
        self.remove = QPushButton(self)
        if spec.rows is None:
            buttons = QHBoxLayout()
            buttons.addWidget(self.add)
            buttons.addWidget(self.remove)
            buttons.addStretch(1)
            layout.addLayout(buttons)
            self.add.clicked.connect(self._add_row)
            self.remove.clicked.connect(self._remove_row)
        else:
            self.add.hide()
            self.remove.hide()
        self._value: list[Any] = []
        self._loading = False
        self.model.itemChanged.connect(self._changed)
        self.problems: dict[tuple[int, int], reader.Unreadable] = {}
        self.set_value([])

    def _fit_height(self) -> None:
        rows = max(self.model.rowCount(), 1)
        height = self.view.horizontalHeader().height() + rows * self.view.verticalHeader().defaultSectionSize() + 6
        self.view.setFixedHeight(height)

    # ---- FieldEditor
    def value(self) -> object:
        return list(self._value)

    def set_value(self, value: object) -> None:
        records = list(value) if isinstance(value, list) else []
        if records == self._value and self.model.rowCount():
            return
        self._value = records
        self._loading = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            count = max(len(records), self.spec.rows or 0)
            for r in range(count):
                record = records[r] if r < len(records) else None
                items = [QStandardItem(shown(c, getattr(record, c.name) if record else None, self.lang))
                         for c in self.columns]
                self.model.appendRow(items)
            self.problems.clear()
        finally:
            self._loading = False
        self._fit_height()

    def retranslate(self, lang: str, placeholder: str = "") -> None:
        self.lang = lang
        self.model.setHorizontalHeaderLabels([c.label.get(lang) for c in self.columns])
        self.add.setText(translate("TableEditor", "Add row"))
        self.remove.setText(translate("TableEditor", "Remove row"))
        value, self._value = self._value, []
        self.set_value(value)

    # ---- editing
    def _add_row(self) -> None:
        self.model.appendRow([QStandardItem("") for _ in self.columns])
        self._fit_height()

    def _remove_row(self) -> None:
        row = self.view.currentIndex().row()
        row = self.model.rowCount() - 1 if row < 0 else row
        if row >= 0:
            self.model.removeRow(row)
            self._fit_height()
            self._changed()

    def _changed(self, _item: object = None) -> None:
        if self._loading:
            return
        records = []
        self.problems.clear()
        for r in range(self.model.rowCount()):
            fields: dict[str, Any] = {}
            for c, column in enumerate(self.columns):
                item = self.model.item(r, c)
                text = item.text() if item is not None else ""
                try:
                    fields[column.name] = read_cell(column, text)
                except reader.Unreadable as exc:
                    self.problems[(r, c)] = exc
                if item is not None:
                    self._loading = True
                    try:
                        bad = (r, c) in self.problems
                        item.setBackground(_BAD if bad else QBrush())
                        item.setToolTip(self.problems[(r, c)].message(self.lang) if bad else "")
                    finally:
                        self._loading = False
            if any(v is not None for v in fields.values()):
                records.append(self.cls(**fields))
        if self.problems:
            return  # nothing stored while a cell does not read
        self._value = records
        self.edited.emit(list(records))
        self.committed.emit()
