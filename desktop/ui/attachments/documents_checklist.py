"""The attachments step's checklist of the documents every applicant attaches (the rule pack's list):
each one ticked once an attachment of one of its kinds is in the draft. Texts are data (zh/en)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.domain.lang import choose
from desktop.services.packs import get_pack
from desktop.ui.wizard.step_text import plain

if TYPE_CHECKING:
    from desktop.domain.model import Draft
    from desktop.ui.attachments.attachments_page import AttachmentsPage
    from desktop.ui.wizard.session import DraftSession

HEAD = ("必备材料（缺少任何一项，申报书不能正式打印）：", "Required documents (the application cannot be printed as "
        "final while one is missing):")
COUNT = ("缺 {n} 项（共 {total} 项）", "{n} of {total} missing")
DONE, MISSING = "✓", "✗"


def checklist_lines(draft: Draft, lang: str) -> list[str]:
    """One line per required document: ✓ or ✗ and its name in `lang`."""
    try:
        documents = get_pack(draft.program).required_documents
    except Exception:  # a draft naming no known pack: the review step says so; nothing to list here
        return []
    kinds = {a.kind for a in draft.attachments if a.kind}
    return [f"{DONE if kinds.intersection(d.kinds) else MISSING} {choose(lang, d.zh, d.en)}" for d in documents]


class DocumentsChecklist(QLabel):
    def __init__(self, session: DraftSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plain(self)
        self.setWordWrap(True)
        self.setObjectName("documentsChecklist")
        self.session = session
        self.lang = "zh"
        session.changed.connect(lambda *_: self.refresh())

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.refresh()

    def refresh(self) -> None:
        lines = checklist_lines(self.session.draft, self.lang)
        self.setVisible(bool(lines))
        head = choose(self.lang, HEAD[0], HEAD[1])
        missing = sum(1 for line in lines if line.startswith(MISSING))
        count = choose(self.lang, COUNT[0], COUNT[1]).format(n=missing, total=len(lines)) if missing else ""
        self.setText(head + (" " + count if count else "") + "\n" + "    ".join(lines))
        self.setAccessibleName(head)


def install(page: AttachmentsPage, layout: QVBoxLayout, at: int) -> DocumentsChecklist:
    checklist = DocumentsChecklist(page.session, page)
    layout.insertWidget(at, checklist)
    checklist.refresh()
    return checklist
