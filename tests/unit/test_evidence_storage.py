"""A line's evidence in the database: stored and loaded exactly, changed field by field (on SQLite and
PostgreSQL), and a first-schema database upgraded (r0002) keeps its drafts and takes evidence (an SQLite
file: the first schema only ever shipped as one)."""

from __future__ import annotations

import copy
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.domain.changes import Change, InsertLines, MoveLines, ReplaceLine, SetValue, line_path
from desktop.domain.exchange import dumps
from desktop.domain.model import Contract, Draft, Invoice, LineFile, Payment
from desktop.storage import repository as repo
from desktop.storage.database import Database, open_database
from tests.unit.builders import draft
from tests.unit.evidence_builders import evidenced_line, sha
from tests.unit.storage_helpers import demo, round_trip, stored_text

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "storage-r0001.sql"


def _evidenced() -> Draft:
    d = draft([evidenced_line(0, quantity=2), evidenced_line(1)])
    d.equipment[1].invoices.append(Invoice("  ", None, Decimal("0.125")))
    d.equipment[1].payments.append(Payment(None, None, None))
    d.equipment[1].imported = True
    d.equipment[1].customs_declaration = "530120250123456789"
    d.equipment.append(copy.copy(d.equipment[0]))
    d.equipment[2] = evidenced_line(2)
    d.equipment[2].contract = Contract(None, date(2025, 9, 1))
    return d


def test_evidence_round_trips_exactly(db: Database) -> None:
    got = round_trip(db, _evidenced())
    assert got.equipment[1].invoices[1].amount == Decimal("0.125") and got.equipment[1].imported is True


def test_plain_lines_leave_the_evidence_columns_empty(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=demo())
        filled = s.connection().execute(text(
            "SELECT count(*) FROM equipment_lines WHERE draft_id = :d AND (invoices IS NOT NULL OR files IS NOT NULL"
            " OR contract_number IS NOT NULL OR imported IS NOT NULL)"), {"d": stored.id}
        ).scalar()
        version = s.connection().exec_driver_sql("SELECT format_version FROM drafts").scalar()
    assert filled == 0 and version == 1
    assert stored_text(db, stored.id) == dumps(demo())


def test_format_version_two_is_kept_without_evidence(db: Database) -> None:
    d = draft()
    d.format_version = 2
    with db.session() as s:
        stored = repo.create_draft(s, draft=d)
    assert stored_text(db, stored.id).startswith('{\n  "format": "grant-draft/2"')


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("invoices", [Invoice("123", date(2025, 12, 1), Decimal("10.00"))]),
        ("invoices", []),
        ("payments", [Payment(date(2026, 1, 2), Decimal("10.00"), "acceptance_bill")]),
        ("files", [LineFile("nameplate_photo", sha(9), "铭牌.jpg", 10)]),
        ("contract", Contract("HT-9", date(2025, 9, 9))),
        ("acceptance_date", date(2026, 2, 1)),
        ("asset_tag", "ZC-9"),
        ("imported", True),
        ("customs_declaration", None),
    ],
)
def test_one_evidence_field_changed_in_place(db: Database, field: str, value: object) -> None:
    d = _evidenced()
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(d))
    change = SetValue(line_path(1, field), value)
    with db.session() as s:
        repo.apply_change(s, draft_id=stored.id, change=change, expected_version=1)
    change.apply(d)
    assert stored_text(db, stored.id) == dumps(d)


def test_lines_with_evidence_move_insert_and_replace(db: Database) -> None:
    d = _evidenced()
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(d))
    changes: list[Change] = [
        MoveLines(0, 1, 2), InsertLines(1, (evidenced_line(7),)), ReplaceLine(0, evidenced_line(8)),
    ]
    version = 1
    for change in changes:
        with db.session() as s:
            version = repo.apply_change(s, draft_id=stored.id, change=change, expected_version=version)
        change.apply(d)
    assert stored_text(db, stored.id) == dumps(d)


def test_first_schema_database_upgrades_and_takes_evidence(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    con = sqlite3.connect(path)
    con.executescript(FIXTURE.read_text(encoding="utf-8"))
    before = con.execute("SELECT snapshot FROM revisions").fetchone()[0]
    con.close()
    db = open_database(str(path), today=date(2026, 6, 1))
    with db.session() as s:
        (summary,) = repo.list_drafts(s)
        old = repo.get_draft(s, draft_id=summary.id)
        assert dumps(old.draft) == before and old.draft.format_version == 1
        d = old.draft
        d.equipment[0] = evidenced_line(3)
        repo.save_draft(s, draft_id=summary.id, draft=d, expected_version=old.version)
    with db.session() as s:
        assert repo.get_draft(s, draft_id=summary.id).draft.equipment[0] == evidenced_line(3)
    db.close()
