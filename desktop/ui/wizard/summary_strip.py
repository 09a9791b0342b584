"""The strip on every step: eligible total, maximum subsidy, errors and warnings, from the last check."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from desktop.domain.lang import choose
from desktop.domain.money import format_yuan
from desktop.rules.assessment import Assessment
from desktop.rules.notice_checks import days_left
from desktop.ui.common.i18n import language
from desktop.ui.common.widgets import finding_style, plain_label

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
        self.deadline = plain_label(self)
        self.deadline.setObjectName("strip-deadline")
        # the deadline never widens the window: it takes the room left (its tooltip says the notice)
        self.deadline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.deadline.setMinimumWidth(0)
        self.findings = QPushButton(self)
        self.findings.setFlat(True)
        self.findings.clicked.connect(self.review_requested)
        layout.addWidget(self.eligible)
        layout.addSpacing(24)
        layout.addWidget(self.maximum)
        layout.addSpacing(24)
        layout.addWidget(self.deadline, 1)
        layout.addWidget(self.findings)
        font = self.maximum.font()
        font.setBold(True)
        self.maximum.setFont(font)
        self._assessment: Assessment | None = None
        self._unread = 0

    def show_assessment(self, a: Assessment, unread: int = 0) -> None:
        """`unread`: fields holding typed text that could not be read (not stored): each counts as an error."""
        self._assessment = a
        self._unread = unread
        errors = a.errors + unread
        t = a.totals
        self.eligible.setText(
            translate("SummaryStrip", "Eligible total: {amount} yuan").format(amount=format_yuan(t.eligible))
        )
        self.maximum.setText(
            translate("SummaryStrip", "Maximum subsidy: {amount} yuan").format(amount=format_yuan(t.max_subsidy))
        )
        self.findings.setText(
            translate("SummaryStrip", "{errors} errors · {warnings} warnings").format(
                errors=errors, warnings=a.warnings
            )
        )
        self._show_deadline(a)
        severity = "error" if errors else ("warning" if a.warnings else "ok")
        self.findings.setStyleSheet(finding_style(severity).replace("QLabel", "QPushButton"))
        self.findings.setAccessibleName(self.findings.text())

    def _show_deadline(self, a: Assessment) -> None:
        """The notice's next deadline and the days left; without a notice, the window the draft is read
        against and its basis."""
        notice = a.pack.notice
        style = "ok"
        if notice is None:
            text = translate("SummaryStrip", "No notice: spending window {start} … {end} (policy period, our reading)")
            text = text.format(start=a.pack.window_start.isoformat(), end=a.pack.window_end.isoformat())
            tip = translate("SummaryStrip", "Choose the application notice (File › Application notice) to check "
                            "against its own windows and deadline")
        else:
            found = days_left(notice, a.as_of)
            tip = f"{notice.number} · {notice.title.get(language().current or 'zh')}"
            if found is None:
                text = translate("SummaryStrip", "{notice}: deadline not stated").format(notice=notice.number)
            else:
                zh, en, day, days = found
                label = choose(language().current or "zh", zh, en)
                if days < 0:
                    style = "error"
                    text = translate("SummaryStrip", "{label} {date}: passed {days} days ago")
                    text = text.format(label=label, date=day.isoformat(), days=-days)
                else:
                    style = "warning" if days <= 14 else "ok"
                    text = translate("SummaryStrip", "{label} {date}: {days} days left")
                    text = text.format(label=label, date=day.isoformat(), days=days)
        self.deadline.setText(text)
        self.deadline.setToolTip(f"{text}\n{tip}")
        self.deadline.setStyleSheet(finding_style(style) if style != "ok" else "")
        self.deadline.setAccessibleName(text)

    def retranslate(self) -> None:
        self.findings.setToolTip(translate("SummaryStrip", "Show every finding on the review step"))
        if self._assessment is not None:
            self.show_assessment(self._assessment, self._unread)
