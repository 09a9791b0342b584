"""Step 5, attachments: files added by dialog or drag and drop, their kind, the lines they document;
size and SHA-256 computed in a worker; files changed or gone since they were added are flagged. Above
them, what is still missing: the applicant's required documents and each line's proof, with counts; a
folder of scans (dropped, or "Add folder…") goes to the equipment lines (ui/evidence_folder.py)."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QRegularExpressionValidator, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import choices
from desktop.domain.changes import SetAttachments
from desktop.domain.fieldpath import ATTACHMENTS, list_place
from desktop.domain.model import Attachment
from desktop.progress import Progress
from desktop.ui.attachments import documents_checklist, evidence_checklist, evidence_folder
from desktop.ui.attachments.attachments_model import (
    COLUMNS,
    AttachmentKey,
    AttachmentsModel,
    file_facts,
    guess_kind,
    key_of,
    state_of,
)
from desktop.ui.common import workers
from desktop.ui.equipment.delegates import ChoiceDelegate
from desktop.ui.wizard.step_protocol import StepPage
from desktop.ui.wizard.step_text import Texts, plain, texts

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession

_WIDTHS = {"state": 150, "kind": 170, "name": 240, "lines": 130, "size": 80, "sha256": 150, "path": 300}


class _LinesDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                     ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9,，;；\-–~ ]*"), editor))
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        cast(QLineEdit, editor).setText(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
                     ) -> None:
        model.setData(index, cast(QLineEdit, editor).text(), Qt.ItemDataRole.EditRole)


class AttachmentsPage(StepPage):
    def __init__(self, session: DraftSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self.choose_files = self._ask_files  # tests set the paths a dialog would return
        self.choose_folder: Callable[[], list[Path]] = lambda: evidence_folder.ask_folder(self, self.lang)  # and folder
        self.exec_dialog: Callable[[QDialog], bool] = (  # tests drive the dialog
            lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted)
        self.job: workers.Job | None = None
        self.model = AttachmentsModel(session, self)
        self.view = QTableView(self)
        self.view.setObjectName("attachmentsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(max(26, self.view.fontMetrics().height() + 10))
        for name, width in _WIDTHS.items():
            self.view.horizontalHeader().resizeSection(COLUMNS.index(name), width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.kind_delegate = ChoiceDelegate(choices.ATTACHMENT_KINDS, self.view)
        self.view.setItemDelegateForColumn(COLUMNS.index("kind"), self.kind_delegate)
        self.view.setItemDelegateForColumn(COLUMNS.index("lines"), _LinesDelegate(self.view))
        self.add_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("addFolderButton")
        self.folder_button.clicked.connect(self.do_add_folder)
        self.remove_button = QPushButton(self)
        self.verify_button = QPushButton(self)
        self.add_button.clicked.connect(self.do_add)
        self.remove_button.clicked.connect(self.do_remove)
        self.verify_button.clicked.connect(self.verify)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.do_add,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Del"), self, self.do_remove,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.hint, self.status = QLabel(self), QLabel(self)
        for label in (self.hint, self.status):
            plain(label)
            label.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        for b in (self.add_button, self.folder_button, self.remove_button, self.verify_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        self.checklist = documents_checklist.install(self, layout, layout.count())  # required documents
        self.line_checklist = evidence_checklist.install(self, layout, layout.count())  # the lines' proof
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setAcceptDrops(True)
        chain: list[QWidget] = [self.add_button, self.folder_button, self.remove_button, self.verify_button,
                                self.line_checklist.view, self.view]  # visual order
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._verified_once = False
        self._said: tuple[object, dict[str, object]] | None = None  # the status line, said again in a new language
        self.retranslate("zh")

    @property
    def _texts(self) -> Texts:
        return texts(self.lang)

    # ---- the step protocol
    def retranslate(self, lang: str) -> None:
        self.lang = lang
        if self._said:
            self._say(self._said[0], **self._said[1])
        self.model.set_lang(lang)
        self.kind_delegate.lang = lang
        t = self._texts
        for button, text in ((self.add_button, t.translate("AttachmentsPage", "Add files…")),
                             (self.remove_button, t.translate("AttachmentsPage", "Remove")),
                             (self.verify_button, t.translate("AttachmentsPage", "Check files again"))):
            button.setText(text)
            button.setAccessibleName(text)
        self.folder_button.setText(evidence_folder.text("add_folder", lang))
        self.folder_button.setAccessibleName(self.folder_button.text())
        self.folder_button.setToolTip(evidence_folder.text("add_folder_tip", lang))
        kinds = t.translate("AttachmentsPage", ", ", "between the kinds of attachment").join(
            choices.label(choices.ATTACHMENT_KINDS, kind, lang) for kind in choices.ATTACHMENT_KINDS)
        self.hint.setText(t.translate(
            "AttachmentsPage", "Drop files here or use Add files…. Kinds: {kinds}. "
            "Link a file to equipment lines by their numbers, e.g. 1, 3-5.").format(kinds=kinds))
        self.view.setAccessibleName(t.translate("AttachmentsPage", "Attachments"))
        self.checklist.retranslate(lang)
        self.line_checklist.retranslate(lang)

    def focus_path(self, path: str) -> bool:
        place = list_place(path, ATTACHMENTS)
        if place is None:
            return False
        row = place[0] or 0
        column = COLUMNS.index(place[1]) if place[1] in COLUMNS else COLUMNS.index("kind")
        if row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, column))
            self.view.scrollTo(self.view.currentIndex())
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._verified_once:
            self._verified_once = True
            self.verify()

    # ---- adding and removing
    def _ask_files(self) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(self, self._texts.translate("AttachmentsPage", "Add attachments"))
        return names

    def do_add(self) -> None:
        paths = self.choose_files()
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> workers.Job | None:
        """Hash the files in a worker, then add them as one undoable change; the job."""
        files = [str(p.resolve()) for p in paths if p.is_file()]
        if not files:
            return None
        total = sum(os.path.getsize(f) for f in files)

        def work(progress: Progress) -> list[Attachment]:
            def reporter(base: int, name: str) -> Callable[[int, int], None]:
                return lambda done, _total: progress.report(base + done, total, name)

            out: list[Attachment] = []
            base = 0
            for f in files:
                size, digest = file_facts(f, reporter(base, f))
                base += size
                out.append(Attachment(kind=guess_kind(os.path.basename(f)), name=os.path.basename(f),
                                      sha256=digest, size=size, path=f))
            return out

        def done(new: list[Attachment]) -> None:
            items = [copy.deepcopy(a) for a in self.session.draft.attachments] + new
            self.model.set_states({key_of(a): "ok" for a in new})
            t = self._texts
            self.session.apply(SetAttachments(tuple(items)), t.translate("AttachmentsPage", "Add attachments"))
            self.view.setCurrentIndex(self.model.index(len(items) - len(new), COLUMNS.index("kind")))
            self._say(QT_TRANSLATE_NOOP("AttachmentsPage", "{n} files added."), n=len(new))

        t = self._texts
        self.job, _ = workers.run_with_progress(
            self, t.translate("AttachmentsPage", "Computing SHA-256…"), t.translate("AttachmentsPage", "Cancel"), work,
            done=done, failed=self._failed,
            cancelled=lambda: self._say(QT_TRANSLATE_NOOP("AttachmentsPage", "Cancelled.")),
            cancel_types=(InterruptedError,))
        return self.job

    def do_add_folder(self) -> None:
        paths = self.choose_folder()
        if paths:
            self.add_folder(paths)

    def add_folder(self, paths: list[Path]) -> workers.Job | None:
        """Files of folders for the equipment lines, matched by the numbers in their names and confirmed
        by the user, added as one undoable change; the job (None when nothing is added)."""
        job = evidence_folder.attach_to_lines(self, paths)
        if job is not None:
            self.job = job
        return job

    def say(self, message: str) -> None:
        """A status line already in the page's language."""
        self._said = None
        self.status.setText(message)

    def _say(self, source: object, **values: object) -> None:
        """The status line, said again in the new language when the language changes."""
        self._said = (source, values)
        self.status.setText(self._texts.translate("AttachmentsPage", str(source)).format(**values))

    def _failed(self, exc: BaseException) -> None:
        self._say(QT_TRANSLATE_NOOP("AttachmentsPage", "Could not read the file: {error}"), error=exc)

    def do_remove(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        if rows:
            items = [copy.deepcopy(a) for i, a in enumerate(self.session.draft.attachments) if i not in rows]
            self.session.apply(SetAttachments(tuple(items)),
                               self._texts.translate("AttachmentsPage", "Remove attachments"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            if any(p.is_dir() for p in paths):  # a folder of scans: its files go to the equipment lines
                self.add_folder(paths)
            else:
                self.add_files(paths)

    # ---- checking the files
    def verify(self) -> workers.Job | None:
        """Compare every file with what was recorded, in a worker; the job."""
        attachments = [copy.deepcopy(a) for a in self.session.draft.attachments]
        if not attachments:
            return None

        def work(progress: Progress) -> dict[AttachmentKey, str]:
            out: dict[AttachmentKey, str] = {}
            for i, a in enumerate(attachments):
                out[key_of(a)] = state_of(a)
                progress.report(i + 1, len(attachments), "check")
            return out

        def done(states: dict[AttachmentKey, str]) -> None:
            self.model.set_states(states)
            bad = sum(1 for s in states.values() if s in ("changed", "missing"))
            self._say(QT_TRANSLATE_NOOP("AttachmentsPage", "{n} files changed or missing since they were added.")
                      if bad else QT_TRANSLATE_NOOP("AttachmentsPage", "Every file is as recorded."), n=bad)

        self.job = workers.Job(work, done=done, failed=self._failed, owner=self).start()
        return self.job
