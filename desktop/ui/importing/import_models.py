"""The import dialog's tables: the lines an import would add, and every problem by row and column."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain import choices
from desktop.domain.model import EquipmentLine
from desktop.domain.money import format_yuan
from desktop.importers import Preview
from desktop.ui.wizard.step_text import texts

_FIELD_TITLES = {
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Equipment name"),
    "model": QT_TRANSLATE_NOOP("ImportDialog", "Model"),
    "supplier": QT_TRANSLATE_NOOP("ImportDialog", "Supplier"), "kind": QT_TRANSLATE_NOOP("ImportDialog", "Kind"),
    "use": QT_TRANSLATE_NOOP("ImportDialog", "Use"), "condition": QT_TRANSLATE_NOOP("ImportDialog", "Condition"),
    "quantity": QT_TRANSLATE_NOOP("ImportDialog", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("ImportDialog", "Unit price excl. VAT"),
    "amount": QT_TRANSLATE_NOOP("ImportDialog", "Amount excl. VAT"),
    "tax_rate": QT_TRANSLATE_NOOP("ImportDialog", "Tax rate"),
    "gross_unit_price": QT_TRANSLATE_NOOP("ImportDialog", "Unit price incl. VAT"),
    "gross_amount": QT_TRANSLATE_NOOP("ImportDialog", "Total incl. VAT"),
    "currency": QT_TRANSLATE_NOOP("ImportDialog", "Currency"),
    "exchange_rate": QT_TRANSLATE_NOOP("ImportDialog", "Exchange rate"),
    "purchase_date": QT_TRANSLATE_NOOP("ImportDialog", "Purchase date"),
    "invoice_number": QT_TRANSLATE_NOOP("ImportDialog", "Invoice number"),
    "amount_cny": QT_TRANSLATE_NOOP("ImportDialog", "Amount in CNY"),
    "invoice_code": QT_TRANSLATE_NOOP("ImportDialog", "Invoice code"),
    "paper_number": QT_TRANSLATE_NOOP("ImportDialog", "Paper invoice number"),
    "invoice_status": QT_TRANSLATE_NOOP("ImportDialog", "Invoice status"),
    "positive": QT_TRANSLATE_NOOP("ImportDialog", "Positive invoice"),
    "asset_code": QT_TRANSLATE_NOOP("ImportDialog", "Asset code"),
    "buyer": QT_TRANSLATE_NOOP("ImportDialog", "Buyer"),
    "buyer_code": QT_TRANSLATE_NOOP("ImportDialog", "Buyer's tax id"),
}
FIELD_TITLES: dict[str, str] = {key: str(text) for key, text in _FIELD_TITLES.items()}
LINE_COLUMNS = ("row", "name", "model", "supplier", "kind", "use", "condition", "quantity", "unit_price", "currency",
                "exchange_rate", "purchase_date", "invoice_number")
_NUMERIC = {"row", "quantity", "unit_price", "exchange_rate"}


def _tr(text: str, lang: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("ImportDialog", ...) above, in `lang`."""
    return texts(lang).translate("ImportDialog", text)


class PreviewModel(QAbstractTableModel):
    """The lines an import would add, one per row, with the ledger row each comes from. Read-only."""

    def __init__(self, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang
        self._lines: list[EquipmentLine] = []
        self._rows: list[int] = []

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        pairs = sorted([*zip(preview.line_rows, preview.lines, strict=True),
                        *(preview.services if preview.include_services else [])], key=lambda p: p[0]) if preview else []
        self._lines = [line for _, line in pairs]
        self._rows = [row for row, _ in pairs]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LINE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(LINE_COLUMNS):
            key = LINE_COLUMNS[section]
            return texts(self.lang).translate("ImportDialog", "Row") if key == "row" else _tr(FIELD_TITLES[key],
                                                                                                  self.lang)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        key = LINE_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if key in _NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if key == "row":
            return str(self._rows[index.row()])
        value = getattr(self._lines[index.row()], key)
        if value is None:
            return ""
        if key == "unit_price":
            return format_yuan(value)
        if key in ("kind", "use", "condition"):
            table = {"kind": choices.KINDS, "use": choices.USES, "condition": choices.CONDITIONS}[key]
            return choices.label(table, value, self.lang)
        return value.isoformat() if key == "purchase_date" else str(value)


class ProblemsModel(QAbstractTableModel):
    """Every problem of the preview: row, column, what was found, what was expected. Read-only."""

    HEADERS = tuple(str(t) for t in (QT_TRANSLATE_NOOP("ImportDialog", "Row"),
                                     QT_TRANSLATE_NOOP("ImportDialog", "Column"),
                                     QT_TRANSLATE_NOOP("ImportDialog", "Found"),
                                     QT_TRANSLATE_NOOP("ImportDialog", "Expected")))

    def __init__(self, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang
        self._cells: list[tuple[str, str, str, str]] = []
        self._preview: Preview | None = None

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.set_preview(self._preview)  # "expected" is worded in the language

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self._cells = []
        self._preview = preview
        for p in preview.problems if preview else []:
            column = f"{p.column} {p.header}".strip() if p.column else p.header
            self._cells.append((str(p.row), column, p.found, p.expected(self.lang)))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return _tr(self.HEADERS[section], self.lang) if 0 <= section < len(self.HEADERS) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._cells)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        return None
