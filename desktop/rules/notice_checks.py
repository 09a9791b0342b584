"""The checks a notice adds (only when the draft names one): the project's start and finish inside the
notice's windows, the draft's track among the notice's tracks, and the deadline not yet past. And the check
of the draft's company's standing documents (a fact of another record, given to the checker like the
invoice numbers other drafts use): one that lapses before the notice's deadline, or is already lapsed on the
check date, is warned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

from desktop.domain import choices
from desktop.domain.company import StandingDocument
from desktop.domain.model import Draft
from desktop.rules.notice import Notice


class Out(Protocol):
    def add(self, rule: str, path: str, **params: str | tuple[str, str] | Decimal) -> None: ...


def days_left(notice: Notice, today: date) -> tuple[str, str, date, int] | None:
    """(label zh, label en, deadline, days from `today`: negative once past) of the notice's next deadline."""
    d = notice.next_deadline(today)
    if d is None:
        return None
    return d.label.zh, d.label.en, d.day, (d.day - today).days


def documents_expiring(
    documents: Sequence[StandingDocument], notice: Notice | None, as_of: date
) -> tuple[date, list[StandingDocument]]:
    """The day the documents must still be valid on (the notice's last deadline, never before `as_of`)
    and the documents no longer valid that day (their last valid day is before it)."""
    deadline = notice.final_deadline if notice is not None else None
    day = max(deadline.day, as_of) if deadline is not None else as_of
    return day, [d for d in documents if d.valid_until is not None and d.valid_until < day]


def check_documents(documents: Sequence[StandingDocument], notice: Notice | None, as_of: date, out: Out) -> None:
    day, lapsed = documents_expiring(documents, notice, as_of)
    for doc in lapsed:
        until = doc.valid_until.isoformat() if doc.valid_until else ""
        name = doc.name or doc.kind or ""
        number = f"（{doc.number}）" if doc.number else ""
        if notice is None or (doc.valid_until is not None and doc.valid_until < as_of):
            when = ("检查日期", "the check date")
        else:  # still valid today, lapsed by the deadline
            when = (f"申报通知 {notice.number} 的截止日期", f"the deadline of the notice {notice.number}")
        out.add("document_expires", "applicant.documents", document=name + number, until=until,
                day=day.isoformat(), when=when)


def check_notice(draft: Draft, notice: Notice, as_of: date, out: Out) -> None:
    p = draft.project
    number = notice.number
    if p.start_date is not None and p.start_date not in notice.project_start:
        out.add("project_start_outside_notice", "project.start_date", date=p.start_date.isoformat(),
                start=notice.project_start.start.isoformat(), end=notice.project_start.end.isoformat(),
                notice=number)
    if p.end_date is not None and p.end_date not in notice.project_finish:
        out.add("project_finish_outside_notice", "project.end_date", date=p.end_date.isoformat(),
                start=notice.project_finish.start.isoformat(), end=notice.project_finish.end.isoformat(),
                notice=number)
    if p.category is not None and p.category not in notice.tracks:
        zh, en = choices.CATEGORIES.get(p.category, (p.category, p.category))
        tracks = [choices.CATEGORIES.get(t, (t, t)) for t in notice.tracks]
        out.add("notice_other_track", "project.category", category=(zh, en), notice=number,
                tracks=("、".join(t[0] for t in tracks), ", ".join(t[1] for t in tracks)))
    last = notice.final_deadline
    if last is not None and as_of > last.day:
        out.add("deadline_passed", "notice", notice=number, deadline=last.day.isoformat(),
                label=(last.label.zh, last.label.en), days=str((as_of - last.day).days))
