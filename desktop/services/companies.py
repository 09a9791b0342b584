"""Companies kept once, and the drafts that follow them.

A draft linked to a company takes the company's identity and facts whenever the company is saved, as
long as the draft is still a draft; a submitted draft keeps the values it was submitted with (its own
copy, and the revision kept at submission). A standing document that lapses before the notice's
deadline is warned about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from desktop.domain.company import Company, StandingDocument, apply_company
from desktop.domain.model import Draft
from desktop.rules import notice_checks
from desktop.rules.notice import Notice
from desktop.rules.yamlnodes import PackError
from desktop.services.notices import get_notice
from desktop.storage import companies as store
from desktop.storage import repository as repo
from desktop.storage.companies import create_company as create_company
from desktop.storage.companies import get_company as get_company
from desktop.storage.companies import list_companies as list_companies


@dataclass(frozen=True, slots=True)
class CompanySaved:
    version: int
    updated_drafts: list[int]  # the open drafts that took the new values


def _follow(session: Session, draft_id: int, company: Company) -> bool:
    stored = repo.get_draft(session, draft_id=draft_id)
    draft = stored.draft
    before = (repr(draft.applicant), repr(draft.company_facts))
    apply_company(draft, company)
    if (repr(draft.applicant), repr(draft.company_facts)) == before:
        return False
    repo.save_draft(session, draft_id=draft_id, draft=draft, expected_version=stored.version)
    return True


def save_company(session: Session, *, company_id: int, company: Company, expected_version: int) -> CompanySaved:
    """Save the company and carry its values into every open (not submitted) draft that follows it."""
    version = store.save_company(session, company_id=company_id, company=company, expected_version=expected_version)
    updated = [d for d in store.open_drafts_of(session, company_id=company_id) if _follow(session, d, company)]
    return CompanySaved(version, updated)


def assign_company(session: Session, *, draft_id: int, company_id: int) -> None:
    """Link the draft to the company and take its values now (refused for a submitted draft: the lock)."""
    company = store.get_company(session, company_id=company_id).company
    _follow(session, draft_id, company)
    store.link_draft(session, draft_id=draft_id, company_id=company_id)


def company_for_new_draft(session: Session, *, company_id: int) -> Draft:
    """A new draft filled in from the company (the caller stores it and links it)."""
    draft = Draft(format_version=2)
    apply_company(draft, store.get_company(session, company_id=company_id).company)
    return draft


def documents_expiring(company: Company, notice: Notice | None, today: date) -> list[StandingDocument]:
    """The standing documents no longer valid on the notice's last deadline (or today without one): the
    checker's own reading (rules/notice_checks.py)."""
    return notice_checks.documents_expiring(company.documents, notice, today)[1]


def company_documents_for(session: Session, draft_id: int | None) -> list[StandingDocument] | None:
    """The standing documents of the company the stored draft follows (the checker's input), None when it
    follows none. A submitted draft is checked with them too: the documents lapse whatever the draft's state."""
    company_id = None if draft_id is None else store.company_of(session, draft_id=draft_id)
    if company_id is None:
        return None
    try:
        return store.get_company(session, company_id=company_id).company.documents
    except store.CompanyNotFound:
        return None


@dataclass(frozen=True, slots=True)
class DocumentsDue:
    day: date  # the day the documents must still be valid on
    notice: Notice | None  # the notice whose deadline that is (None: the check date itself)
    lapsed: list[StandingDocument]


def documents_due(session: Session, *, company_id: int | None, company: Company, today: date) -> DocumentsDue:
    """What the company dialog says beside the documents: those no longer valid on the latest deadline of the
    notices its open drafts name (today without one). A notice that cannot be read is passed over (the
    drafts that name it say so)."""
    notices: list[Notice] = []
    for notice_id in [] if company_id is None else store.notices_of(session, company_id=company_id):
        try:
            notices.append(get_notice(notice_id))
        except PackError:
            continue
    dated = [n for n in notices if n.final_deadline is not None]
    latest = max(dated, key=lambda n: n.final_deadline.day if n.final_deadline else today, default=None)
    day, lapsed = notice_checks.documents_expiring(company.documents, latest, today)
    return DocumentsDue(day, latest if latest is not None and day > today else None, lapsed)
