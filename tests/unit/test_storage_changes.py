"""apply_change: each kind of change stored in place gives exactly the draft the domain computes."""

from __future__ import annotations

import copy
import random
import re
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain import changes as ch
from desktop.domain.exchange import dumps
from desktop.domain.model import Attachment, Draft, EquipmentLine
from desktop.storage import repository as repo
from desktop.storage.database import Database
from tests.unit.storage_helpers import demo, random_change, stored_text


def _numbered(draft: Draft, n: int) -> Draft:
    base = draft.equipment
    draft.equipment = [copy.copy(base[i % len(base)]) for i in range(n)]
    for i, line in enumerate(draft.equipment):
        line.name = f"line {i}"
    return draft


def _applied_both_ways(db: Database, draft: Draft, draft_id: int, change: ch.Change, version: int) -> int:
    """`change` applied to `draft` and stored; the stored text must equal the domain's. The new version."""
    if isinstance(change, ch.RestoreLines):  # remove first, then put back: both stored
        removal = change.inverse(draft)
        removal.apply(draft)
        with db.session() as s:
            version = repo.apply_change(s, draft_id=draft_id, change=removal, expected_version=version)
    change.apply(draft)
    with db.session() as s:
        version = repo.apply_change(s, draft_id=draft_id, change=change, expected_version=version)
    assert stored_text(db, draft_id) == dumps(draft), change
    return version


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_changes_match_the_domain(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    draft = _numbered(demo(), 12)
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(draft))
    version, counter = stored.version, [0]
    for _ in range(60):
        change = random_change(rng, draft, counter)
        version = _applied_both_ways(db, draft, stored.id, change, version)
    with db.session() as s:
        assert repo.list_drafts(s)[0].line_count == len(draft.equipment)
        assert repo.get_draft(s, draft_id=stored.id).version == version


def test_every_scalar_path_round_trips(db: Database) -> None:
    draft = demo()
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(draft))
    changes = [
        ch.SetValue("title", "新标题"), ch.SetValue("program", "gd-ai-robotics-2025"),
        ch.SetValue("applicant.center_approved_on", None), ch.SetValue("applicant.city", "广州"),
        ch.SetValue("project.requested_subsidy", Decimal("12.345")), ch.SetValue("project.end_date", date(2028, 1, 2)),
        ch.SetValue(ch.line_path(2, "exchange_rate"), Decimal("7.1")), ch.SetValue(ch.line_path(2, "quantity"), None),
        ch.SetValue(ch.line_path(0, "unit_price"), None),
    ]
    version = stored.version
    for change in changes:
        change.apply(draft)
        with db.session() as s:
            version = repo.apply_change(s, draft_id=stored.id, change=change, expected_version=version)
    assert stored_text(db, stored.id) == dumps(draft)
    draft.attachments = [Attachment(kind="invoice", name="a.pdf", lines=[1])]
    with db.session() as s:
        version = repo.apply_change(
            s, draft_id=stored.id, change=ch.SetAttachments(tuple(draft.attachments)), expected_version=version
        )
        version = repo.apply_change(
            s, draft_id=stored.id, change=ch.SetValue("attachments[0].lines", [1, 2]), expected_version=version
        )
    draft.attachments[0].lines = [1, 2]
    assert stored_text(db, stored.id) == dumps(draft)


def test_a_cell_change_touches_one_row(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=_numbered(demo(), 50))
    statements: list[str] = []
    from sqlalchemy import event

    def log(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", log)
    with db.session() as s:
        repo.apply_change(s, draft_id=stored.id, change=ch.SetValue(ch.line_path(7, "quantity"), 3), expected_version=1)
    event.remove(db.engine, "before_cursor_execute", log)
    writes = [x for x in statements if x.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert len(writes) == 2  # the version, and the one line
    assert "equipment_lines" in writes[1] and re.search(r"position = (\?|%\(position_1\)s)", writes[1])


def test_stale_or_impossible_changes_write_nothing(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=demo())
    before = stored_text(db, stored.id)
    bad: list[ch.Change] = [
        ch.SetValue("equipment[99].quantity", 1), ch.SetValue("applicant.nonsense", 1), ch.RemoveLines((3, 99)),
        ch.MoveLines(10, 5, 12), ch.InsertLines(99, (EquipmentLine(),)), ch.ReplaceLine(99, EquipmentLine()),
    ]
    for change in bad:
        with pytest.raises((IndexError, KeyError)), db.session() as s:
            repo.apply_change(s, draft_id=stored.id, change=change, expected_version=1)
    with pytest.raises(repo.ConflictError) as err, db.session() as s:
        repo.apply_change(s, draft_id=stored.id, change=ch.SetValue("title", "x"), expected_version=0)
    assert err.value.current_version == 1
    with pytest.raises(repo.DraftNotFound), db.session() as s:
        repo.apply_change(s, draft_id=404, change=ch.SetValue("title", "x"), expected_version=1)
    assert stored_text(db, stored.id) == before
    with db.session() as s:
        assert repo.get_draft(s, draft_id=stored.id).version == 1


@pytest.mark.parametrize("seed", [4, 5])
def test_attachment_links_follow_their_lines_in_the_database(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    draft = _numbered(demo(), 12)
    draft.attachments = [
        Attachment(kind="invoice", name="a.pdf", lines=[0, 3, 11]),
        Attachment(kind="contract", name="b.pdf", lines=[]),
        Attachment(kind="acceptance_note", name="c.pdf", lines=[5]),
    ]
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(draft))
    version, counter = stored.version, [0]
    for _ in range(40):
        change = random_change(rng, draft, counter)
        if isinstance(change, ch.SetAttachments):
            continue
        version = _applied_both_ways(db, draft, stored.id, change, version)
