"""Models of the review step: findings grouped by severity, and the subsidy computation line by line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop.domain.fieldpath import line_of, line_text
from desktop.domain.labels import field_label
from desktop.domain.money import format_yuan
from desktop.rules.assessment import Assessment, Finding, LineResult, reason_label
from desktop.ui.common import status_icons
from desktop.ui.wizard.step_text import texts

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITIES = (("error", QT_TRANSLATE_NOOP("ReviewPage", "Errors — must be fixed before applying")),
              ("warning", QT_TRANSLATE_NOOP("ReviewPage", "Warnings — check these")),
              ("info", QT_TRANSLATE_NOOP("ReviewPage", "Notes")))
BASIS = {"seed": QT_TRANSLATE_NOOP("ReviewPage", "Basis: stated in the news report"),
         "reprint": QT_TRANSLATE_NOOP("ReviewPage", "Basis: stated in reprints of the official text"),
         "practice": QT_TRANSLATE_NOOP("ReviewPage", "Basis: our reading of common practice")}


def basis_text(basis: str, lang: str) -> str:
    if basis not in BASIS:
        return texts(lang).translate("ReviewPage", "Basis: {basis}").format(basis=basis)
    return texts(lang).translate("ReviewPage", BASIS[basis])


class FindingsModel(QStandardItemModel):
    """Two levels: one row per severity present, its findings below (message, field, clause)."""

    def fill(self, assessment: Assessment, lang: str) -> None:
        self.clear()
        t = texts(lang)
        self.setHorizontalHeaderLabels([
            t.translate("ReviewPage", "Finding"), t.translate("ReviewPage", "Field"),
            t.translate("ReviewPage", "Clause"),
        ])
        groups: dict[str, list[Finding]] = {}
        for f in assessment.findings:
            groups.setdefault(f.severity, []).append(f)
        for severity, heading in SEVERITIES:
            found = groups.get(severity)
            if not found:
                continue
            title = f"{t.translate('ReviewPage', heading)} ({len(found)})"
            head = QStandardItem(status_icons.for_severity(severity), title)
            head.setEditable(False)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            rows = []
            for f in found:
                message = assessment.message(f, lang)
                clause = assessment.clause(f, lang)
                tip = f"{message}\n{clause}\n{basis_text(assessment.basis(f), lang)}"
                cells = [QStandardItem(message), QStandardItem(field_label(f.path, lang) + _where(f.path, lang)),
                         QStandardItem(clause)]
                for cell in cells:
                    cell.setEditable(False)
                    cell.setData(f.path, PATH_ROLE)
                    cell.setData(tip, Qt.ItemDataRole.ToolTipRole)
                    cell.setData(f, Qt.ItemDataRole.UserRole + 2)
                cells[0].setIcon(status_icons.for_severity(severity))
                rows.append(cells)
            for cells in rows:
                head.appendRow(cells)
            blank1, blank2 = QStandardItem(), QStandardItem()
            blank1.setEditable(False)
            blank2.setEditable(False)
            self.appendRow([head, blank1, blank2])


def _where(path: str, lang: str) -> str:
    index = line_of(path)
    if index is not None:
        return texts(lang).translate("ReviewPage", " (line {n})").format(n=index + 1)
    return ""


class ComputationModel(QAbstractTableModel):
    """The subsidy computation: each line's amount and whether it counts, and why not."""

    HEADERS = (QT_TRANSLATE_NOOP("ReviewPage", "Line"), QT_TRANSLATE_NOOP("ReviewPage", "Equipment"),
               QT_TRANSLATE_NOOP("ReviewPage", "Amount (CNY)"), QT_TRANSLATE_NOOP("ReviewPage", "Counts"))

    def __init__(self, session: DraftSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self.results: list[LineResult] = []

    def set_assessment(self, assessment: Assessment, lang: str) -> None:
        self.beginResetModel()  # a new assessment replaces every row's figures at once
        self.results = list(assessment.lines)
        self.lang = lang
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.results)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return texts(self.lang).translate("ReviewPage", self.HEADERS[section])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self.results[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col == 3:
            return status_icons.eligible() if r.eligible else status_icons.excluded()
        if role == PATH_ROLE:
            return line_text(r.index, "name")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == 0:
            return str(r.index + 1)
        if col == 1:
            lines = self.session.draft.equipment
            return (lines[r.index].name or "") if r.index < len(lines) else ""
        if col == 2:
            return format_yuan(r.amount) if r.amount is not None else "—"
        if r.eligible:
            return texts(self.lang).translate("ReviewPage", "counts")
        return "; ".join(reason_label(x, self.lang) for x in r.reasons)
