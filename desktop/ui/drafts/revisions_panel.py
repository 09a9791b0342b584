"""The draft's revisions (File ▸ Revisions…): when and why each was kept, what differs from the draft
now, field by field, and restoring one. Restoring keeps the draft as it was as a new revision first, so
a restore can itself be undone from this list. A double click on a difference shows that field."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.lang import choose
from desktop.ui.common.widgets import plain_label

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.ui.wizard.wizard import WizardWindow

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2


def _table(parent: QWidget, model: QStandardItemModel) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


class RevisionsPanel(QDialog):
    def __init__(self, wizard: WizardWindow) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self.setObjectName("revisions-panel")
        self.resize(820, 520)
        self.revisions = QStandardItemModel(0, 4, self)
        self.differences = QStandardItemModel(0, 3, self)
        layout = QVBoxLayout(self)
        self.heading = plain_label(self, wrap=True)
        layout.addWidget(self.heading)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.list_view = _table(split, self.revisions)
        self.diff_view = _table(split, self.differences)
        self.list_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.diff_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.diff_view.horizontalHeader().resizeSection(0, 220)
        self.diff_view.horizontalHeader().resizeSection(1, 260)
        split.addWidget(self.list_view)
        split.addWidget(self.diff_view)
        layout.addWidget(split, 1)
        self.summary = plain_label(self, wrap=True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.close)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_differences())
        self.diff_view.doubleClicked.connect(self._show_field)
        self.retranslate()

    # ---- texts
    def retranslate(self) -> None:
        self.setWindowTitle(translate("RevisionsPanel", "Revisions"))
        self.heading.setText(translate(
            "RevisionsPanel", "Revisions are kept when you save one (Ctrl+S), export, import or restore. Choose "
            "one to see what differs from the draft now; restoring keeps the draft as it is as a revision first."))
        self.restore_button.setText(translate("RevisionsPanel", "&Restore this revision"))
        self.revisions.setHorizontalHeaderLabels([translate("RevisionsPanel", "Time"),
                                                  translate("RevisionsPanel", "Reason"),
                                                  translate("RevisionsPanel", "Name"),
                                                  translate("RevisionsPanel", "By")])
        self.differences.setHorizontalHeaderLabels([translate("RevisionsPanel", "Field"),
                                                    translate("RevisionsPanel", "In the revision"),
                                                    translate("RevisionsPanel", "Now")])
        if self.revisions.rowCount():
            self.refresh()

    @staticmethod
    def reason_text(reason: str) -> str:
        return {
            "manual": translate("RevisionsPanel", "saved by you"),
            "export": translate("RevisionsPanel", "exported"),
            "import": translate("RevisionsPanel", "imported"),
            "restore": translate("RevisionsPanel", "before a restore"),
            "review": translate("RevisionsPanel", "marked for review"),
            "approved": translate("RevisionsPanel", "approved for submission"),
            "review-cleared": translate("RevisionsPanel", "review mark cleared"),
        }.get(reason, reason)

    def field_text(self, path: str) -> str:
        spec = next((f for step in self.wizard.form.steps if (f := step.field(path)) is not None), None)
        if spec is not None:
            return str(spec.label.get(self.wizard.lang))
        from desktop.domain.fieldpath import ANY, ATTACHMENTS, EQUIPMENT, FieldPath, path_text

        parsed = FieldPath.parse_or_none(path) or FieldPath()
        kind = parsed.head
        index = parsed.index_in(kind) if kind in (EQUIPMENT, ATTACHMENTS) else None
        if index is not None:
            n = index + 1
            what = parsed.fields
            if what:
                from desktop.domain.fields import FIELD_LABELS

                zh, en = FIELD_LABELS.get(path_text(kind, ANY, what), (what, what))
                what = choose(self.wizard.lang, zh, en)
            if kind == EQUIPMENT:
                text = translate("RevisionsPanel", "Line {n}").format(n=n)
            else:
                text = translate("RevisionsPanel", "Attachment {n}").format(n=n)
            return f"{text} · {what}" if what else text
        return path

    @staticmethod
    def value_text(value: object) -> str:
        if value is None:
            return "—"
        if isinstance(value, dict):
            shown = [str(value[k]) for k in ("name", "model", "supplier", "kind") if value.get(k)]
            return " · ".join(shown) if shown else json.dumps(value, ensure_ascii=False)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    # ---- content
    def _draft_id(self) -> int:
        return cast(int, self.wizard.session.draft_id)  # a wizard's session has its draft's id (open_draft)

    def _session(self) -> AbstractContextManager[Session]:
        return self.wizard.controller.store.db.session()

    def refresh(self) -> None:
        from desktop.services import revisions as service

        keep = self.selected_id()
        self.wizard.session.flush()  # compare with the draft as it is on screen
        with self._session() as s:
            infos = service.list_revisions(s, draft_id=self._draft_id())
        self.revisions.removeRows(0, self.revisions.rowCount())
        for info in infos:
            when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            items = [_item(when), _item(self.reason_text(info.reason)), _item(info.label or ""),
                     _item(getattr(info, "author", None) or "")]
            items[0].setData(info.id, ID_ROLE)
            self.revisions.appendRow(items)
        row = next((r for r in range(self.revisions.rowCount())
                    if self.revisions.item(r, 0).data(ID_ROLE) == keep), 0)
        if self.revisions.rowCount():
            self.list_view.selectRow(row)
        self.show_differences()

    def selected_id(self) -> int | None:
        index = self.list_view.currentIndex()
        if not index.isValid():
            return None
        value = self.revisions.item(index.row(), 0).data(ID_ROLE)
        return int(value) if value is not None else None

    def show_differences(self) -> None:
        from desktop.services import revisions as service

        self.differences.removeRows(0, self.differences.rowCount())
        revision = self.selected_id()
        self.restore_button.setEnabled(revision is not None)
        if revision is None:
            self.summary.setText(translate("RevisionsPanel", "No revision kept yet: Ctrl+S keeps one."))
            return
        with self._session() as s:
            diffs = service.differences(s, draft_id=self._draft_id(), revision_id=revision)
        for d in diffs:
            items = [_item(self.field_text(d.path)), _item(self.value_text(d.before)), _item(self.value_text(d.after))]
            items[0].setData(d.path, PATH_ROLE)
            items[0].setToolTip(d.path)
            self.differences.appendRow(items)
        self.summary.setText(
            translate("RevisionsPanel", "{n} fields differ from the draft now.").format(n=len(diffs)) if diffs
            else translate("RevisionsPanel", "This revision is the same as the draft now."))

    def _show_field(self, index: QModelIndex) -> None:
        path = self.differences.item(index.row(), 0).data(PATH_ROLE)
        if path:
            self.wizard.navigate(str(path))

    # ---- restoring
    def restore_selected(self) -> bool:
        from desktop.services import revisions as service

        revision = self.selected_id()
        w = self.wizard
        if revision is None:
            return False
        w.session.seal()
        if not w.session.flush():
            self.summary.setText(translate(
                "RevisionsPanel", "Not restored: this window's edits are not saved yet. Resolve the conflict or "
                "the save problem first."))
            return False
        try:
            with w.controller.store.db.session(write=True) as s:
                version, draft = service.restore(s, draft_id=self._draft_id(), revision_id=revision,
                                                 expected_version=w.persister.version)
        except service.ConflictError:
            self.summary.setText(translate("RevisionsPanel", "Not restored: the draft was changed elsewhere."))
            w.show_conflict()
            return False
        w.persister.version = version
        w.session.reload(draft)
        when = self.revisions.item(self.list_view.currentIndex().row(), 0).text()
        w.statusBar().showMessage(translate("RevisionsPanel", "Restored the revision of {time}; the draft as it "
                                            "was is kept as a revision.").format(time=when), 8000)
        self.refresh()
        return True
