"""The import preview dialog: read a ledger in a worker, show the lines it would add and every problem,
let the user correct the column mapping (remembered per header layout), and hand back the good lines.

    dialog = ImportDialog(path, parent, current_lines=len(draft.equipment), lang="zh")
    if dialog.exec():
        lines = dialog.lines()      # nothing has touched the draft; the caller adds them (with undo)

Its texts are in `lang` (`retranslate(lang)` switches them while it is open).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import choices
from desktop.domain.model import EquipmentLine
from desktop.domain.money import format_yuan
from desktop.importers import FIELDS, ImportCancelled, ImportRefused, MappingStore, Preview, Table
from desktop.importers.header import column_letter
from desktop.importers.pipeline import preview_table
from desktop.importers.sources import read_table
from desktop.ui.step_text import texts
from desktop.ui.workers import Job

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

    def __init__(self, parent=None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang
        self._lines: list[EquipmentLine] = []
        self._rows: list[int] = []

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self._lines = list(preview.lines) if preview else []
        self._rows = list(preview.line_rows) if preview else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LINE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(LINE_COLUMNS):
            key = LINE_COLUMNS[section]
            return texts(self.lang).translate("ImportDialog", "Row") if key == "row" else _tr(FIELD_TITLES[key],
                                                                                                  self.lang)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
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

    def __init__(self, parent=None, lang: str = "en") -> None:
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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return _tr(self.HEADERS[section], self.lang) if 0 <= section < len(self.HEADERS) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._cells)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        return None


class ImportDialog(QDialog):
    """Preview a ledger's lines and let the user import the good ones. `lines()` after acceptance."""

    def __init__(self, path: Path | str, parent: QWidget | None = None, current_lines: int = 0, *,
                 sheet: str | None = None, encoding: str | None = None, delimiter: str | None = None,
                 store: MappingStore | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.current_lines = current_lines
        self.lang = lang
        self.store = store if store is not None else MappingStore()
        self._options = (sheet, encoding, delimiter)
        self._table: Table | None = None
        self._preview: Preview | None = None
        self._job: Job | None = None
        self._closed = False
        self._combos: dict[int, QComboBox] = {}
        self._failure: BaseException | None = None
        self.resize(1000, 680)
        self._build()
        self.retranslate(lang)
        self._start_reading()

    @property
    def _texts(self):
        return texts(self.lang)

    def retranslate(self, lang: str) -> None:
        """Every text in `lang`, the preview and the mapping as they are."""
        self.lang = lang
        t = self._texts
        self.setWindowTitle(t.translate("ImportDialog", "Import equipment lines"))
        self.cancel_button.setText(t.translate("ImportDialog", "Cancel"))
        self.preview_model.lang = lang
        self.problems_model.set_lang(lang)
        self.preview_model.set_preview(self._preview)
        for combo in self._combos.values():
            for i in range(combo.count()):
                key = combo.itemData(i)
                combo.setItemText(i, _tr(FIELD_TITLES[key], lang) if key else
                                  t.translate("ImportDialog", "(not imported)"))
        if self._failure is not None:
            self._show_failure(self._failure)
        elif self._table is None:
            self.summary.setText(t.translate("ImportDialog", "Reading {file}…").format(file=self.path.name))
            self.import_button.setText(t.translate("ImportDialog", "Import %n good rows", "", 0))
        else:
            self._show(self._preview)

    # ---- layout
    def _plain_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = self._plain_label()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.mapping_box = QWidget()
        self.mapping_form = QFormLayout(self.mapping_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_box)
        self.preview_model = PreviewModel(self, self.lang)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.problems_model = ProblemsModel(self, self.lang)
        self.problems_view = QTableView()
        self.problems_view.setModel(self.problems_model)
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        for widget in (scroll, self.preview_view, self.problems_view, self.notes):
            splitter.addWidget(widget)
        splitter.setSizes([170, 230, 150, 80])  # the mapping editor shows a few rows, not a sliver
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self)
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(self)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.import_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

    # ---- work in the background
    def _run(self, work, done) -> None:
        if self._job is not None:
            self._job.cancel()
        self.progress.setValue(0)
        self.progress.show()
        self.import_button.setEnabled(False)

        def fn(report):
            def progress(percent: int) -> None:
                if not report(percent, 100):
                    raise ImportCancelled()
            return work(progress)

        job = Job(fn, done=lambda result: self._finished(job, done, result),
                  failed=lambda exc: self._failed(job, exc), cancelled=lambda: self._cancelled(job),
                  progress=lambda d, t: self._progressed(job, d), cancel_types=(ImportCancelled,))
        self._job = job
        job.start()

    def is_busy(self) -> bool:
        return self._job is not None

    def _current(self, job: Job) -> bool:
        return not self._closed and job is self._job

    def _progressed(self, job: Job, percent: int) -> None:
        if self._current(job):
            self.progress.setValue(percent)

    def _finished(self, job: Job, done, result) -> None:
        if self._current(job):
            self._job = None
            self.progress.hide()
            done(result)

    def _failed(self, job: Job, exc: BaseException) -> None:
        if not self._current(job):
            return
        self._job = None
        self.progress.hide()
        self._failure = exc
        self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        t = self._texts
        if isinstance(exc, ImportRefused):
            self.summary.setText(t.translate("ImportDialog", "This file cannot be imported: {reason}").format(
                reason=exc.text(self.lang)))
        else:
            self.summary.setText(t.translate("ImportDialog", "Reading the file failed: {error}").format(
                error=f"{type(exc).__name__}: {exc}"))
        self._show(None)

    def _cancelled(self, job: Job) -> None:
        if self._current(job):
            self._job = None
            self.progress.hide()

    def _start_reading(self) -> None:
        sheet, encoding, delimiter = self._options
        store = self.store

        def work(progress):
            table = read_table(self.path, sheet, encoding, delimiter, lambda p: progress(p * 8 // 10))
            return table, preview_table(table, store=store, progress=lambda p: progress(80 + p // 5))

        self._run(work, self._read_done)

    def _read_done(self, result) -> None:
        self._table, preview = result
        self._build_mapping_editor(preview)
        self._show(preview)

    # ---- mapping editor
    def _build_mapping_editor(self, preview: Preview) -> None:
        for column, header in enumerate(preview.header.texts):
            if not header:
                continue
            combo = QComboBox(self.mapping_box)
            combo.addItem(self._texts.translate("ImportDialog", "(not imported)"), "")
            for key in FIELDS:
                combo.addItem(_tr(FIELD_TITLES[key], self.lang), key)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(column, "")), 0))
            combo.currentIndexChanged.connect(lambda _i, c=column: self._mapping_changed(c))
            label = QLabel(f"{column_letter(column)}  {header}", self.mapping_box)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.mapping_form.addRow(label, combo)
            self._combos[column] = combo

    def mapping(self) -> dict[int, str]:
        return {c: combo.currentData() for c, combo in self._combos.items() if combo.currentData()}

    def _mapping_changed(self, column: int) -> None:
        field = self._combos[column].currentData()
        if field:
            for other, combo in self._combos.items():  # a field is fed by one column only
                if other != column and combo.currentData() == field:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        if self._table is None or self._preview is None:
            return
        mapping, table, header = self.mapping(), self._table, self._preview.header
        self.store.remember(header.layout_key, header.texts, mapping)
        self._run(lambda progress: preview_table(table, mapping, progress=progress), self._show)

    # ---- showing the preview
    def _show(self, preview: Preview | None) -> None:
        self._preview = preview
        self.preview_model.set_preview(preview)
        self.problems_model.set_preview(preview)
        good = len(preview.lines) if preview else 0
        t = self._texts
        self.import_button.setText(t.translate("ImportDialog", "Import %n good rows", "", good))
        self.import_button.setEnabled(good > 0)
        if preview is None:
            self.notes.setPlainText("")
            return
        # counts as plain names: lupdate skips a translate() whose count is a call or an attribute
        bad, now = len(preview.bad_rows), self.current_lines
        header = t.translate("ImportDialog", "{file}: header on row {row}.").format(file=self.path.name,
                                                                                   row=preview.header.row)
        parts = [t.translate("ImportDialog", "%n line(s) to add", "", good),
                 t.translate("ImportDialog", "%n row(s) with problems (not imported)", "", bad),
                 t.translate("ImportDialog", "the draft has %n line(s) now.", "", now)]
        then = t.translate("ImportDialog", "{first} {second}", "one sentence after another")
        text = then.format(first=header, second=t.translate("ImportDialog", "; ", "between the counts").join(parts))
        if preview.missing:
            names = t.translate("ImportDialog", ", ", "between field names").join(
                _tr(FIELD_TITLES[f], self.lang) for f in preview.missing)
            text = then.format(first=text, second=t.translate(
                "ImportDialog", "No column is mapped to: {fields}. Choose one below.").format(fields=names))
        self.summary.setText(text)
        self.notes.setPlainText("\n".join(note.text(self.lang) for note in preview.notes))

    # ---- results
    def preview(self) -> Preview | None:
        return self._preview

    def lines(self) -> list[EquipmentLine]:
        """The good lines, once the user chose to import them; otherwise none."""
        if self.result() != QDialog.DialogCode.Accepted or self._preview is None:
            return []
        return list(self._preview.lines)

    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.cancel()
        self._closed = True
        super().done(result)
