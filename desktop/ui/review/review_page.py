"""Step 6, review: every finding by severity with its message, clause and basis; activating one goes to
the value to mend; the subsidy computation line by line; a clear "ready to export" when nothing blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_yuan
from desktop.rules.assessment import Assessment, Finding
from desktop.ui.review.review_models import PATH_ROLE, ComputationModel, FindingsModel, basis_text
from desktop.ui.wizard.step_protocol import Navigate, StepPage
from desktop.ui.wizard.step_text import plain, texts

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession


class ReviewPage(StepPage):
    def __init__(self, session: DraftSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self.navigate: Navigate | None = None
        self._stale = True
        self.banner = QLabel(self)
        self.findings = FindingsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("findingsTree")
        self.tree.setModel(self.findings)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTabKeyNavigation(False)  # Tab leaves the view; arrows move inside it
        self.tree.activated.connect(self._activated)
        self.detail = QLabel(self)
        self.computation = ComputationModel(session, self)
        self.table = QTableView(self)
        self.table.setObjectName("computationTable")
        self.table.setModel(self.computation)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(max(24, self.table.fontMetrics().height() + 8))
        self.table.activated.connect(self._activated)
        for col, width in enumerate((56, 300, 140)):
            self.table.horizontalHeader().resizeSection(col, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.sums = QLabel(self)
        for label in (self.banner, self.detail, self.sums):
            plain(label)
            label.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree.selectionModel().currentChanged.connect(self._show_detail)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.table, 1)
        lower_layout.addWidget(self.sums)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.tree, 1)
        upper_layout.addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        session.assessed.connect(self._on_assessed)
        self.retranslate("zh")

    # ---- the step protocol
    def set_navigator(self, navigate: Navigate) -> None:
        self.navigate = navigate

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        t = texts(lang)
        self.tree.setAccessibleName(t.translate("ReviewPage", "Findings"))
        self.table.setAccessibleName(t.translate("ReviewPage", "Subsidy computation"))
        self.banner.setAccessibleName(t.translate("ReviewPage", "Review status"))
        self._stale = True
        self.refresh()

    def focus_path(self, path: str) -> bool:
        return False

    # ---- content
    def _on_assessed(self, assessment: Assessment) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the session's assessment (only when shown or stale: a 10,000-line draft has
        thousands of findings)."""
        if not self._stale:
            return
        self._stale = False
        a = self.session.assessment
        self.findings.fill(a, self.lang)
        self.tree.expandAll()
        header = self.tree.header()
        header.resizeSection(0, 520)
        header.resizeSection(1, 200)
        self.computation.set_assessment(a, self.lang)
        self._banner(a)
        self._sums(a)
        self.detail.setText(texts(self.lang).translate(
            "ReviewPage", "Select a finding to see its clause; press Enter to go to the value."))

    def _banner(self, a: Assessment) -> None:
        t = texts(self.lang)
        if a.errors == 0:
            text = t.translate("ReviewPage", "Ready to export: nothing blocks the application.")
            if a.warnings:
                text += t.translate("ReviewPage", " {warnings} warnings are worth a look.").format(warnings=a.warnings)
            style = "background: #ecfdf5; color: #065f46; border: 1px solid #a7f3d0;"
        else:
            text = t.translate("ReviewPage", "{errors} errors block the application; {warnings} warnings.").format(
                errors=a.errors, warnings=a.warnings)
            style = "background: #fef2f2; color: #991b1b; border: 1px solid #fecaca;"
        self.banner.setText(text)
        self.banner.setStyleSheet(style + " padding: 8px; font-weight: 600;")

    def _sums(self, a: Assessment) -> None:
        t = a.totals
        rate = f"{(t.rate * 100).normalize():f} %"
        w = texts(self.lang)
        cap = format_yuan(t.cap) if t.cap is not None else w.translate("ReviewPage", "none")
        rows = [
            (w.translate("ReviewPage", "Declared (all lines)"), format_yuan(t.declared)),
            (w.translate("ReviewPage", "Eligible (lines that count)"), format_yuan(t.eligible)),
            (w.translate("ReviewPage", "× {rate}, rounded down to the fen").format(rate=rate),
             format_yuan(t.uncapped)),
            (w.translate("ReviewPage", "Cap"), cap),
            (w.translate("ReviewPage", "Maximum subsidy = the smaller of the two"), format_yuan(t.max_subsidy)),
            (w.translate("ReviewPage", "Requested"), format_yuan(t.requested)),
        ]
        row = w.translate("ReviewPage", "{label}: {value}", "a line of the computation")
        self.sums.setText("\n".join(row.format(label=label, value=value) for label, value in rows))

    def _show_detail(self, current: QModelIndex, previous: QModelIndex | None = None) -> None:
        f: Finding | None = current.data(Qt.ItemDataRole.UserRole + 2) if current.isValid() else None
        if f is None:
            return
        a = self.session.assessment
        if f.rule not in a.pack.rules:
            return
        self.detail.setText(f"{a.message(f, self.lang)}\n{a.clause(f, self.lang)}\n{basis_text(a.basis(f), self.lang)}")

    def _activated(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if path and self.navigate is not None:
            self.navigate(path)

    def activate_path_at(self, row: int, parent_row: int) -> str | None:
        """Activate the finding `row` of group `parent_row` (as Enter would); its path."""
        index = self.findings.index(row, 0, self.findings.index(parent_row, 0))
        self.tree.setCurrentIndex(index)
        self._activated(index)
        path = index.data(PATH_ROLE)
        return path if isinstance(path, str) else None
