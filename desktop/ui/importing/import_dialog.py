"""The import preview dialog: read a ledger in a worker, show the lines it would add and every problem,
let the user correct the column mapping (remembered per header layout), and hand back the good lines.

    dialog = ImportDialog(path, parent, current_lines=len(draft.equipment), lang="zh")
    if dialog.exec():
        lines = dialog.lines()      # nothing has touched the draft; the caller adds them (with undo)

Its texts are in `lang` (`retranslate(lang)` switches them while it is open).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from desktop.domain.model import Draft, EquipmentLine
from desktop.importers import FIELDS, ImportRefused, MappingStore, Options, Preview, Table
from desktop.importers.header import column_letter
from desktop.importers.invoice_files import import_invoices, is_invoice_file
from desktop.importers.pipeline import preview_table
from desktop.importers.sources import read_table
from desktop.progress import Progress
from desktop.ui.common.workers import Job
from desktop.ui.importing.import_models import FIELD_TITLES, PreviewModel, ProblemsModel, _tr
from desktop.ui.wizard.step_text import Texts, texts


def is_invoices(paths: Sequence[Path]) -> bool:
    """Invoice files (.xml, .ofd, .pdf) or folders of them, rather than one ledger."""
    return bool(paths) and all(p.is_dir() or is_invoice_file(p) for p in paths)


class ImportDialog(QDialog):
    """Preview a ledger's lines and let the user import the good ones. `lines()` after acceptance."""

    def __init__(self, path: Path | str | Sequence[Path], parent: QWidget | None = None, current_lines: int = 0, *,
                 sheet: str | None = None, encoding: str | None = None, delimiter: str | None = None,
                 store: MappingStore | None = None, lang: str = "en", draft: Draft | None = None) -> None:
        super().__init__(parent)
        self.paths = [Path(p) for p in path] if isinstance(path, (list, tuple)) else [Path(path)]  # type: ignore[arg-type]
        self.path = self.paths[0]
        self.invoices = is_invoices(self.paths)
        self.applicant = (draft.applicant.name, draft.applicant.credit_code) if draft is not None else (None, None)
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
    def _texts(self) -> Texts:
        return texts(self.lang)

    def retranslate(self, lang: str) -> None:
        """Every text in `lang`, the preview and the mapping as they are."""
        self.lang = lang
        t = self._texts
        self.setWindowTitle(t.translate("ImportDialog", "Import equipment lines"))
        self.cancel_button.setText(t.translate("ImportDialog", "Cancel"))
        self.sheet_label.setText(t.translate("ImportDialog", "Sheet:"))
        self.group_box.setText(t.translate("ImportDialog", "One line per group of identical asset cards"))
        self.services_box.setText(t.translate("ImportDialog", "Also import rows that look like services"))
        self.date_label.setText(t.translate("ImportDialog", "Dates such as 03.11.2025:"))
        orders = (t.translate("ImportDialog", "as the column shows"), t.translate("ImportDialog", "day first"),
                  t.translate("ImportDialog", "month first"))
        for i, word in enumerate(orders):
            self.date_combo.setItemText(i, word)
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
        options = QHBoxLayout()
        self.sheet_label = QLabel(self)
        self.sheet_combo = QComboBox(self)
        self.group_box = QCheckBox(self)
        self.services_box = QCheckBox(self)
        self.date_label = QLabel(self)
        self.date_combo = QComboBox(self)
        for key in ("", "dmy", "mdy"):
            self.date_combo.addItem(key, key)
        for widget in (self.sheet_label, self.sheet_combo, self.group_box, self.services_box, self.date_label,
                       self.date_combo):
            options.addWidget(widget)
        options.addStretch(1)
        layout.addLayout(options)
        self.sheet_label.hide()
        self.sheet_combo.hide()
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.group_box.toggled.connect(self._options_changed)
        self.services_box.toggled.connect(self._options_changed)
        self.date_combo.currentIndexChanged.connect(self._options_changed)
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
        for part in (scroll, self.preview_view, self.problems_view, self.notes):
            splitter.addWidget(part)
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
    def _run(self, work: Callable[[Progress], Any], done: Callable[[Any], None]) -> None:
        if self._job is not None:
            self._job.cancel()
        self.progress.setValue(0)
        self.progress.show()
        self.import_button.setEnabled(False)

        job = Job(work, done=lambda result: self._finished(job, done, result),
                  failed=lambda exc: self._failed(job, exc), cancelled=lambda: self._cancelled(job),
                  progress=lambda d, t: self._progressed(job, d))
        self._job = job
        job.start()

    def is_busy(self) -> bool:
        return self._job is not None

    def _current(self, job: Job) -> bool:
        return not self._closed and job is self._job

    def _progressed(self, job: Job, percent: int) -> None:
        if self._current(job):
            self.progress.setValue(percent)

    def _finished(self, job: Job, done: Callable[[Any], None], result: object) -> None:
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

    def import_options(self) -> Options:
        order = self.date_combo.currentData() or None
        return Options(group_cards=self.group_box.isChecked(), include_services=self.services_box.isChecked(),
                       date_order=order)

    def _start_reading(self, sheet: str | None = None) -> None:
        chosen, encoding, delimiter = self._options
        sheet = sheet or chosen
        store, options, paths, applicant = self.store, self.import_options(), self.paths, self.applicant

        def work(progress: Progress) -> tuple[Table | None, Preview]:
            if self.invoices:
                return None, import_invoices(paths, applicant=applicant, options=options)
            table = read_table(self.path, sheet, encoding, delimiter, progress.part(0, 80))
            return table, preview_table(table, store=store, progress=progress.part(80, 100), options=options)

        self._run(work, self._read_done)

    def _read_done(self, result: tuple[Table | None, Preview]) -> None:
        self._table, preview = result
        self._failure = None
        if self._table is not None and len(self._table.sheets) > 1:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            for name in self._table.sheets:
                self.sheet_combo.addItem(name, name)
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(self._table.sheet), 0))
            self.sheet_combo.blockSignals(False)
            self.sheet_label.show()
            self.sheet_combo.show()
        self._build_mapping_editor(preview)
        self._show(preview)

    def _sheet_changed(self) -> None:
        sheet = self.sheet_combo.currentData()
        if sheet and self._table is not None and sheet != self._table.sheet:
            self._clear_mapping_editor()
            self._start_reading(sheet)

    def _options_changed(self) -> None:
        if self._job is not None and self._table is None and not self.invoices:
            return  # still reading the file: the options apply when it is read
        if self.invoices or self._table is None:
            self._clear_mapping_editor()
            self._start_reading(self.sheet_combo.currentData())
            return
        mapping, table, options = self.mapping(), self._table, self.import_options()
        self._run(lambda progress: preview_table(table, mapping or None, progress=progress, options=options),
                  self._show)

    def _clear_mapping_editor(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self._combos.clear()

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
        options = self.import_options()
        self._run(lambda progress: preview_table(table, mapping, progress=progress, options=options), self._show)

    # ---- showing the preview
    def _show(self, preview: Preview | None) -> None:
        self._preview = preview
        if preview is not None:
            self._failure = None
        self.preview_model.set_preview(preview)
        self.problems_model.set_preview(preview)
        good = len(preview.chosen_lines) if preview else 0
        t = self._texts
        self.import_button.setText(t.translate("ImportDialog", "Import %n good rows", "", good))
        self.import_button.setEnabled(good > 0)
        if preview is None:
            self.notes.setPlainText("")
            return
        # counts as plain names: lupdate skips a translate() whose count is a call or an attribute
        bad, now = len(preview.bad_rows), self.current_lines
        header = t.translate("ImportDialog", "{file}: header on row {row}.").format(file=self.path.name,
                                                                                   row=preview.header.rows_text)
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
        skipped = [t.translate("ImportDialog", "Rows left out, each with its reason:")] + [
            t.translate("ImportDialog", "row {row}: {reason}").format(row=row, reason=reason)
            for row, reason in preview.skipped(self.lang)]
        self.notes.setPlainText("\n".join([*(note.text(self.lang) for note in preview.notes),
                                           *(skipped if len(skipped) > 1 else [])]))

    # ---- results
    def preview(self) -> Preview | None:
        return self._preview

    def lines(self) -> list[EquipmentLine]:
        """The good lines, once the user chose to import them; otherwise none."""
        if self.result() != QDialog.DialogCode.Accepted or self._preview is None:
            return []
        return self._preview.chosen_lines

    def invoice_files(self) -> dict[str, Path]:
        """The invoice files the accepted lines refer to (SHA-256 -> file), for the program's file store."""
        if self.result() != QDialog.DialogCode.Accepted or self._preview is None:
            return {}
        return dict(self._preview.files)

    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.cancel()
        self._closed = True
        super().done(result)
