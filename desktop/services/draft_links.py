"""The company link and the application's state, carried by the draft file (grant-draft/2 `company` and
`status`, both optional) so that a draft exported and imported again keeps them.

The database keeps both beside the draft (drafts.company_id, app_state, application_events); exporting
writes them into the file, importing links the draft to the company with the same credit code (made from
the draft's own values when this database has none) and puts the state and its history back: a submitted
draft stays locked. A draft that follows no company and was never submitted is written as before.
"""

from __future__ import annotations

from sqlmodel import Session

from desktop.domain.company import company_from_draft
from desktop.domain.model import ApplicationStatus, CompanyLink, Draft, StatusEvent
from desktop.storage import app_status
from desktop.storage import companies as store


def with_links(session: Session, draft_id: int, draft: Draft) -> Draft:
    """`draft` (the stored draft `draft_id`, just read) with its company link and its status set."""
    company_id = store.company_of(session, draft_id=draft_id)
    if company_id is not None:
        company = store.get_company(session, company_id=company_id).company
        draft.company = CompanyLink(company.credit_code, company.name)
    now = app_status.current(session, draft_id=draft_id)
    events = app_status.history(session, draft_id=draft_id)
    if now.state != "draft" or events:
        draft.status = ApplicationStatus(
            now.state, now.on_date, now.granted, now.note,
            [StatusEvent(e.state, e.on_date, e.granted, e.note) for e in events],
        )
    return draft


def restore_links(session: Session, draft_id: int, draft: Draft) -> None:
    """Link the newly stored draft to its company and put its status back, as its file says."""
    link = draft.company
    if link is not None and (link.credit_code or link.name):
        company_id = store.find_company(session, credit_code=link.credit_code, name=link.name)
        if company_id is None:
            company = company_from_draft(draft)
            company.name = link.name or company.name  # the company's own identity, as the file recorded it
            company.credit_code = link.credit_code or company.credit_code
            company_id = store.create_company(session, company=company)
        store.link_draft(session, draft_id=draft_id, company_id=company_id)
    status = draft.status
    if status is not None and status.state is not None:
        events = [(e.state, e.on_date, e.granted, e.note) for e in status.history if e.state is not None]
        state = app_status.AppState(status.state, status.on_date, status.granted, status.note)
        app_status.restore(session, draft_id=draft_id, state=state, events=events)
