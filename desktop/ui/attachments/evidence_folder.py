"""A folder of scans attached to the equipment lines: the files matched to lines by the numbers in their
names (services/evidence_matching), shown for the user to confirm (file, line, kind, a tick; the files
no number places, or a number places on several lines, with a line chooser), then copied into the
program's file store in a worker and added to their lines as one undo step. Texts are data (zh/en)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import choices
from desktop.domain.changes import ReplaceLine
from desktop.domain.lang import choose
from desktop.domain.model import Draft, EquipmentLine
from desktop.progress import Progress
from desktop.services.evidence_matching import Proposal, expand, propose
from desktop.services.evidence_places import FileStore, StoreError, check_places, lines_adding
from desktop.ui.common import workers
from desktop.ui.equipment.delegates import ChoiceDelegate
from desktop.ui.equipment.equipment_actions import apply_all
from desktop.ui.wizard.step_text import plain

if TYPE_CHECKING:
    from desktop.ui.attachments.attachments_page import AttachmentsPage

Placed = list[tuple[Path, int, str]]

TEXTS: dict[str, tuple[str, str]] = {
    "add_folder": ("添加文件夹…", "Add folder…"),
    "add_folder_tip": ("按文件名中的发票号、合同号把一个文件夹的扫描件对应到设备行",
                       "Match a folder of scans to the lines by the invoice or contract number in their names"),
    "title": ("确认文件对应的设备行", "Confirm the lines of the files"),
    "summary": ("{n} 个文件：{matched} 个已按编号对应到设备行，{ambiguous} 个对应多行，{unmatched} 个未对应。"
                "勾选要添加的文件；对应多行或未对应的，请在“设备行”一栏选择。",
                "{n} files: {matched} matched to a line by a number in the name, {ambiguous} matching several "
                "lines, {unmatched} not matched. Tick the files to add; for the others choose a line in the "
                "Line column."),
    "file": ("文件", "File"),
    "line": ("设备行", "Line"),
    "kind": ("类别", "Kind"),
    "found": ("依据", "Found"),
    "none": ("（不添加）", "(not added)"),
    "line_label": ("第 {n} 行 {name}", "Line {n} {name}"),
    "matched": ("编号 {number}", "number {number}"),
    "ambiguous": ("编号 {number} 在第 {lines} 行：请选择", "number {number} is on lines {lines}: choose one"),
    "unmatched": ("文件名中没有设备行的编号", "no line's number in the name"),
    "this_line": ("文件名中没有编号：放入本行", "no number in the name: put on this line"),
    "copying": ("正在复制文件到文件库…", "Copying the files into the file store…"),
    "cancel": ("取消", "Cancel"),
    "undo": ("从文件夹添加证明材料", "Add evidence from a folder"),
    "added": ("已把 {n} 个文件添加到 {lines} 个设备行。", "{n} files added to {lines} line(s)."),
    "nothing": ("没有可添加的文件。", "No file to add."),
    "no_store": ("本窗口未连接文件库，不能添加文件", "No file store here: files cannot be added"),
    "cancelled": ("已取消，未添加任何文件。", "Cancelled; no file was added."),
    "failed": ("未添加任何文件：{error}", "No file was added: {error}"),
}

COLUMNS = ("file", "line", "kind", "found")


def text(key: str, lang: str, **params: object) -> str:
    zh, en = TEXTS[key]
    return choose(lang, zh, en).format(**params)


def line_label(draft: Draft, index: int, lang: str) -> str:
    name = (draft.equipment[index].name or "").strip()
    return text("line_label", lang, n=index + 1, name=name[:30]).strip()


class ProposalsModel(QAbstractTableModel):
    """The proposals as rows: a tick (on for the files placed on one line), the line, the kind, why."""

    def __init__(self, draft: Draft, proposals: list[Proposal], lang: str, default_line: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft, self.lang = draft, lang
        self.proposals = proposals
        self.lines: list[int | None] = []
        self.kinds: list[str] = [p.kind for p in proposals]
        self.ticked: list[bool] = []
        self.notes: list[str] = []
        for p in proposals:
            line = p.line
            if p.line is not None:
                note = text("matched", lang, number=p.number)
            elif p.ambiguous:
                note = text("ambiguous", lang, number=p.number, lines=", ".join(str(i + 1) for i in p.candidates))
            elif default_line is not None:
                line, note = default_line, text("this_line", lang)
            else:
                note = text("unmatched", lang)
            self.lines.append(line)
            self.ticked.append(line is not None)
            self.notes.append(note)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.proposals)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> int | str | None:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return text(COLUMNS[section], self.lang)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        column = COLUMNS[index.column()]
        if column == "file":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable if column in ("line", "kind") else base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r, column = index.row(), COLUMNS[index.column()]
        if column == "file":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self.ticked[r] else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return self.proposals[r].path.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(self.proposals[r].path)
            return None
        if role == Qt.ItemDataRole.EditRole:
            return self.lines[r] if column == "line" else self.kinds[r] if column == "kind" else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == "line":
            line = self.lines[r]
            return text("none", self.lang) if line is None else line_label(self.draft, line, self.lang)
        if column == "kind":
            return choices.label(choices.LINE_FILE_KINDS, self.kinds[r], self.lang)
        return self.notes[r]

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if not index.isValid():
            return False
        r, column = index.row(), COLUMNS[index.column()]
        if column == "file" and role == Qt.ItemDataRole.CheckStateRole:
            on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.ticked[r] = bool(on) and self.lines[r] is not None
        elif column == "line" and role == Qt.ItemDataRole.EditRole:
            if value is not None and not (isinstance(value, int) and 0 <= value < len(self.draft.equipment)):
                return False
            self.lines[r] = value
            self.ticked[r] = value is not None
        elif column == "kind" and role == Qt.ItemDataRole.EditRole:
            if value not in choices.LINE_FILE_KINDS:
                return False
            self.kinds[r] = value
        else:
            return False
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
        return True

    def chosen(self) -> Placed:
        """(path, line, kind) of every ticked file placed on a line, in the order shown."""
        return [(p.path, line, kind) for p, line, kind, on in zip(self.proposals, self.lines, self.kinds, self.ticked,
                                                                  strict=True) if on and line is not None]


class _LineDelegate(QStyledItemDelegate):
    def __init__(self, draft: Draft, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.draft, self.lang = draft, lang

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                     ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(text("none", self.lang), None)
        for i in range(len(self.draft.equipment)):
            combo.addItem(line_label(self.draft, i, self.lang), i)
        combo.setAccessibleName(text("line", self.lang))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        combo = cast(QComboBox, editor)  # the editor createEditor made
        combo.setCurrentIndex(max(combo.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
                     ) -> None:
        model.setData(index, cast(QComboBox, editor).currentData(), Qt.ItemDataRole.EditRole)


class FolderMatchDialog(QDialog):
    def __init__(self, draft: Draft, proposals: list[Proposal], lang: str = "zh", default_line: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(text("title", lang))
        self.model = ProposalsModel(draft, proposals, lang, default_line, self)
        matched = sum(1 for p in proposals if p.line is not None)
        ambiguous = sum(1 for p in proposals if p.ambiguous)
        self.summary = QLabel(text("summary", lang, n=len(proposals), matched=matched, ambiguous=ambiguous,
                                   unmatched=len(proposals) - matched - ambiguous), self)
        plain(self.summary)
        self.summary.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setObjectName("folderMatchTable")
        self.view.setModel(self.model)
        self.view.setAccessibleName(text("title", lang))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        for column, width in zip(range(3), (300, 220, 130), strict=True):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.setItemDelegateForColumn(1, _LineDelegate(draft, lang, self.view))
        kinds = ChoiceDelegate(choices.LINE_FILE_KINDS, self.view)
        kinds.lang = lang
        self.view.setItemDelegateForColumn(2, kinds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def chosen(self) -> Placed:
        return self.model.chosen()


def store_near(widget: QWidget) -> FileStore | None:
    """The file store of the database the widget's window works on (`file_store` set on it wins)."""
    given = getattr(widget, "file_store", None)
    if given is not None:
        return cast(FileStore, given)
    controller = getattr(widget.window(), "controller", None)
    db = getattr(getattr(controller, "store", None), "db", None)
    if db is None:
        return None
    from desktop.services.evidence_files import store_of

    return store_of(db)


def ask_folder(parent: QWidget, lang: str) -> list[Path]:
    folder = QFileDialog.getExistingDirectory(parent, text("add_folder", lang))
    return [Path(folder)] if folder else []


def confirmed(parent: QWidget, draft: Draft, paths: list[Path], lang: str,
              exec_dialog: Callable[[QDialog], bool], default_line: int | None = None) -> Placed:
    """The files of the dropped or chosen folders (and files) where the user confirmed them; [] when
    cancelled or when nothing is ticked. StoreError for a folder past the number of files allowed."""
    files = expand(paths)
    if not files:
        return []
    dialog = FolderMatchDialog(draft, propose(draft, files), lang, default_line, parent)
    return dialog.chosen() if exec_dialog(dialog) else []


def copy_in_worker(owner: QWidget, store: FileStore, draft: Draft, placed: Placed, lang: str,
                   done: Callable[[dict[int, EquipmentLine]], None],
                   said: Callable[[str], None]) -> workers.Job | None:
    """Copy the placed files into the store in one batch behind a progress dialog, then hand `done` the
    lines with their new files (built from the draft as it is then). Nothing is added on failure or
    Cancel (`said` tells the user)."""
    try:
        check_places(draft, placed)
    except StoreError as exc:
        said(text("failed", lang, error=exc.text(lang)))
        return None
    total = len(placed)

    def work(progress: Progress) -> list[tuple[str, int]]:
        return store.add_files([path for path, _, _ in placed], progress=lambda n: progress.report(n, total))

    def finished(stored: list[tuple[str, int]]) -> None:
        try:
            check_places(draft, placed)  # the lines may have changed meanwhile (undo from a menu)
        except StoreError as exc:
            said(text("failed", lang, error=exc.text(lang)))
            return
        done(lines_adding(draft, placed, stored))

    def failed(exc: BaseException) -> None:
        said(text("failed", lang, error=exc.text(lang) if isinstance(exc, StoreError) else exc))

    job, _ = workers.run_with_progress(
        owner, text("copying", lang), text("cancel", lang), work, done=finished, failed=failed,
        cancelled=lambda: said(text("cancelled", lang)))
    return job


def attach_to_lines(page: AttachmentsPage, paths: list[Path]) -> workers.Job | None:
    """The attachments step's folder drop or "Add folder…": confirm, copy, add as one undo step. The
    page gives `session`, `lang`, `exec_dialog(dialog) -> bool` and `say(text)`; the job (None when
    nothing is to be done)."""
    lang, session = page.lang, page.session
    store = store_near(page)
    if store is None:
        page.say(text("no_store", lang))
        return None
    try:
        placed = confirmed(page, session.draft, paths, lang, page.exec_dialog)
    except StoreError as exc:
        page.say(text("failed", lang, error=exc.text(lang)))
        return None
    if not placed:
        page.say(text("nothing", lang))
        return None

    def done(lines: dict[int, EquipmentLine]) -> None:
        apply_all(session, [ReplaceLine(i, line) for i, line in sorted(lines.items())], text("undo", lang))
        page.say(text("added", lang, n=len(placed), lines=len(lines)))

    return copy_in_worker(page, store, session.draft, placed, lang, done, page.say)
