"""grant-draft/2's optional `company` and `status`: a draft exported and imported again keeps its company
link and where its application is (a submitted draft stays locked); grant-draft/1 files and /2 files
without these keys read, write and check exactly as before."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop import paths
from desktop.domain.company import Company, StandingDocument
from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import draft_to_data, dumps, loads
from desktop.domain.model import ApplicationStatus, CompanyLink, StatusEvent
from desktop.domain.schema import draft_schema
from desktop.services.checking import assess
from desktop.services.drafts import export_draft, import_draft
from desktop.storage import app_status
from desktop.storage import companies as store
from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.records import DraftLocked
from tests.unit.builders import draft, draft_json
from tests.unit.storage_helpers import demo, new_db

CODE = "91440101MA59XXXX1Y"


@pytest.fixture
def db(sqlite_db: Database) -> Database:  # these tests run on SQLite alone
    return sqlite_db


def _keys_in(data: object, schema: dict[str, Any], path: str = "") -> None:
    """Every key of `data` is one the schema describes (objects, lists and nullable objects walked)."""
    for option in schema.get("anyOf", [schema]):
        if isinstance(data, dict) and "properties" in option:
            for key, value in data.items():
                assert key in option["properties"], f"{path}.{key} is not in the schema"
                _keys_in(value, option["properties"][key], f"{path}.{key}")
        elif isinstance(data, list) and "items" in option:
            for i, item in enumerate(data):
                _keys_in(item, option["items"], f"{path}[{i}]")


def _validate(data: object, version: int) -> None:
    _keys_in(data, draft_schema(version))
    status = draft_schema(version)["properties"]["status"]["properties"]
    assert status["state"]["enum"] == ["draft", "submitted", "entered", "approved", "rejected"]
    if isinstance(data, dict) and isinstance(data.get("status"), dict):
        assert data["status"].get("state") in status["state"]["enum"]


def test_files_without_the_keys_read_write_and_check_as_before() -> None:
    v1 = draft_json()
    d1 = loads(v1)
    assert (d1.company, d1.status) == (None, None)
    assert json.loads(dumps(d1)) == json.loads(v1) and json.loads(dumps(d1))["format"] == "grant-draft/1"
    data = json.loads(paths.demo_draft_path().read_text(encoding="utf-8"))
    data["format"] = "grant-draft/2"
    d2 = loads(json.dumps(data, ensure_ascii=False))
    assert (d2.company, d2.status) == (None, None)
    written = draft_to_data(d2)
    assert set(written) == set(draft_schema(2)["properties"]) - {"company", "status"}
    assert dumps(loads(dumps(d2))) == dumps(d2)
    a = assess(d2, date(2026, 6, 1))
    assert not [f for f in a.findings if f.path.split(".")[0] in ("company", "status")]
    _validate(data, 2)


def test_the_keys_are_version_2_only_and_read_strictly() -> None:
    data = json.loads(draft_json())
    data["company"] = {"credit_code": CODE, "name": "x"}
    with pytest.raises(DraftFormatError, match='only in grant-draft/2'):
        loads(json.dumps(data))
    data["format"] = "grant-draft/2"
    data["status"] = {"state": "won"}
    with pytest.raises(DraftFormatError, match="status.state: expected one of draft, submitted"):
        loads(json.dumps(data))
    data["status"] = {"state": "submitted", "history": [{"state": "submitted", "on_date": "2026-02-30"}]}
    with pytest.raises(DraftFormatError, match=r"status.history\[0\].on_date"):
        loads(json.dumps(data))


def test_a_draft_with_the_keys_round_trips_and_validates() -> None:
    d = draft()
    d.company = CompanyLink(CODE, "广州示例智能制造有限公司")
    d.status = ApplicationStatus("approved", date(2026, 9, 1), Decimal("1234567.89"), "批复",
                                 [StatusEvent("submitted", date(2026, 4, 1)), StatusEvent("reopened", date(2026, 4, 2)),
                                  StatusEvent("submitted", date(2026, 4, 3)),
                                  StatusEvent("approved", date(2026, 9, 1), Decimal("1234567.89"), "批复")])
    data = json.loads(dumps(d))
    assert data["format"] == "grant-draft/2"  # a /1 draft carrying them is written as /2
    assert data["company"] == {"credit_code": CODE, "name": "广州示例智能制造有限公司"}
    assert data["status"]["granted"] == "1234567.89" and data["status"]["history"][1]["state"] == "reopened"
    assert loads(dumps(d)) == d
    _validate(data, 2)


def _linked_submitted(db: Database) -> int:
    with db.session() as s:
        did = repo.create_draft(s, draft=draft()).id
        cid = store.create_company(s, company=Company(
            name="广州示例智能制造有限公司", credit_code=CODE,
            documents=[StandingDocument("business_licence", "营业执照", None, None, None)]))
        store.link_draft(s, draft_id=did, company_id=cid)
        app_status.set_state(s, draft_id=did, state="submitted", on_date=date(2026, 4, 1), note="网上填报")
        app_status.reopen(s, draft_id=did, note="补材料")
        app_status.set_state(s, draft_id=did, state="submitted", on_date=date(2026, 4, 3))
    return did


def test_export_then_import_keeps_company_and_status(db: Database, tmp_path: Path) -> None:
    did = _linked_submitted(db)
    out = tmp_path / "d.json"
    with db.session() as s:
        export_draft(s, did, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["company"] == {"credit_code": CODE, "name": "广州示例智能制造有限公司"}
    assert data["status"]["state"] == "submitted" and data["status"]["on_date"] == "2026-04-03"
    assert [e["state"] for e in data["status"]["history"]] == ["submitted", "reopened", "submitted"]
    assert data["status"]["history"][1]["note"] == "补材料"
    _validate(data, 2)

    with db.session() as s:  # the same database: linked to the same company again, no copy of it
        again = import_draft(s, out).id
        assert store.company_of(s, draft_id=again) == store.company_of(s, draft_id=did)
        assert len(store.list_companies(s)) == 1

    other = new_db(tmp_path, "other.sqlite3")  # another database: the company is made from the draft
    try:
        with other.session() as s:
            new = import_draft(s, out)
            (company,) = store.list_companies(s)
            assert (company.credit_code, company.name) == (CODE, "广州示例智能制造有限公司")
            assert store.company_of(s, draft_id=new.id) == company.id
            assert app_status.state_of(s, draft_id=new.id) == "submitted"
            assert app_status.current(s, draft_id=new.id).on_date == date(2026, 4, 3)
            history = app_status.history(s, draft_id=new.id)
            assert [(e.state, e.on_date, e.note) for e in history] == [
                ("submitted", date(2026, 4, 1), "网上填报"), ("reopened", history[1].on_date, "补材料"),
                ("submitted", date(2026, 4, 3), None)]
            stored = repo.get_draft(s, draft_id=new.id)
            with pytest.raises(DraftLocked):  # a submitted draft imported stays locked
                repo.save_draft(s, draft_id=new.id, draft=stored.draft, expected_version=stored.version)
            round_trip = tmp_path / "again.json"
            export_draft(s, new.id, round_trip)
        assert json.loads(round_trip.read_text(encoding="utf-8"))["status"] == data["status"]
    finally:
        other.close()


def test_a_plain_draft_exports_without_the_keys(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        did = repo.create_draft(s, draft=demo()).id
        export_draft(s, did, tmp_path / "plain.json")
    data = json.loads((tmp_path / "plain.json").read_text(encoding="utf-8"))
    assert "company" not in data and "status" not in data


def test_an_archive_keeps_them_too(db: Database, tmp_path: Path) -> None:
    from desktop.services.evidence_files import export_archive, import_archive

    did = _linked_submitted(db)
    export_archive(db, did, tmp_path / "d.zip")
    other = new_db(tmp_path, "other.sqlite3")
    try:
        stored, _missing = import_archive(other, tmp_path / "d.zip")
        with other.session() as s:
            assert app_status.state_of(s, draft_id=stored.id) == "submitted"
            assert [e.state for e in app_status.history(s, draft_id=stored.id)] == ["submitted", "reopened",
                                                                                     "submitted"]
            (company,) = store.list_companies(s)
            assert store.company_of(s, draft_id=stored.id) == company.id and company.credit_code == CODE
    finally:
        other.close()
