"""The drafts list as people search it, duplicates they can tell apart, and invoices used twice.

`find_drafts` matches, ignoring case, the title, the applicant's name, its credit code (spaces and
dashes ignored), its city (by key or by its Chinese or English name) and the invoice number or
supplier of any equipment line. `duplicate_titled` copies a draft under a new title. `InvoiceReuse`
checks again, with the other drafts' invoice numbers, the drafts whose invoices another draft uses (or
used to), so the list's counts and its tooltip carry the re-use warning naming the other draft, as the
wizard shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, or_, select
from sqlmodel import Session

from desktop.domain.cities import CITIES
from desktop.domain.errors import DraftFormatError
from desktop.domain.evidence import draft_version
from desktop.domain.lang import choose
from desktop.rules.yamlnodes import PackError
from desktop.services.drafts import refresh_summary
from desktop.storage import repository as repo
from desktop.storage import tables, team
from desktop.storage.companies import CompanySummary as CompanySummary  # the drafts window types its filter
from desktop.storage.companies import list_companies
from desktop.storage.evidence_index import shared_invoice_numbers
from desktop.storage.records import conn_of
from desktop.storage.summary import DraftSummary as DraftSummary  # the drafts window types its rows

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


@dataclass
class InvoiceReuse:
    """What the drafts list knows of invoice numbers used by two drafts. `refresh` (in a writable
    session, each time the list is read) checks again every draft whose shared numbers changed since the
    last refresh (all that share one, the first time), with the other drafts' invoice numbers, stores its
    figures for the list, and keeps the re-use warnings, naming the other draft, in `notes`."""

    shared: dict[int, frozenset[tuple[str, str]]] | None = None
    notes: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # draft id -> [(zh, en)]

    def refresh(self, session: Session, as_of: date | None = None) -> list[int]:
        """The ids of the drafts checked again (their summary rows rewritten)."""
        now = shared_invoice_numbers(session)
        before = {} if self.shared is None else self.shared  # the first time: every draft sharing one
        changed = {i for i in set(now) | set(before) if now.get(i) != before.get(i)}
        self.shared = now
        checked = []
        for draft_id in sorted(changed):
            self.notes.pop(draft_id, None)
            try:
                draft = repo.get_draft(session, draft_id=draft_id).draft
            except (repo.DraftNotFound, repo.DamagedDraft, DraftFormatError):  # gone, or damaged: listed as such
                continue
            if draft_version(draft) < 2:  # a /1 draft is checked as before, without the other drafts
                continue
            try:
                assessment = refresh_summary(session, draft_id, draft, as_of)
            except PackError:
                continue
            checked.append(draft_id)
            found = [(assessment.message(f, "zh"), assessment.message(f, "en"))
                     for f in assessment.findings if f.rule == "evidence_invoice_elsewhere"]
            if found:
                self.notes[draft_id] = found
        return checked

    def note(self, draft_id: int, lang: str) -> str:
        """The draft's re-use warnings in `lang` ("" when there is none), one a line."""
        return "\n".join(choose(lang, zh, en) for zh, en in self.notes.get(draft_id, []))
