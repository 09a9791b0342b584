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

from desktop.domain.company import Company, StandingDocument, apply_company, expiring_documents
from desktop.domain.model import Draft
from desktop.rules.notice import Notice
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
    """The standing documents no longer valid on the notice's last deadline (or today without one)."""
    deadline = notice.final_deadline if notice is not None else None
    day = max(deadline.day, today) if deadline is not None else today
    return expiring_documents(company, day)
