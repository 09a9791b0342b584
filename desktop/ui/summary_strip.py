"""The strip on every step: eligible total, maximum subsidy, errors and warnings, from the last check."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from desktop.domain.money import format_yuan
from desktop.rules.assessment import Assessment
from desktop.ui.widgets import finding_style, plain_label

translate = QCoreApplication.translate


class SummaryStrip(QFrame):
    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary-strip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.eligible = plain_label(self)
        self.maximum = plain_label(self)
        self.findings = QPushButton(self)
        self.findings.setFlat(True)
        self.findings.clicked.connect(self.review_requested)
        layout.addWidget(self.eligible)
        layout.addSpacing(24)
        layout.addWidget(self.maximum)
        layout.addStretch(1)
        layout.addWidget(self.findings)
        font = self.maximum.font()
        font.setBold(True)
        self.maximum.setFont(font)
        self._assessment: Assessment | None = None

    def show_assessment(self, a: Assessment) -> None:
        self._assessment = a
        t = a.totals
        self.eligible.setText(
            translate("SummaryStrip", "Eligible total: {amount} yuan").format(amount=format_yuan(t.eligible))
        )
        self.maximum.setText(
            translate("SummaryStrip", "Maximum subsidy: {amount} yuan").format(amount=format_yuan(t.max_subsidy))
        )
        self.findings.setText(
            translate("SummaryStrip", "{errors} errors · {warnings} warnings").format(
                errors=a.errors, warnings=a.warnings
            )
        )
        severity = "error" if a.errors else ("warning" if a.warnings else "ok")
        self.findings.setStyleSheet(finding_style(severity).replace("QLabel", "QPushButton"))
        self.findings.setAccessibleName(self.findings.text())

    def retranslate(self) -> None:
        self.findings.setToolTip(translate("SummaryStrip", "Show every finding on the review step"))
        if self._assessment is not None:
            self.show_assessment(self._assessment)
