"""The attachments step's checklist of the lines' proof: how many lines lack each kind ("12 lines lack
payment proof"), and one row per line lacking something with what it lacks; activating a row (double
click, Enter) opens that line's evidence dialog. Refreshed after each check. Texts are data (zh/en)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.domain.lang import choose
from desktop.services.evidence_gaps import LineGaps, counts_text, draft_gaps, gap_counts
from desktop.ui.wizard.step_text import plain

if TYPE_CHECKING:
    from desktop.ui.attachments.attachments_page import AttachmentsPage
    from desktop.ui.attachments.evidence_dialog import LineEvidenceDialog

TEXTS: dict[str, tuple[str, str]] = {
    "head": ("设备证明材料：", "Proof of the equipment lines: "),
    "complete": ("每一行的合同、发票、付款凭证、验收单、铭牌照片和报关单都已齐全。",
                 "every line has its contract, invoices, payment proof, acceptance note, nameplate photos and "
                 "customs papers."),
    "open_hint": ("双击或按回车打开该行的证明材料。", "Double-click a row or press Enter to open its evidence."),
    "line": ("行", "Line"),
    "name": ("设备名称", "Equipment"),
    "lacks": ("缺少", "Lacks"),
    "table": ("缺少证明材料的设备行", "Lines lacking proof"),
}
COLUMNS = ("line", "name", "lacks")


def text(key: str, lang: str) -> str:
    zh, en = TEXTS[key]
    return choose(lang, zh, en)


class GapsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gaps: list[LineGaps] = []
        self.lang = "zh"

    def set_gaps(self, gaps: list[LineGaps]) -> None:
        if gaps == self.gaps:
            return
        self.beginResetModel()
        self.gaps = gaps
        self.endResetModel()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.gaps:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.gaps) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.gaps)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return text(COLUMNS[section], self.lang)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        g = self.gaps[index.row()]
        column = COLUMNS[index.column()]
        if column == "line":
            return str(g.index + 1)
        return g.name if column == "name" else g.text(self.lang)


class EvidenceChecklist(QWidget):
    def __init__(self, page: AttachmentsPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceChecklist")
        self.page = page
        self.session = page.session
        self.lang = "zh"
        self.summary = QLabel(self)
        plain(self.summary)
        self.summary.setWordWrap(True)
        self.model = GapsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("evidenceGapsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(max(24, self.view.fontMetrics().height() + 8))
        self.view.horizontalHeader().resizeSection(0, 50)
        self.view.horizontalHeader().resizeSection(1, 260)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setMaximumHeight(170)
        self.view.activated.connect(self.open_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.session.assessed.connect(self._on_assessed)  # a method: disconnected when the widget goes

    def _on_assessed(self, _assessment: object) -> None:
        if self.isVisible() or self.isHidden():  # hidden by refresh itself (no lines) it must still learn of new ones
            self.refresh()
        else:
            self._stale = True  # on a step not shown: counted again when it is

    _stale = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.model.set_lang(lang)
        self.view.setAccessibleName(text("table", lang))
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        gaps = draft_gaps(self.session.draft)
        self.model.set_gaps(gaps)
        self.view.setVisible(bool(gaps))
        if gaps:
            end = choose(self.lang, "。", ".")
            said = counts_text(gap_counts(gaps), self.lang) + end + " " + text("open_hint", self.lang)
        else:
            said = text("complete", self.lang)
        self.summary.setText(text("head", self.lang) + said)
        self.setVisible(bool(self.session.draft.equipment))

    def open_line(self, index: QModelIndex) -> LineEvidenceDialog | None:
        """The evidence dialog of the line of `index` (run through the page's exec_dialog); the dialog."""
        if not index.isValid() or index.row() >= len(self.model.gaps):
            return None
        from desktop.ui.attachments.evidence_dialog import LineEvidenceDialog
        from desktop.ui.attachments.evidence_folder import store_near

        row = self.model.gaps[index.row()].index
        if row >= len(self.session.draft.equipment):
            return None
        dialog = LineEvidenceDialog(self.session, row, self.lang, store_near(self.page), self.page)
        self.page.exec_dialog(dialog)
        return dialog


def install(page: AttachmentsPage, layout: QVBoxLayout, at: int) -> EvidenceChecklist:
    checklist = EvidenceChecklist(page, page)
    layout.insertWidget(at, checklist)
    checklist.refresh()
    return checklist
