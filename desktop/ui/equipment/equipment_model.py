"""The equipment table: a thin adapter over `session.draft.equipment`.

Edits go through the session (one undoable change each); the model follows the session's `changed`
signal with precise row and cell notifications, and its `assessed` signal for the eligibility column
and the line amounts. Column 0 is the line number with its eligibility icon; the last column is the
line amount in CNY as the checker computed it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.domain.changes import (
    Change,
    InsertLines,
    MoveLines,
    RemoveLines,
    ReplaceLine,
    RestoreLines,
    SetValue,
)
from desktop.domain.fieldpath import ANY, EQUIPMENT, line_text, list_place
from desktop.domain.fields import FIELD_LABELS
from desktop.domain.lang import Lang
from desktop.domain.money import format_yuan
from desktop.rules.assessment import Assessment, LineResult, reason_label
from desktop.services import tsv
from desktop.ui.common import status_icons as icons
from desktop.ui.wizard.step_text import texts

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession

FIELDS = tsv.FIELDS
NUMBER_COL = 0
AMOUNT_COL = len(FIELDS) + 1
FIRST_FIELD_COL = 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# column titles shorter than the field labels
_SHORT = {"purchase_date": QT_TRANSLATE_NOOP("EquipmentModel", "Purchase date"),
          "unit_price": QT_TRANSLATE_NOOP("EquipmentModel", "Unit price"),
          "invoice_number": QT_TRANSLATE_NOOP("EquipmentModel", "Invoice no."),
          "exchange_rate": QT_TRANSLATE_NOOP("EquipmentModel", "Rate")}
_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole, SORT_ROLE,
})
_RIGHT = {"quantity", "unit_price", "exchange_rate"}
_HINT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole)


def field_of(column: int) -> str | None:
    return FIELDS[column - FIRST_FIELD_COL] if FIRST_FIELD_COL <= column < AMOUNT_COL else None


def column_of(field: str) -> int:
    return FIELDS.index(field) + FIRST_FIELD_COL


def _ranges(indexes: list[int]) -> list[tuple[int, int]]:
    """Ascending indexes as (first, last) runs."""
    out: list[tuple[int, int]] = []
    for i in sorted(indexes):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


class EquipmentModel(QAbstractTableModel):
    def __init__(self, session: DraftSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self._rows = len(session.draft.equipment)
        self._results = session.assessment.lines
        session.changed.connect(self._on_changed)
        session.assessed.connect(self._on_assessed)

    # ---- shape
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else AMOUNT_COL + 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if field_of(index.column()) is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, AMOUNT_COL)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, AMOUNT_COL))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> int | str | None:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        t = texts(self.lang)
        if section == NUMBER_COL:
            return "" if role == Qt.ItemDataRole.DisplayRole else t.translate("EquipmentModel", "Eligibility")
        if section == AMOUNT_COL:
            return t.translate("EquipmentModel", "Amount (CNY)")
        field = field_of(section)
        if field is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole and field in _SHORT:
            return t.translate("EquipmentModel", _SHORT[field])
        zh, en_label = FIELD_LABELS[line_text(ANY, field)]
        return (en_label[:1].upper() + en_label[1:]) if Lang.parse(self.lang).english else zh

    # ---- cells
    def _result(self, row: int) -> LineResult | None:
        return self._results[row] if row < len(self._results) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if row >= len(self.session.draft.equipment):
            return None
        if col == NUMBER_COL:
            return self._number_data(row, role)
        if col == AMOUNT_COL:
            result = self._result(row)
            amount = result.amount if result else None
            if role == Qt.ItemDataRole.DisplayRole:
                return format_yuan(amount) if amount is not None else ""
            if role == SORT_ROLE:
                return amount if amount is not None else Decimal("-Infinity")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        field = FIELDS[col - FIRST_FIELD_COL]
        value = getattr(self.session.draft.equipment[row], field)
        if value is None and field in tsv.ENUMS and role in _HINT_ROLES:  # a choice not made: a grey hint
            return self._choose_hint(role)
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "unit_price" and value is not None:
                return format_yuan(value) if value == value.quantize(Decimal("0.01")) else str(value)
            return tsv.format_cell(field, value, self.lang)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            return tsv.format_cell(field, value, self.lang)
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _choose_hint(self, role: int) -> object:
        """What an empty choice cell shows: the form's combo boxes' "(choose)" (（请选择）), greyed."""
        if role == Qt.ItemDataRole.DisplayRole:
            return texts(self.lang).translate("EquipmentModel", "(choose)")
        return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)

    def _number_data(self, row: int, role: int) -> object:
        result = self._result(row)
        if role == SORT_ROLE:
            return row
        if result is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.eligible() if result.eligible else icons.excluded()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.reasons_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and not result.eligible:
            return QColor("#9a3412")
        return None

    def reasons_text(self, row: int) -> str:
        result = self._result(row)
        if result is None:
            return ""
        t = texts(self.lang)
        if result.eligible:
            return t.translate("EquipmentModel", "Counts towards the subsidy")
        reasons = "; ".join(reason_label(r, self.lang) for r in result.reasons)
        return t.translate("EquipmentModel", "Excluded: {reasons}").format(reasons=reasons)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = field_of(index.column())
        if field is None:
            return False
        if isinstance(value, str):
            try:
                value = tsv.parse_cell(field, value)
            except tsv.CellError:
                return False
        elif isinstance(value, float):
            return False  # money is never a float
        self.session.set_value(line_text(index.row(), field), value, mergeable=False)
        return True

    # ---- following the session
    def _on_changed(self, change: Change | None) -> None:
        n = len(self.session.draft.equipment)
        if isinstance(change, SetValue):
            row, name = list_place(change.path, EQUIPMENT) or (None, None)
            if row is not None and name and field_of(column_of(name)) and row < self._rows:
                col = column_of(name)
                self.dataChanged.emit(self.index(row, col), self.index(row, col))
        elif isinstance(change, ReplaceLine):
            self.dataChanged.emit(self.index(change.index, 0), self.index(change.index, AMOUNT_COL))
        elif isinstance(change, InsertLines):
            self._insert([(change.index, change.index + len(change.lines) - 1)])
        elif isinstance(change, RestoreLines):
            self._insert(_ranges([i for i, _ in change.items]))
        elif isinstance(change, RemoveLines):
            for first, last in reversed(_ranges(list(change.indexes))):
                self.beginRemoveRows(QModelIndex(), first, last)
                self._rows -= last - first + 1
                self.endRemoveRows()
        elif isinstance(change, MoveLines):
            self._move(change)
        elif change is None:
            self.beginResetModel()
            self._rows = n
            self.endResetModel()
        if self._rows != n:  # never expected; keeps the view honest if a change was missed
            self.beginResetModel()
            self._rows = n
            self.endResetModel()

    def _insert(self, runs: list[tuple[int, int]]) -> None:
        for first, last in runs:
            if last < first:
                continue
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows += last - first + 1
            self.endInsertRows()

    def _move(self, change: MoveLines) -> None:
        start, count, dest = change.start, change.count, change.dest
        target = dest if dest <= start else dest + count
        if count and self.beginMoveRows(QModelIndex(), start, start + count - 1, QModelIndex(), target):
            self.endMoveRows()
        first, last = min(start, dest), max(start, dest) + count - 1
        self.dataChanged.emit(self.index(first, 0), self.index(min(last, self._rows - 1), AMOUNT_COL))

    def _on_assessed(self, assessment: Assessment) -> None:
        old, new = self._results, assessment.lines
        self._results = new
        if not self._rows:
            return
        if len(old) == len(new):  # the checker keeps unchanged lines' results: compare by identity
            runs = _ranges([i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a is not b])
        else:
            runs = [(0, self._rows - 1)]
        if len(runs) > 64:
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            last = min(last, self._rows - 1)
            if first <= last:
                self.dataChanged.emit(self.index(first, NUMBER_COL), self.index(last, NUMBER_COL))
                self.dataChanged.emit(self.index(first, AMOUNT_COL), self.index(last, AMOUNT_COL))


def _sort_key(value: object) -> Decimal | str:
    """Comparable across a column with gaps: empty values sort first."""
    if value is None:
        return ""
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class LineFilterProxy(QSortFilterProxyModel):
    """Sorts and filters the view only; the draft keeps the user's order (column 0 restores it)."""

    def __init__(self, session: DraftSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        lines = self.session.draft.equipment
        if source_row >= len(lines):
            return False
        line = lines[source_row]
        for field in ("name", "model", "supplier", "invoice_number"):
            value = getattr(line, field)
            if value and self._needle in value.casefold():
                return True
        return False

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is not type(b):
            return str(type(a)) < str(type(b))
        return bool(a < b)

