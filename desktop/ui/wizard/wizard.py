"""The wizard for one draft: the steps declared in forms/ with their marks, Back / Next and free jumps,
the summary strip, autosave status and the draft's menus.

Steps 1-3 are FormPages built from their fields; steps 4-7 are widgets named in forms/ and loaded by
import path (desktop/ui/wizard/step_protocol.py is their contract). Pages are built when first shown. Each
step's mark comes from the findings whose paths belong to it (FormSpec.step_of).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.assessment import Assessment
from desktop.rules.wizard_form import FormSpec, load_form
from desktop.ui.common import icons, screen_fit, settings
from desktop.ui.common.conflict import ConflictDialog, LockedBanner
from desktop.ui.common.pending_input import pending_for
from desktop.ui.common.unsaved import ProblemBanner, UnsavedEdits
from desktop.ui.common.widgets import plain_label
from desktop.ui.wizard.form_page import FormPage
from desktop.ui.wizard.session import DraftSession
from desktop.ui.wizard.step_protocol import StepPage, load_step
from desktop.ui.wizard.summary_strip import SummaryStrip
from desktop.ui.wizard.wizard_menus import WizardMenus

if TYPE_CHECKING:
    from desktop.services.draft_store import DraftStore, Persister
    from desktop.services.save_problems import SaveProblem

translate = QCoreApplication.translate


def step_marks(form: FormSpec, assessment: Assessment, pending: Iterable[str] = ()) -> list[str]:
    """complete / warnings / errors per step ("open" for a step no finding can belong to). A step with
    `pending` text (typed but unreadable, so not stored: desktop/ui/common/pending_input.py) has errors."""
    worst = ["complete" if step.paths else "open" for step in form.steps]
    for path in pending:
        i = form.step_of(path)
        if i is not None:
            worst[i] = "errors"
    for f in assessment.findings:
        i = form.step_of(f.path)
        if i is None or f.severity == "info":
            continue
        if f.severity == "error":
            worst[i] = "errors"
        elif worst[i] == "complete":
            worst[i] = "warnings"
    return worst


class WizardHost(Protocol):
    """The running program as a wizard uses it (ui/controller.py's Controller)."""

    @property
    def lang(self) -> str: ...

    @property
    def store(self) -> DraftStore: ...

    def rebind(self, window: WizardWindow, new_id: int) -> None: ...

    def wizard_closed(self, window: WizardWindow) -> None: ...

    @property
    def ending(self) -> bool: ...

    def new_draft(self) -> WizardWindow: ...

    def show_drafts(self) -> QMainWindow: ...

    def switch_language(self, lang: str) -> None: ...


class WizardWindow(QMainWindow):
    def __init__(
        self, controller: WizardHost, session: DraftSession, persister: Persister, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.session = session
        self.persister = persister
        self.form = load_form()
        self.lang = controller.lang
        self.conflict_dialog: ConflictDialog | None = None
        self.unsaved = UnsavedEdits(self)
        self.current: int = -1
        self.setWindowIcon(icons.icon("app"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        self.strip = SummaryStrip(central)
        outer.addWidget(self.strip)
        split = QSplitter(central)
        self.step_list = QListWidget(split)
        self.step_list.setObjectName("step-list")
        self.step_list.setMinimumWidth(150)
        for _ in self.form.steps:
            QListWidgetItem(self.step_list)
        self.stack = QStackedWidget(split)
        self.pages: list[StepPage | None] = [None] * len(self.form.steps)
        for _ in self.form.steps:
            self.stack.addWidget(QWidget())
        split.addWidget(self.step_list)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 800])
        outer.addWidget(split, 1)
        self.problem_banner = ProblemBanner(central)
        outer.addWidget(self.problem_banner)
        self.locked_banner = LockedBanner(central)
        self.locked_banner.reopen_requested.connect(self.reopen)
        outer.insertWidget(1, self.locked_banner)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(12, 6, 12, 10)
        self.back_button = QPushButton(central)
        self.next_button = QPushButton(central)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)
        self.setCentralWidget(central)
        self.saved_label = plain_label(self)
        self.statusBar().addPermanentWidget(self.saved_label)

        self.menus = WizardMenus(self)
        self.step_list.currentRowChanged.connect(self._row_changed)
        self.back_button.clicked.connect(lambda: self.go(self.current - 1))
        self.next_button.clicked.connect(lambda: self.go(self.current + 1))
        self.strip.review_requested.connect(self._go_review)
        session.assessed.connect(self.show_assessment)
        pending_for(session).changed.connect(self._pending_changed)
        session.saved.connect(self._saved)
        session.save_failed.connect(self._save_failed)
        session.conflict.connect(self.show_conflict)
        session.locked.connect(self.show_locked)
        session.changed.connect(lambda _c: self._title())
        self.retranslate(self.lang)
        self.show_assessment(session.assessment)
        screen_fit.restore_or_fit(self, settings.geometry("wizard"), (1100, 760))

    # ---- steps
    def page(self, index: int) -> StepPage:
        page = self.pages[index]
        if page is None:
            spec = self.form.steps[index]
            page = FormPage(spec, self.session, self) if spec.widget is None else load_step(spec, self.session, self)
            page.set_navigator(self.navigate)
            page.retranslate(self.lang)
            self.pages[index] = page
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._chain_tab_order(page)
        return page

    def _chain_tab_order(self, page: QWidget) -> None:
        """Tab as the eye reads: the strip, the step list, the page, then Back and Next. A page built later
        joins the end of the window's focus chain, after Next: Back and Next move after its last stop."""
        last = None
        w = page.nextInFocusChain()
        while w is not None and page.isAncestorOf(w):
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None:
                last = w
            w = w.nextInFocusChain()
        if last is not None:
            QWidget.setTabOrder(last, self.back_button)
            QWidget.setTabOrder(self.back_button, self.next_button)

    def go(self, index: int) -> None:
        if not 0 <= index < len(self.form.steps):
            return
        self.session.seal()
        self.session.flush()  # leaving a step saves what was typed there
        self.page(index)
        self.current = index
        self.stack.setCurrentIndex(index)
        if self.step_list.currentRow() != index:
            self.step_list.setCurrentRow(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.form.steps) - 1)
        if self.session.draft_id is not None:
            settings.set_last_step(self.session.draft_id, self.form.steps[index].id)

    @property
    def draft_id(self) -> int:
        """The stored draft this window edits (a wizard always edits a stored one)."""
        draft_id = self.session.draft_id
        assert draft_id is not None, "a wizard edits a stored draft"
        return draft_id

    def go_to_step(self, step_id: str) -> None:
        self.go(self.form.index_of(step_id))

    def _row_changed(self, row: int) -> None:
        if row != self.current:
            self.go(row)

    def _go_review(self) -> None:
        self.go_to_step("review")

    def navigate(self, path: str) -> bool:
        """Go to the step a finding path belongs to and focus its field or cell."""
        index = self.form.step_of(path)
        if index is None:
            return False
        self.go(index)
        return self.page(index).focus_path(path)

    def current_page(self) -> StepPage:
        return self.page(self.current)

    # ---- repaint
    def show_assessment(self, a: Assessment) -> None:
        pending = pending_for(self.session).paths()
        self.strip.show_assessment(a, len(pending))
        for i, mark in enumerate(step_marks(self.form, a, pending)):
            item = self.step_list.item(i)
            item.setIcon(icons.step_mark(mark))
            item.setData(Qt.ItemDataRole.UserRole, mark)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self._mark_text(mark))

    def _pending_changed(self) -> None:
        self.show_assessment(self.session.assessment)

    def _mark_text(self, mark: str) -> str:
        return {
            "complete": translate("WizardWindow", "complete"),
            "warnings": translate("WizardWindow", "has warnings"),
            "errors": translate("WizardWindow", "has errors"),
            "open": "",
        }[mark]

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        for i, step in enumerate(self.form.steps):
            self.step_list.item(i).setText(f"{i + 1}  {step.title.get(lang)}")
        for page in self.pages:
            if page is not None:
                page.retranslate(lang)
        self.back_button.setText(translate("WizardWindow", "< Back"))
        self.next_button.setText(translate("WizardWindow", "Next >"))
        self.back_button.setAccessibleName(translate("WizardWindow", "Previous step"))
        self.next_button.setAccessibleName(translate("WizardWindow", "Next step"))
        self.step_list.setAccessibleName(translate("WizardWindow", "Steps"))
        self.strip.retranslate()
        self.menus.retranslate()
        self.show_assessment(self.session.assessment)
        self._title()
        if self.session.problem is not None:
            self._save_failed(self.session.problem)
        elif self.session.last_saved is not None:
            self._saved(self.session.last_saved)
        if self.conflict_dialog is not None:
            self.conflict_dialog.retranslate()
        self.locked_banner.retranslate(self.lang)

    def _title(self) -> None:
        title = self.session.draft.title or translate("WizardWindow", "Untitled draft")
        self.setWindowTitle(translate("WizardWindow", "{title} — Grant assistant").format(title=title))

    # ---- saving
    def _saved(self, when: datetime) -> None:
        local = when.astimezone().strftime("%H:%M:%S")
        self.saved_label.setText(translate("WizardWindow", "Saved at {time}").format(time=local))
        self.problem_banner.show_problem(None, self.lang)

    def _save_failed(self, problem: SaveProblem) -> None:
        """The edits stay in this window and are retried; the banner says why, plainly."""
        self.saved_label.setText(translate("WizardWindow", "Not saved yet (kept in this window)"))
        self.problem_banner.show_problem(problem, self.lang)

    def show_conflict(self) -> None:
        if self.conflict_dialog is None:
            self.conflict_dialog = ConflictDialog(self)
            self.conflict_dialog.reload_theirs.connect(self.reload_theirs)
            self.conflict_dialog.keep_mine.connect(self.keep_mine_as_copy)
        self.conflict_dialog.set_gone(self.session.gone)
        if self.session.gone:
            self.saved_label.setText(translate("WizardWindow", "Deleted elsewhere: keep your version as a copy"))
        else:
            self.saved_label.setText(translate("WizardWindow", "Changed elsewhere: choose what to keep"))
        self.conflict_dialog.open()

    # ---- a submitted (locked) draft: read only until reopened
    def check_lock(self) -> None:
        """Ask the database whether the draft was submitted meanwhile (the command line, a colleague)."""
        if self.session.draft_id is None or self.locked_banner.lock is not None:
            return
        try:
            lock = self.controller.store.lock_of(self.session.draft_id)
        except Exception:  # gone, or the database cannot be read now: saving says so in its own words
            return
        if lock is not None:
            self.session.paused = True
            self.show_locked(lock)

    def show_locked(self, lock: object) -> None:
        self.locked_banner.show_lock(lock, self.lang)
        self.stack.setEnabled(False)
        for action in (self.menus.undo, self.menus.redo):
            action.setEnabled(False)
        self.saved_label.setText(translate("WizardWindow", "Read only: submitted"))

    def reopen(self) -> None:
        """Reopen the draft (recorded) and go on editing: the stored version, or the choice between it and
        the edits typed here when there are some (nothing typed is lost)."""
        if self.session.draft_id is None:
            return
        self.controller.store.reopen(self.session.draft_id)
        self.locked_banner.show_lock(None, self.lang)
        self.stack.setEnabled(True)
        stack = self.session.undo_stack
        self.menus.undo.setEnabled(stack.canUndo())
        self.menus.redo.setEnabled(stack.canRedo())
        if self.session.has_unsaved:
            self.show_conflict()
        else:
            self.reload_theirs()

    def reload_theirs(self) -> None:
        self.session.reload(self.persister.theirs())
        self.saved_label.setText(translate("WizardWindow", "Reloaded the stored version"))

    def keep_mine_as_copy(self) -> None:
        from desktop.services.save_problems import SaveFailed

        try:
            new_id = self.persister.keep_as_copy(self.session.draft)
        except SaveFailed as exc:  # still unresolved: the edits stay here, closing offers a draft file
            self._save_failed(exc.problem)
            return
        self.controller.rebind(self, new_id)
        self.problem_banner.show_problem(None, self.lang)
        self.saved_label.setText(translate("WizardWindow", "Your version was saved as a new draft"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.session.flush()  # another window took the focus: what was typed here is saved now
        elif event.type() == QEvent.Type.ActivationChange:
            self.check_lock()  # back to this window: submitted meanwhile?
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.session.seal()
        if not self.unsaved.may_close():  # edits the database did not take: keep them or discard (asked)
            event.ignore()
            return
        settings.save_geometry("wizard", self.saveGeometry())
        self.controller.wizard_closed(self)
        super().closeEvent(event)
