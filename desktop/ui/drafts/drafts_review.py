"""The drafts window's review step: mark the selected draft for review, approve it for submission, or
clear the mark. By whom and when are recorded (storage/team.py) and shown in the list's Review column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from desktop.ui.drafts.drafts_window import DraftsWindow

translate = QCoreApplication.translate


class ReviewActions:
    def __init__(self, window: DraftsWindow, menu: QMenu) -> None:
        self.window = window
        self.mark = QAction(window)
        self.approve = QAction(window)
        self.clear = QAction(window)
        self.mark.triggered.connect(lambda _c=False: self.set_state("review"))
        self.approve.triggered.connect(lambda _c=False: self.set_state("approved"))
        self.clear.triggered.connect(lambda _c=False: self.set_state(None))
        menu.addSeparator()
        for action in (self.mark, self.approve, self.clear):
            menu.addAction(action)

    def retranslate(self) -> None:
        self.mark.setText(translate("ReviewActions", "Mark for re&view"))
        self.approve.setText(translate("ReviewActions", "A&pprove for submission"))
        self.clear.setText(translate("ReviewActions", "Clear the review mark"))

    def update_enabled(self, has: bool, edit: bool, damaged: bool) -> None:
        w = self.window
        for action in (self.mark, self.approve, self.clear):
            action.setEnabled(has and edit and not damaged and not w.trash)
            action.setVisible(not w.trash)

    def set_state(self, state: str | None) -> None:
        from desktop.services import team

        w = self.window
        draft_id = w.selected_id()
        if draft_id is None:
            return
        w.controller.flush_draft(draft_id)  # the mark keeps the draft as it is on screen
        with w.controller.store.db.session(write=True) as s:
            who = team.set_review(s, draft_id=draft_id, state=state)
        said = {
            "review": translate("ReviewActions", "Marked for review by {who}."),
            "approved": translate("ReviewActions", "Approved for submission by {who}."),
            None: translate("ReviewActions", "Review mark cleared by {who}."),
        }[state]
        w.statusBar().showMessage(said.format(who=who), 8000)
        w.refresh()
        w.select(draft_id)
