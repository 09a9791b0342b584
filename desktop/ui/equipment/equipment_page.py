"""Step 4, the equipment list: a table over the draft's lines, the commands on them, the totals."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import InsertLines
from desktop.domain.fieldpath import EQUIPMENT, list_place
from desktop.services import tsv
from desktop.ui.attachments import evidence_dialog
from desktop.ui.equipment import delegates
from desktop.ui.equipment import equipment_actions as act
from desktop.ui.equipment.equipment_columns import ColumnFitter
from desktop.ui.equipment.equipment_model import (
    AMOUNT_COL,
    FIELDS,
    EquipmentModel,
    LineFilterProxy,
    column_of,
    field_of,
)
from desktop.ui.equipment.frozen_columns import FrozenColumns
from desktop.ui.equipment.paste_mapping import confirmed_plan
from desktop.ui.equipment.totals_footer import TotalsFooter
from desktop.ui.wizard.step_protocol import StepPage
from desktop.ui.wizard.step_text import Texts, plain, texts

if TYPE_CHECKING:
    from desktop.rules.assessment import Assessment
    from desktop.ui.importing.import_dialog import ImportDialog
    from desktop.ui.wizard.session import DraftSession

IMPORTABLE = (".xlsx", ".xlsm", ".csv", ".txt", ".xml", ".ofd", ".pdf")
# (key, text, shortcut)
COMMANDS = (
    ("add", QT_TRANSLATE_NOOP("EquipmentPage", "Add line"), "Ctrl+Return"),
    ("insert", QT_TRANSLATE_NOOP("EquipmentPage", "Insert line"), "Ins"),
    ("duplicate", QT_TRANSLATE_NOOP("EquipmentPage", "Duplicate"), "Ctrl+D"),
    ("delete", QT_TRANSLATE_NOOP("EquipmentPage", "Delete lines"), "Ctrl+Del"),
    ("up", QT_TRANSLATE_NOOP("EquipmentPage", "Move up"), "Alt+Up"),
    ("down", QT_TRANSLATE_NOOP("EquipmentPage", "Move down"), "Alt+Down"),
    ("copy", QT_TRANSLATE_NOOP("EquipmentPage", "Copy"), QKeySequence.StandardKey.Copy),
    ("paste", QT_TRANSLATE_NOOP("EquipmentPage", "Paste"), QKeySequence.StandardKey.Paste),
    ("paste_new", QT_TRANSLATE_NOOP("EquipmentPage", "Paste as new lines"), "Ctrl+Shift+V"),
    ("clear", QT_TRANSLATE_NOOP("EquipmentPage", "Clear cells"), QKeySequence.StandardKey.Delete),
    ("import", QT_TRANSLATE_NOOP("EquipmentPage", "Import…"), "Ctrl+Shift+I"),
)
_WIDTHS = {"name": 170, "model": 100, "supplier": 150, "kind": 96, "use": 76, "condition": 64, "quantity": 52,
           "unit_price": 116, "currency": 56, "exchange_rate": 70, "purchase_date": 96, "invoice_number": 160}


class EquipmentPage(StepPage):
    evidence_dialog: evidence_dialog.LineEvidenceDialog | None  # the line's evidence while it is open

    def __init__(self, session: DraftSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self.choose_import_file = self._ask_import_file  # tests set the path a dialog would return
        self.exec_dialog: Callable[[QDialog], bool] = (  # and drive the dialog
            lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted)
        self.import_dialog: ImportDialog | None = None  # the import dialog while it is open
        self.model = EquipmentModel(session, self)
        self.proxy = LineFilterProxy(session, self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("equipmentTable")
        self.view.setModel(self.proxy)
        self._setup_view()
        self.combo_delegates = delegates.install(self.view)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_needle)
        self.count_label = QLabel(self)
        plain(self.count_label)
        self.problems = QLabel(self)
        plain(self.problems)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("background: #fef2f2; color: #991b1b; padding: 6px; border: 1px solid #fecaca;")
        self.problems.hide()
        self.footer = TotalsFooter(self)
        self.buttons: dict[str, QPushButton] = {}
        self.commands: dict[str, QAction] = {}
        bar = QHBoxLayout()
        doers = {"add": self.do_add, "insert": self.do_insert, "duplicate": self.do_duplicate,
                 "delete": self.do_delete, "up": self.do_up, "down": self.do_down, "copy": self.do_copy,
                 "paste": self.do_paste, "paste_new": self.do_paste_new, "clear": self.do_clear,
                 "import": self.do_import}
        for key, _, keys in COMMANDS:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(doers[key])
            self.addAction(action)
            self.commands[key] = action
            if key not in ("copy", "paste", "clear"):
                button = QPushButton(self)
                button.clicked.connect(action.trigger)
                bar.addWidget(button)
                self.buttons[key] = button
        bar.addStretch(1)
        self.evidence_button = evidence_dialog.install(self, bar)  # the line's evidence (grant-draft/2)
        second = QHBoxLayout()
        self.filter.setMinimumWidth(280)
        second.addWidget(self.filter, 2)
        second.addStretch(3)
        second.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(self.problems)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        self.setAcceptDrops(True)
        chain: list[QWidget] = [*self.buttons.values(), self.filter, self.view]  # Tab in visual order
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.footer.show_totals(session.assessment.totals)
        session.assessed.connect(self._on_assessed)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.retranslate("zh")

    def _setup_view(self) -> None:
        v = self.view
        v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        v.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        v.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
        v.setWordWrap(False)
        v.setAlternatingRowColors(True)
        v.setTabKeyNavigation(False)
        vh = v.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(26, v.fontMetrics().height() + 10))
        vh.setSectionsClickable(True)
        hh = v.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionsClickable(True)
        hh.setSortIndicatorShown(False)
        hh.sectionClicked.connect(self._sort_by)
        hh.setStretchLastSection(False)
        defaults = {0: 30, AMOUNT_COL: 130, **{column_of(field): width for field, width in _WIDTHS.items()}}
        # extra width goes to the names and suppliers; widths and order are remembered
        self.columns = ColumnFitter(v, defaults, {column_of("name"): 0.55, column_of("supplier"): 0.45})
        self.frozen = FrozenColumns(v, column_of("name") + 1)  # status and name stay in view sideways

    # ---- the step protocol
    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.model.set_lang(lang)
        for d in self.combo_delegates:
            d.lang = lang
        t = texts(lang)
        for key, title, _ in COMMANDS:
            text = t.translate("EquipmentPage", title)
            self.commands[key].setText(text)
            if key in self.buttons:
                shortcut = self.commands[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                self.buttons[key].setText(text)
                self.buttons[key].setToolTip(f"{text} ({shortcut})")
                self.buttons[key].setAccessibleName(text)
        self.filter.setPlaceholderText(t.translate("EquipmentPage", "Filter by name, model, supplier, invoice"))
        self.filter.setAccessibleName(t.translate("EquipmentPage", "Filter lines"))
        self.view.setAccessibleName(t.translate("EquipmentPage", "Equipment lines"))
        self.frozen.frozen.setAccessibleName(t.translate("EquipmentPage", "Equipment names (kept in view)"))
        self.footer.retranslate(lang)
        evidence_dialog.retranslate_button(self.evidence_button, lang)
        if self.import_dialog is not None:
            self.import_dialog.retranslate(lang)
        self._update_count()

    def focus_path(self, path: str) -> bool:
        if evidence_dialog.focus_evidence(self, path):  # equipment[3].invoices[0].date and the like
            return True
        place = list_place(path, EQUIPMENT)
        if place is None:
            return False
        row, field = place
        if row is None or row >= self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        col = column_of(field) if field in FIELDS else 1
        source = self.model.index(row, col)
        if not self.proxy.mapFromSource(source).isValid():
            self.filter.clear()
        index = self.proxy.mapFromSource(source)
        self.view.setCurrentIndex(index)
        self.frozen.reveal(index)  # the row in the middle, the cell beside the line's name
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @staticmethod
    def model_icons() -> dict[bool, QIcon]:
        from desktop.ui.common import status_icons

        return {True: status_icons.eligible(), False: status_icons.excluded()}

    def current_source(self) -> QModelIndex:
        return self.proxy.mapToSource(self.view.currentIndex())

    # ---- selection in source terms
    def selected_rows(self) -> list[int]:
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        return sorted({self.proxy.mapToSource(i).row() for i in indexes if i.isValid()})

    def select_rows(self, rows: list[int], column: int = 1) -> None:
        sm = self.view.selectionModel()
        selection = QItemSelection()
        for r in rows:
            left = self.proxy.mapFromSource(self.model.index(r, 0))
            right = self.proxy.mapFromSource(self.model.index(r, AMOUNT_COL))
            if left.isValid():
                selection.select(left, right)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            current = self.proxy.mapFromSource(self.model.index(rows[0], column))
            sm.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(current)

    @property
    def _texts(self) -> Texts:
        return texts(self.lang)

    # ---- commands
    def do_add(self) -> None:
        row = act.insert(self.session, len(self.session.draft.equipment),
                         self._texts.translate("EquipmentPage", "Add line"))
        self._edit_new(row)

    def do_insert(self) -> None:
        rows = self.selected_rows()
        at = rows[0] if rows else len(self.session.draft.equipment)
        self._edit_new(act.insert(self.session, at, self._texts.translate("EquipmentPage", "Insert line")))

    def _edit_new(self, row: int) -> None:
        self.select_rows([row])
        self.view.setFocus()

    def do_duplicate(self) -> None:
        rows = act.duplicate(self.session, self.selected_rows(), self._texts.translate("EquipmentPage",
                                                                                       "Duplicate lines"))
        self.select_rows(rows)

    def do_delete(self) -> None:
        rows = self.selected_rows()
        act.remove(self.session, rows, self._texts.translate("EquipmentPage", "Delete lines"))
        n = len(self.session.draft.equipment)
        if rows and n:
            self.select_rows([min(rows[0], n - 1)])

    def do_up(self) -> None:
        self._move(-1)

    def do_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        column = max(self.current_source().column(), 1)
        rows = act.move(self.session, self.selected_rows(), delta, self._texts.translate("EquipmentPage", "Move lines"))
        self.select_rows(rows, column)

    def do_copy(self) -> None:
        indexes = [i for i in self.view.selectionModel().selectedIndexes() if field_of(i.column())]
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        fields = [FIELDS[c - 1] for c in sorted({i.column() for i in indexes})]
        lines = [self.session.draft.equipment[self.proxy.mapToSource(self.proxy.index(r, 1)).row()] for r in rows]
        block = tsv.lines_to_rows(lines, fields, self.lang)
        QGuiApplication.clipboard().setText(tsv.join_block(block))

    def do_paste(self) -> None:
        current = self.current_source()
        if current.isValid() and field_of(current.column()):
            self.paste_text(QGuiApplication.clipboard().text(), current.row(), current.column() - 1)
        else:
            self.do_paste_new()

    def do_paste_new(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text(), len(self.session.draft.equipment), 0)

    def paste_text(self, text: str, at_row: int, first_field: int) -> None:
        plan = confirmed_plan(text, first_field, self.lang, self, self.exec_dialog)
        if plan is None:
            return
        changes, problems, appended = act.paste_changes(self.session.draft.equipment, plan, at_row, first_field)
        self.show_problems(problems)
        act.apply_all(self.session, changes, self._texts.translate("EquipmentPage", "Paste"))
        if changes:
            last = at_row + len(changes) - 1 if not appended else len(self.session.draft.equipment) - 1
            self.select_rows(list(range(at_row, last + 1)), first_field + 1)

    def show_problems(self, problems: list[tsv.CellProblem]) -> None:
        if not problems:
            self.problems.hide()
            return
        t = self._texts
        head = t.translate("EquipmentPage", "{n} cells could not be read and were left empty:").format(
            n=len(problems))
        shown = [p.message(self.lang) for p in problems[:8]]
        more = len(problems) - len(shown)
        if more:
            shown.append(t.translate("EquipmentPage", "… and {n} more").format(n=more))
        self.problems.setText("\n".join([head, *shown]))
        self.problems.show()

    def do_clear(self) -> None:
        cells: dict[int, list[str]] = {}
        for i in self.view.selectionModel().selectedIndexes():
            field = field_of(i.column())
            if field:
                cells.setdefault(self.proxy.mapToSource(i).row(), []).append(field)
        act.clear_cells(self.session, cells, self._texts.translate("EquipmentPage", "Clear cells"))

    # ---- import
    def _ask_import_file(self) -> str:
        t = self._texts
        name, _ = QFileDialog.getOpenFileName(self, t.translate("EquipmentPage", "Import equipment lines"), "",
                                              t.translate("EquipmentPage", "Ledgers and e-invoices (*.xlsx *.xlsm "
                                                                          "*.csv *.txt *.xml *.ofd *.pdf)"))
        return name

    def do_import(self) -> None:
        path = self.choose_import_file()
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            ImportDialog = importlib.import_module("desktop.ui.importing.import_dialog").ImportDialog  # noqa: N806
        except (ImportError, AttributeError):
            self.problems.setText(self._texts.translate("EquipmentPage",
                                                        "Importing ledgers is not available in this build."))
            self.problems.show()
            return False
        dialog = ImportDialog(path, self, len(self.session.draft.equipment), lang=self.lang,
                              draft=self.session.draft)
        self.import_dialog = dialog  # a language switch while it is open reaches it
        try:
            accepted = self.exec_dialog(dialog)
        finally:
            self.import_dialog = None
        if not accepted:
            return False
        lines = tuple(dialog.lines())
        if lines and not self._keep_invoice_files(dialog.invoice_files()):
            return False
        if lines:
            at = len(self.session.draft.equipment)
            self.session.apply(InsertLines(at, lines), self._texts.translate("EquipmentPage", "Import lines"))
            self.select_rows(list(range(at, at + len(lines))))
        return True

    def _keep_invoice_files(self, files: dict[str, Path]) -> bool:
        """The imported invoice files into the program's file store (their lines refer to them by SHA-256)."""
        if not files:
            return True
        from desktop.services.evidence_files import StoreError, store_beside, store_of

        controller = getattr(self.window(), "controller", None)
        db = getattr(getattr(controller, "store", None), "db", None)
        store = store_beside(None) if db is None else store_of(db)  # a team database's: shared through it
        try:
            for path in files.values():
                store.add_file(path)
        except StoreError as exc:
            self.problems.setText(exc.text(self.lang))
            self.problems.show()
            return False
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(IMPORTABLE):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            self.import_file(Path(urls[0].toLocalFile()))

    # ---- following the session
    def _sort_by(self, column: int) -> None:
        hh = self.view.horizontalHeader()
        if column == 0:
            self.proxy.sort(-1)
            hh.setSortIndicatorShown(False)
            return
        same = self.proxy.sortColumn() == column and self.proxy.sortOrder() == Qt.SortOrder.AscendingOrder
        order = Qt.SortOrder.DescendingOrder if same else Qt.SortOrder.AscendingOrder
        self.proxy.sort(column, order)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(column, order)

    def _on_assessed(self, assessment: Assessment) -> None:
        self.footer.show_totals(assessment.totals)

    def _update_count(self, *args: object) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self._texts.translate("EquipmentPage", "{n} lines").format(n=n))
