"""The checks a notice adds (only when the draft names one): the project's start and finish inside the
notice's windows, the draft's track among the notice's tracks, and the deadline not yet past."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Protocol

from desktop.domain import choices
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
