"""A wizard step built from its declaration in forms/: labels, editors, and the message under each field.

Edits go to the draft through the session (typing in one field merges into one undo step; leaving the
field ends it). The page repaints from the session's signals: `changed` puts undone or redone values
back into the editors, `assessed` shows or hides each field's messages in place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import SetValue, get_value
from desktop.rules.assessment import Assessment, Finding
from desktop.rules.wizard_form import FieldSpec, StepSpec
from desktop.ui.common.editors import FieldEditor, bind_pending, make_editor
from desktop.ui.common.widgets import finding_style, plain_label
from desktop.ui.wizard.session import DraftSession
from desktop.ui.wizard.step_protocol import StepPage

translate = QCoreApplication.translate
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class MessageLine(QLabel):
    """The line under a field for its messages. Its place is kept while it is empty and it never takes
    more than one line, so a message coming, going or growing never moves the fields below it (a click
    aimed at one would land on another). A message longer than the line ends in "…"; the whole text is
    its tooltip and accessible description (and the review step lists it in full)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self._full = ""
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 4)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        line = "  ".join(part for part in self._full.splitlines() if part)
        super().setText(self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, max(self.width(), 1)))


class FieldRow:
    """One field: its label, its editor and the label that carries its findings."""

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        self.spec = spec
        self.label = plain_label(parent)
        if spec.editor == "table":
            from desktop.ui.wizard.table_editor import TableEditor

            self.editor: FieldEditor = TableEditor(spec, parent)
        else:
            self.editor = make_editor(
                spec.editor, spec.choice_table() if spec.editor == "choice" else None, parent, spec.path
            )
        self.message = MessageLine(parent)
        self.message.setObjectName("field-message")
        self.message.hide()
        self.label.setBuddy(self.editor.input)
        self.lang = "zh"

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        text = self.spec.label.get(lang)
        self.label.setText(text + (" *" if self.spec.required else ""))
        help_text = self.spec.help.get(lang)
        placeholder = self.spec.placeholder.get(lang) if self.spec.placeholder else ""
        self.editor.retranslate(lang, placeholder)
        for w in (self.editor.input, self.label):
            w.setWhatsThis(help_text)
        self.editor.input.setToolTip(help_text)
        self.editor.input.setAccessibleName(text)
        self.editor.input.setAccessibleDescription(help_text)

    def show_findings(self, assessment: Assessment, findings: list[Finding]) -> None:
        if not findings:
            self.message.hide()
            self.message.clear()
            return
        findings = sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
        self.message.setText("\n".join(assessment.message(f, self.lang) for f in findings))
        self.message.setStyleSheet(finding_style(findings[0].severity))
        self.message.setProperty("severity", findings[0].severity)
        self.message.show()


class FormPage(StepPage):
    """One declared step, its fields in a scroll area."""

    def __init__(self, spec: StepSpec, session: DraftSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.session = session
        self.lang = "zh"
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own; it follows the focused field
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.scroller)
        body = QWidget(self.scroller)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = plain_label(body)
        self.heading.setObjectName("step-heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = plain_label(body, wrap=True)
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        self.verdict = plain_label(body, wrap=True)
        self.verdict.setObjectName("verdict")
        self.verdict.hide()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.rows: dict[str, FieldRow] = {}
        for i, field in enumerate(spec.fields):
            row = FieldRow(field, body)
            self.rows[field.path] = row
            tall = field.editor in ("multiline", "table")
            vertical = Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(row.label, 2 * i, 0, Qt.AlignmentFlag.AlignRight | vertical)
            grid.addWidget(row.editor, 2 * i, 1)
            grid.addWidget(row.message, 2 * i + 1, 1)
            row.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            row.editor.edited.connect(lambda value, r=row: self._edited(r, value))
            row.editor.committed.connect(session.seal)
            bind_pending(row.editor, session, field.path)
        outer.addLayout(grid)
        outer.addSpacing(8)
        outer.addWidget(self.verdict)  # below the fields: as it grows or shrinks, no field moves
        outer.addStretch(1)
        self.scroller.setWidget(body)
        inputs = [r.editor.input for r in self.rows.values()]
        for a, b in zip(inputs, inputs[1:], strict=False):
            QWidget.setTabOrder(a, b)
        session.changed.connect(self._on_changed)
        session.assessed.connect(self.show_assessment)
        self.load_values()
        self.show_assessment(session.assessment)

    # ---- the step protocol
    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.heading.setText(self.spec.title.get(lang))
        self.intro.setText(self.spec.intro.get(lang))
        for row in self.rows.values():
            row.retranslate(lang)
        self.show_assessment(self.session.assessment)

    def focus_path(self, path: str) -> bool:
        row = self.rows.get(path)
        if row is None:
            return False
        self.scroller.ensureWidgetVisible(row.editor)
        row.editor.input.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # ---- binding
    def _edited(self, row: FieldRow, value: object) -> None:
        self.session.set_value(row.spec.path, value, row.spec.label.get(self.lang))

    def load_values(self) -> None:
        for path, row in self.rows.items():
            row.editor.set_value(get_value(self.session.draft, path))

    def _on_changed(self, change: object) -> None:
        if change is None:
            self.load_values()
        elif isinstance(change, SetValue) and change.path in self.rows:
            self.rows[change.path].editor.set_value(get_value(self.session.draft, change.path))

    def show_assessment(self, assessment: Assessment) -> None:
        rows = self.rows
        by_path: dict[str, list[Finding]] = {}
        for f in assessment.findings:  # thousands with a long equipment list: only this page's are kept
            if f.path in rows:
                by_path.setdefault(f.path, []).append(f)
        for path, row in rows.items():
            row.lang = self.lang
            row.show_findings(assessment, by_path.get(path, []))
        if not self.spec.verdict:
            return
        verdict = frozenset(self.spec.verdict)
        blockers = [f for f in assessment.findings if f.rule in verdict]
        unanswered = [row for path, row in rows.items()
                      if any(f.severity == "error" for f in by_path.get(path, []))]
        if blockers:
            head = translate("FormPage", "As filled in, this draft cannot qualify for the subsidy:")
            lines = [head]
            for f in blockers:
                lines.append("• " + assessment.message(f, self.lang))
                clause = assessment.clause(f, self.lang)
                lines.append("   " + translate("FormPage", "Clause: {clause}").format(clause=clause))
            self.verdict.setText("\n".join(lines))
            self.verdict.setStyleSheet(finding_style("error", boxed=True))
            self.verdict.setProperty("qualifies", False)
        elif unanswered:  # not "all is well" while answers are missing or wrong
            names = translate("FormPage", ", ", "between field names").join(
                r.spec.label.get(self.lang) for r in unanswered)
            self.verdict.setText(translate("FormPage", "Still to answer here: {fields}. The note under each "
                                           "field says what it needs.").format(fields=names))
            self.verdict.setStyleSheet(finding_style("info", boxed=True))
            self.verdict.setProperty("qualifies", None)
        else:
            self.verdict.setText(translate("FormPage", "Nothing here rules the application out."))
            self.verdict.setStyleSheet(finding_style("ok", boxed=True))
            self.verdict.setProperty("qualifies", True)
        self.verdict.show()

    def help_for(self, widget: QWidget | None) -> str | None:
        for row in self.rows.values():
            w = widget
            while w is not None:
                if w is row.editor or w is row.label:
                    return row.spec.help.get(self.lang)
                w = w.parentWidget()
        return None
