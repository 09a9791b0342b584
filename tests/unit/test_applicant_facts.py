"""The facts of the application's parts (grant-draft/2): read and written strictly, refused in /1,
kept by the database, and a /1 draft without them still written as /1."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.applicant_facts import (
    CompanyFacts,
    FinancialYear,
    Indicator,
    Person,
    ProjectFacts,
    holds_something,
)
from desktop.domain.errors import DraftFormatError
from desktop.domain.evidence import draft_version
from desktop.domain.exchange import draft_to_data, dumps, loads
from desktop.domain.model import Draft
from desktop.domain.schema import draft_schema
from desktop.storage import repository as repo
from desktop.storage.database import Database
from tests.unit.builders import draft
from tests.unit.storage_helpers import round_trip


def facts_draft() -> Draft:
    d = draft()
    d.company_facts = CompanyFacts(
        registered_capital=Decimal("50000000.00"), founded_on=date(2018, 3, 1), staff=320, rd_staff=85,
        bank_name="中国工商银行广州天河支行", bank_account="3602000109000123456",
        financials=[
            FinancialYear(2022 + i, Decimal("1.5E8") + i, Decimal("1200000.50"), Decimal("9000000"),
                          Decimal("300000000"), Decimal("120000000"))
            for i in range(3)
        ],
    )
    d.project_facts = ProjectFacts(
        recommender="广州市工业和信息化局", leader=Person("张三", "13800000001"),
        contact=Person("李四", "13800000002"), finance_officer=Person("王五", "13800000003"),
        application_date=date(2026, 3, 1),
        indicators=[Indicator("output", "购置研发设备", "台(套)", Decimal("2")),
                    Indicator("effect", "新增发明专利申请", "件", Decimal("3"))],
    )
    return d


def test_facts_round_trip_exactly() -> None:
    d = facts_draft()
    got = loads(dumps(d))
    assert got == d
    assert got.format_version == 2 and json.loads(dumps(d))["format"] == "grant-draft/2"
    assert json.loads(dumps(d))["company_facts"]["financials"][0]["revenue"] == "150000000"


def test_a_v1_draft_without_facts_stays_v1() -> None:
    d = draft()
    assert not holds_something(d.company_facts) and not holds_something(d.project_facts)
    assert draft_version(d) == 1
    data = draft_to_data(d)
    assert data["format"] == "grant-draft/1" and "company_facts" not in data and "project_facts" not in data


def test_facts_make_the_draft_v2() -> None:
    d = draft()
    d.project_facts.leader.mobile = "13800000001"
    assert draft_version(d) == 2


def test_facts_in_a_v1_file_are_refused_with_their_path() -> None:
    data = draft_to_data(draft())
    data["company_facts"] = {"staff": 3}
    with pytest.raises(DraftFormatError) as info:
        loads(json.dumps(data))
    assert info.value.path == "company_facts" and "grant-draft/2" in info.value.message


@pytest.mark.parametrize(("key", "value", "path"), [
    ("company_facts", {"staff": "many"}, "company_facts.staff"),
    ("company_facts", {"financials": [{"revenue": 1.5}]}, "company_facts.financials[0].revenue"),
    ("company_facts", {"bank": "x"}, "company_facts.bank"),
    ("project_facts", {"indicators": [{"kind": "outcome"}]}, "project_facts.indicators[0].kind"),
    ("project_facts", {"leader": {"phone": "1"}}, "project_facts.leader.phone"),
    ("project_facts", {"application_date": "2026-02-30"}, "project_facts.application_date"),
])
def test_bad_facts_are_refused_with_their_path(key: str, value: object, path: str) -> None:
    data = draft_to_data(facts_draft())
    data[key] = value
    with pytest.raises(DraftFormatError) as info:
        loads(json.dumps(data))
    assert info.value.path == path


def test_schema_v2_has_the_facts_and_v1_does_not() -> None:
    v2 = draft_schema(2)["properties"]
    assert set(v2["company_facts"]["properties"]) >= {"registered_capital", "financials", "bank_account"}
    assert set(v2["project_facts"]["properties"]["indicators"]["items"]["properties"]) == {
        "kind", "name", "unit", "target"}
    assert "company_facts" not in draft_schema(1)["properties"]


@pytest.fixture
def db(sqlite_db: Database) -> Database:  # these tests run on SQLite alone
    return sqlite_db


def test_facts_are_kept_by_the_database(db: Database) -> None:
    round_trip(db, facts_draft())  # asserts it comes back the same


def test_facts_are_changed_value_by_value_in_the_database(db: Database) -> None:
    from desktop.domain.changes import SetValue

    d = draft()
    with db.session() as s:
        stored = repo.create_draft(s, draft=copy.deepcopy(d))
    changes = [
        SetValue("project_facts.leader.mobile", "13800000001"),
        SetValue("company_facts.staff", 320),
        SetValue("company_facts.financials", [FinancialYear(2024, Decimal("1.50"))]),
        SetValue("project_facts.indicators", [Indicator("output", "购置研发设备", "台(套)", Decimal("2"))]),
        SetValue("project_facts.application_date", date(2026, 3, 1)),
    ]
    version = 1
    for change in changes:
        change.apply(d)
        with db.session() as s:
            version = repo.apply_change(s, draft_id=stored.id, change=change, expected_version=version)
    with db.session() as s:
        got = repo.get_draft(s, draft_id=stored.id).draft
    assert got == d and got.company_facts.financials[0].revenue == Decimal("1.50")
    assert draft_version(got) == 2
    for change in (SetValue("company_facts.staff", None), SetValue("company_facts.financials", [])):
        with db.session() as s:
            version = repo.apply_change(s, draft_id=stored.id, change=change, expected_version=version)
    with db.session() as s:
        row = s.connection().exec_driver_sql("SELECT company_facts FROM drafts WHERE id = ?", (stored.id,)).one()
    assert row[0] is None  # emptied again: nothing stored
