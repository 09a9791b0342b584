"""Step 5, attachments: files added by dialog or drag and drop, their kind, the lines they document;
size and SHA-256 computed in a worker; files changed or gone since they were added are flagged."""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import choices
from desktop.domain.changes import SetAttachments
from desktop.domain.model import Attachment
from desktop.ui import workers
from desktop.ui.attachments_model import COLUMNS, AttachmentsModel, file_facts, guess_kind, key_of, state_of
from desktop.ui.delegates import ChoiceDelegate
from desktop.ui.step_text import pick, plain

_PATH = re.compile(r"^attachments(?:\[(\d+)\](?:\.(\w+))?)?$")
_WIDTHS = {"state": 150, "kind": 170, "name": 240, "lines": 130, "size": 80, "sha256": 150, "path": 300}


class _LinesDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9,，;；\-–~ ]*"), editor))
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setText(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class AttachmentsPage(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self.choose_files = self._ask_files  # tests set the paths a dialog would return
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
        for b in (self.add_button, self.remove_button, self.verify_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setAcceptDrops(True)
        self._verified_once = False
        self.retranslate("zh")

    def _t(self, en: str, zh: str) -> str:
        return pick("AttachmentsPage", self.lang, en, zh)

    # ---- the step protocol
    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.model.set_lang(lang)
        self.kind_delegate.lang = lang
        for button, en, zh in ((self.add_button, "Add files…", "添加文件…"),
                               (self.remove_button, "Remove", "移除"),
                               (self.verify_button, "Check files again", "重新核对文件")):
            button.setText(self._t(en, zh))
            button.setAccessibleName(self._t(en, zh))
        kinds_en = ", ".join(en for _, en in choices.ATTACHMENT_KINDS.values())
        kinds_zh = "、".join(zh for zh, _ in choices.ATTACHMENT_KINDS.values())
        self.hint.setText(self._t(
            f"Drop files here or use Add files…. Kinds: {kinds_en}. "
            "Link a file to equipment lines by their numbers, e.g. 1, 3-5.",
            f"可将文件拖放到此处，或点击“添加文件…”。类别：{kinds_zh}。在“对应设备行”中填写设备行号，如 1, 3-5。"))
        self.view.setAccessibleName(self._t("Attachments", "附件"))

    def focus_path(self, path: str) -> bool:
        m = _PATH.match(path)
        if m is None:
            return False
        row = int(m.group(1)) if m.group(1) else 0
        column = COLUMNS.index(m.group(2)) if m.group(2) in COLUMNS else COLUMNS.index("kind")
        if row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, column))
            self.view.scrollTo(self.view.currentIndex())
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._verified_once:
            self._verified_once = True
            self.verify()

    # ---- adding and removing
    def _ask_files(self) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(self, self._t("Add attachments", "添加附件"))
        return names

    def do_add(self) -> None:
        paths = self.choose_files()
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]):
        """Hash the files in a worker, then add them as one undoable change; the job."""
        files = [str(p.resolve()) for p in paths if p.is_file()]
        if not files:
            return None
        total = sum(os.path.getsize(f) for f in files)

        def work(progress):
            out, base = [], 0
            for f in files:
                size, digest = file_facts(f, lambda d, t, b=base: progress(b + d, total))
                base += size
                out.append(Attachment(kind=guess_kind(os.path.basename(f)), name=os.path.basename(f),
                                      sha256=digest, size=size, path=f))
            return out

        def done(new: list[Attachment]) -> None:
            items = [copy.deepcopy(a) for a in self.session.draft.attachments] + new
            self.model.set_states({key_of(a): "ok" for a in new})
            self.session.apply(SetAttachments(tuple(items)), self._t("Add attachments", "添加附件"))
            self.view.setCurrentIndex(self.model.index(len(items) - len(new), COLUMNS.index("kind")))
            self.status.setText(self._t(f"{len(new)} files added.", f"已添加 {len(new)} 个文件。"))

        self.job, _ = workers.run_with_progress(
            self, self._t("Computing SHA-256…", "正在计算 SHA-256…"), self._t("Cancel", "取消"), work,
            done=done, failed=self._failed, cancelled=lambda: self.status.setText(self._t("Cancelled.", "已取消。")),
            cancel_types=(InterruptedError,))
        return self.job

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self._t(f"Could not read the file: {exc}", f"无法读取文件：{exc}"))

    def do_remove(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        if rows:
            items = [copy.deepcopy(a) for i, a in enumerate(self.session.draft.attachments) if i not in rows]
            self.session.apply(SetAttachments(tuple(items)), self._t("Remove attachments", "移除附件"))

    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # ---- checking the files
    def verify(self):
        """Compare every file with what was recorded, in a worker; the job."""
        attachments = [copy.deepcopy(a) for a in self.session.draft.attachments]
        if not attachments:
            return None

        def work(progress):
            out = {}
            for i, a in enumerate(attachments):
                out[key_of(a)] = state_of(a)
                progress(i + 1, len(attachments))
            return out

        def done(states) -> None:
            self.model.set_states(states)
            bad = sum(1 for s in states.values() if s in ("changed", "missing"))
            self.status.setText(self._t(f"{bad} files changed or missing since they were added.",
                                        f"有 {bad} 个文件在添加后被修改或已不存在。") if bad else
                                self._t("Every file is as recorded.", "所有文件与记录一致。"))

        self.job = workers.Job(work, done=done, failed=self._failed).start()
        return self.job
