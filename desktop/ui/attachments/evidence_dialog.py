"""A line's evidence (grant-draft/2), edited in its own dialog opened from the equipment step.

Contract, invoices, payments, acceptance, asset number, location, import and customs papers, and the
line's files (copied into the program's file store when added). OK checks every value with the draft
reader's own rules and applies the whole line as one undoable step; a value it cannot read is named
(which table, which row, which column) and nothing changes. Texts are data (Chinese and English pairs).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import choices
from desktop.domain.changes import ReplaceLine
from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import line_evidence_data, read_field
from desktop.domain.fieldpath import ANY, FieldPath, line_text, path_text
from desktop.domain.fields import CATALOGUE, EVIDENCE_FIELDS
from desktop.domain.labels import field_label
from desktop.domain.lang import choose
from desktop.domain.model import Contract, EquipmentLine, LineFile
from desktop.services.evidence_places import FileStore, StoreError
from desktop.ui.attachments import evidence_folder
from desktop.ui.common import workers
from desktop.ui.equipment.delegates import ChoiceDelegate
from desktop.ui.equipment.equipment_actions import apply_all
from desktop.ui.wizard.step_text import plain

if TYPE_CHECKING:
    from desktop.ui.equipment.equipment_page import EquipmentPage
    from desktop.ui.wizard.session import DraftSession

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("第 {n} 行的证明材料：{name}", "Evidence of line {n}: {name}"),
    "button": ("证明材料…", "Evidence…"),
    "button_tip": ("所选设备行的合同、发票、付款、验收和照片",
                   "Contract, invoices, payments, acceptance and photos of the line"),
    "date_hint": ("（YYYY-MM-DD）", " (YYYY-MM-DD)"),
    "add_row": ("添加一行", "Add row"),
    "remove_row": ("删除所选行", "Remove selected row"),
    "add_file": ("添加文件…", "Add file…"),
    "no_store": ("本窗口未连接文件库，不能添加文件", "No file store here: files cannot be added"),
    "bad": ("{where}：{problem}", "{where}: {problem}"),
}


# TEXTS holds the dialog's own words; its fields are headed with the field catalogue's labels. The editors'
# names that are not the line's field names:
_FIELD_OF = {"contract_number": "contract.number", "contract_date": "contract.date"}


def text(key: str, lang: str, **params: object) -> str:
    zh, en = TEXTS[key]
    return choose(lang, zh, en).format(**params)


def field_text(field: str, lang: str) -> str:
    """The catalogue's label of a field of the line's evidence (`contract_number`, `invoices`, `invoices[].date`)
    as the dialog heads it; a date says how it is written."""
    entry = CATALOGUE[line_text(ANY, _FIELD_OF.get(field, field))]
    label = entry.heading.one(lang)
    return label + text("date_hint", lang) if entry.kind == "date" else label


class _ListModel(QStandardItemModel):
    """Rows of text cells; the columns of a closed value set show their label and edit their key."""

    def __init__(self, key: str, columns: tuple[str, ...], choice_columns: dict[int, choices.Labels], lang: str,
                 parent: QWidget) -> None:
        super().__init__(0, len(columns), parent)
        self.fields, self.choice_columns, self.lang = columns, choice_columns, lang
        self.setHorizontalHeaderLabels([field_text(f"{key}[].{c}", lang) for c in columns])

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        table = self.choice_columns.get(index.column())
        if role == Qt.ItemDataRole.DisplayRole and table is not None and value:
            return choices.label(table, value, self.lang)
        return value

    def add(self, values: list[Any]) -> None:
        row = []
        for value in values:
            item = QStandardItem("" if value is None else str(value))
            row.append(item)
        self.appendRow(row)

    def rows(self) -> list[dict[str, str | None]]:
        out = []
        for r in range(self.rowCount()):
            cells: dict[str, str | None] = {}
            for c, name in enumerate(self.fields):
                raw = self.data(self.index(r, c), Qt.ItemDataRole.EditRole)
                cells[name] = raw.strip() if isinstance(raw, str) and raw.strip() else None
            out.append(cells)
        return out


class LineEvidenceDialog(QDialog):
    def __init__(self, session: DraftSession, row: int, lang: str = "zh", store: FileStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.row, self.lang, self.store = session, row, lang, store
        self.choose_files = self._ask_files  # tests set the paths a file dialog would return
        self.choose_folder: Callable[[], list[Path]] = lambda: evidence_folder.ask_folder(self, lang)  # and the folder
        self.exec_dialog = lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted  # tests drive it
        self.job: workers.Job | None = None
        self.other_lines: dict[int, EquipmentLine] = {}  # other lines given files of a folder (applied on OK)
        line: EquipmentLine = session.draft.equipment[row]
        self.line = line
        self.setWindowTitle(text("title", lang, n=row + 1, name=line.name or ""))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        values = {
            "contract_number": line.contract.number, "contract_date": line.contract.date,
            "acceptance_date": line.acceptance_date, "asset_tag": line.asset_tag, "location": line.location,
            "customs_declaration": line.customs_declaration,
        }
        for key, value in values.items():
            edit = QLineEdit(self)
            edit.setObjectName(key)
            edit.setText("" if value is None else str(value))
            edit.setAccessibleName(field_text(key, lang))
            form.addRow(field_text(key, lang), edit)
            self.edits[key] = edit
        self.imported = QCheckBox(field_text("imported", lang), self)
        self.imported.setTristate(False)
        self.imported.setChecked(bool(line.imported))
        form.addRow("", self.imported)
        self.invoices = self._table("invoices", ("number", "date", "amount"), {},
                                    line_evidence_data(line, "invoices"))
        self.payments = self._table("payments", ("date", "amount", "method"), {2: choices.PAYMENT_METHODS},
                                    line_evidence_data(line, "payments"))
        self.files = self._table("files", ("kind", "name", "size", "sha256"), {0: choices.LINE_FILE_KINDS},
                                 line_evidence_data(line, "files"), can_add=False)
        self.files_view.hideColumn(3)
        self.file_kind = QComboBox(self)
        for key in choices.LINE_FILE_KINDS:
            self.file_kind.addItem(choices.label(choices.LINE_FILE_KINDS, key, lang), key)
        self.file_kind.setCurrentIndex(self.file_kind.findData("nameplate_photo"))
        self.add_file = QPushButton(text("add_file", lang), self)
        self.add_file.clicked.connect(self.do_add_files)
        self.add_folder = QPushButton(evidence_folder.text("add_folder", lang), self)
        self.add_folder.setObjectName("addFolderButton")
        self.add_folder.setToolTip(evidence_folder.text("add_folder_tip", lang))
        self.add_folder.clicked.connect(self.do_add_folder)
        for button in (self.add_file, self.add_folder):
            button.setEnabled(store is not None)
            if store is None:
                button.setToolTip(text("no_store", lang))
        self.files_bar.insertWidget(0, self.file_kind)
        self.files_bar.insertWidget(1, self.add_file)
        self.files_bar.insertWidget(2, self.add_folder)
        self.setAcceptDrops(store is not None)
        self.problem = QLabel(self)
        plain(self.problem)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #991b1b;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for block in self.blocks:
            layout.addWidget(block)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 640)

    blocks: list[QWidget]
    files_view: QTableView
    files_bar: QHBoxLayout

    def _table(self, key: str, columns: tuple[str, ...], choice_columns: dict[int, choices.Labels],
               rows: list[dict[str, Any]], can_add: bool = True) -> _ListModel:
        if not hasattr(self, "blocks"):
            self.blocks = []
        box = QWidget(self)
        title = QLabel(field_text(key, self.lang), box)
        plain(title)
        model = _ListModel(key, columns, choice_columns, self.lang, box)
        for item in rows:
            model.add([item.get(c) for c in columns])
        view = QTableView(box)
        view.setObjectName(f"{key}Table")
        view.setModel(model)
        view.setAccessibleName(field_text(key, self.lang))
        view.horizontalHeader().setStretchLastSection(True)
        view.setMinimumHeight(110)
        for column, table in choice_columns.items():
            delegate = ChoiceDelegate(table, view)
            delegate.lang = self.lang
            view.setItemDelegateForColumn(column, delegate)
        bar = QHBoxLayout()
        if can_add:
            add = QPushButton(text("add_row", self.lang), box)
            add.clicked.connect(lambda: model.add([None] * len(columns)))
            bar.addWidget(add)
        remove = QPushButton(text("remove_row", self.lang), box)
        remove.clicked.connect(lambda: self._remove_current(view, model))
        bar.addWidget(remove)
        bar.addStretch(1)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(title)
        inner.addWidget(view)
        inner.addLayout(bar)
        self.blocks.append(box)
        setattr(self, f"{key}_view", view)
        setattr(self, f"{key}_bar", bar)
        return model

    @staticmethod
    def _remove_current(view: QTableView, model: _ListModel) -> None:
        index = view.currentIndex()
        if index.isValid():
            model.removeRow(index.row())

    def _ask_files(self) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self, text("add_file", self.lang))
        return list(paths)

    def do_add_files(self) -> None:
        if self.store is None:
            return
        kind = self.file_kind.currentData()
        for name in self.choose_files():
            try:
                digest, size = self.store.add_file(Path(name))
            except StoreError as exc:
                self._show(exc.text(self.lang))
                return
            self.files.add([kind, Path(name).name, size, digest])
        self.problem.hide()

    def do_add_folder(self) -> None:
        paths = self.choose_folder()
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> workers.Job | None:
        """Files of folders (or files) dropped or chosen: matched to lines by the numbers in their names
        (those without a number go to this line), confirmed, copied in a worker; this line's shown among its
        files, the other lines' kept for OK (one undo step with this line). The job, or None."""
        if self.store is None:
            return None
        draft = self.session.draft
        try:
            placed = evidence_folder.confirmed(self, draft, paths, self.lang, self.exec_dialog, self.row)
        except StoreError as exc:
            self._show(exc.text(self.lang))
            return None
        if not placed:
            return None

        def done(lines: dict[int, EquipmentLine]) -> None:
            for i, line in lines.items():
                new = line.files[len(draft.equipment[i].files):]
                if i == self.row:
                    for f in new:
                        self.files.add([f.kind, f.name, f.size, f.sha256])
                else:
                    target = self.other_lines.setdefault(i, dataclasses.replace(draft.equipment[i]))
                    target.files = [*target.files, *new]
            self.problem.hide()

        self.job = evidence_folder.copy_in_worker(self, self.store, draft, placed, self.lang, done, self._show)
        return self.job

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.store is not None and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.store is not None:
            event.acceptProposedAction()
            self.add_paths(paths)

    def _show(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def evidence_line(self) -> EquipmentLine:
        """The line with the evidence as entered; DraftFormatError names the first value not readable."""
        def date_of(key: str) -> Any:
            raw = self.edits[key].text().strip()
            return read_field(Contract, "date", raw or None, key)

        def listed(name: str, model: _ListModel) -> Any:
            rows = model.rows()
            if name == "files":
                for r in rows:
                    r["size"] = int(r["size"]) if r["size"] and r["size"].isdigit() else None  # type: ignore[assignment]
            rows = [r for r in rows if any(v is not None for v in r.values())]
            return read_field(EquipmentLine, name, rows, name)

        def text_of(key: str) -> str | None:
            return self.edits[key].text().strip() or None

        contract = Contract(text_of("contract_number"), date_of("contract_date"))
        files: list[LineFile] = listed("files", self.files)
        return dataclasses.replace(
            self.line, contract=contract, invoices=listed("invoices", self.invoices),
            payments=listed("payments", self.payments), acceptance_date=date_of("acceptance_date"),
            asset_tag=text_of("asset_tag"), location=text_of("location"),
            imported=True if self.imported.isChecked() else (None if self.line.imported is None else False),
            customs_declaration=text_of("customs_declaration"), files=files,
        )

    def _where(self, path: str) -> str:
        """The value a reading error is about, in words (开票日期（发票第 1 行）); the path if it has none."""
        field = _FIELD_OF.get(path, path)
        if FieldPath.parse_or_none(field) is None:
            return path
        line_path = path_text(line_text(self.row), field)
        named = field_label(line_path, self.lang)
        return path if named == line_path else named[:1].upper() + named[1:]  # it begins the message

    def accept(self) -> None:
        try:
            new = self.evidence_line()
        except DraftFormatError as exc:
            self._show(text("bad", self.lang, where=self._where(exc.path), problem=exc.message))
            return
        changes = [ReplaceLine(self.row, new)] if new != self.line else []
        changes += [ReplaceLine(i, line) for i, line in sorted(self.other_lines.items())]
        apply_all(self.session, changes, text("title", self.lang, n=self.row + 1, name=""))
        super().accept()


def open_for_page(page: EquipmentPage, row: int | None = None) -> LineEvidenceDialog | None:
    """The dialog for the current line of the equipment step (or `row`), with the program's file store."""
    if row is None:
        rows = page.selected_rows()
        row = rows[0] if rows else None
    if row is None or not 0 <= row < len(page.session.draft.equipment):
        return None
    store = None
    controller = getattr(page.window(), "controller", None)
    db = getattr(getattr(controller, "store", None), "db", None)
    if db is not None:
        from desktop.services.evidence_files import store_of

        store = store_of(db)
    dialog = LineEvidenceDialog(page.session, row, page.lang, store, page)
    page.evidence_dialog = dialog
    page.exec_dialog(dialog)
    page.evidence_dialog = None
    return dialog


def focus_evidence(page: EquipmentPage, path: str) -> bool:
    """A finding about a line's evidence: select the line and put the focus on the evidence button (Enter
    or Space opens the dialog); False for any other path."""
    parsed = FieldPath.parse_or_none(path)
    row = None if parsed is None else parsed.line
    if parsed is None or row is None or len(parsed.steps) < 2 or parsed.steps[1].name not in EVIDENCE_FIELDS:
        return False
    if row < page.model.rowCount():
        page.select_rows([row])
    page.evidence_button.setFocus()
    return True


def install(page: EquipmentPage, bar: QHBoxLayout) -> QPushButton:
    """The equipment step's button for the current line's evidence, among its command buttons (so it
    takes its place in the Tab order); `retranslate_button` names it in the page's language."""
    button = QPushButton(page)
    button.setObjectName("evidenceButton")
    button.clicked.connect(lambda: open_for_page(page))
    page.evidence_dialog = None
    bar.insertWidget(max(0, bar.count() - 1), button)
    page.buttons["evidence"] = button
    retranslate_button(button, "zh")
    return button


def retranslate_button(button: QPushButton, lang: str) -> None:
    label = text("button", lang)
    button.setText(label)
    button.setAccessibleName(label)
    button.setToolTip(TEXTS["button_tip"][choose(lang, 0, 1)])
