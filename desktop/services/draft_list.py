"""The drafts list as people search it, and duplicates they can tell apart.

`find_drafts` matches, ignoring case, the title, the applicant's name, its credit code (spaces and
dashes ignored), its city (by key or by its Chinese or English name) and the invoice number or
supplier of any equipment line. `duplicate_titled` copies a draft under a new title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlmodel import Session

from desktop.domain.cities import CITIES
from desktop.storage import repository as repo
from desktop.storage import tables, team
from desktop.storage.companies import CompanySummary, list_companies
from desktop.storage.records import conn_of
from desktop.storage.summary import DraftSummary

D = tables.drafts.c
L = tables.lines.c


def _cities(needle: str) -> list[str]:
    n = needle.casefold()
    return [c.key for c in CITIES if n in c.key.casefold() or n in c.zh or n in c.en.casefold()]


def find_drafts(session: Session, *, search: str | None = None, trash: bool = False) -> list[DraftSummary]:
    """The drafts list (repository order), only the drafts `search` finds when it is given."""
    rows = repo.list_drafts(session, trash=trash)
    needle = (search or "").strip()
    if not needle:
        return rows
    code = re.sub(r"[\s\-]+", "", needle)
    tests = [
        D.title.icontains(needle, autoescape=True),
        D.applicant_name.icontains(needle, autoescape=True),
        exists().where(L.draft_id == D.id, or_(L.invoice_number.icontains(needle, autoescape=True),
                                               L.supplier.icontains(needle, autoescape=True))),
    ]
    if code:
        tests.append(D.applicant_credit_code.icontains(code, autoescape=True))
    cities = _cities(needle)
    if cities:
        tests.append(D.applicant_city.in_(cities))
    found = {int(r[0]) for r in conn_of(session).execute(select(D.id).where(or_(*tests)))}
    return [r for r in rows if r.id in found]


def duplicate_titled(session: Session, *, draft_id: int, title: str) -> int:
    """A copy of the draft under `title`; its id."""
    return int(repo.duplicate_draft(session, draft_id=draft_id, title=title).id)


@dataclass(frozen=True)
class Listing:
    """What the drafts window shows: the rows found, the companies to filter by, who edits or reviews
    which draft, and the token `changed_since` compares."""

    rows: list[DraftSummary]
    companies: list[CompanySummary]
    team: dict[int, team.TeamInfo]
    token: tuple[object, ...]


def read_listing(session: Session, *, search: str | None = None, trash: bool = False) -> Listing:
    """The drafts window's refresh, in one read."""
    return Listing(find_drafts(session, search=search, trash=trash), list_companies(session),
                   team.team_info(session), team.change_token(session))


def change_token(session: Session) -> tuple[object, ...]:
    """One cheap query: a new value whenever any draft, lease or review mark changed."""
    return team.change_token(session)
