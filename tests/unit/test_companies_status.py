"""Companies kept once, followed by their open drafts and not by a submitted one; submitting locks a
draft (a revision kept), reopening is explicit and recorded; the application's states and their moves."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.applicant_facts import CompanyFacts, FinancialYear
from desktop.domain.company import Company, StandingDocument, company_from_draft
from desktop.domain.model import Contact
from desktop.rules.notice import parse_notice
from desktop.services import companies as svc
from desktop.storage import app_status
from desktop.storage import companies as store
from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.records import DraftLocked
from tests.unit.builders import draft
from tests.unit.test_notices import NOTICE

D = Decimal


def _company() -> Company:
    return Company(
        name="广州示例智能制造有限公司", credit_code="91440101MA59XXXX1Y", city="guangzhou", address="广州市黄埔区",
        legal_representative="陈建华", contact=Contact("林晓雯", "020-8888", "l@x.cn"),
        facts=CompanyFacts(registered_capital=D("10000000.00"), founded_on=date(2015, 3, 2), staff=320, rd_staff=85,
                           bank_name="工商银行广州分行", bank_account="3602000000000000000",
                           financials=[FinancialYear(2022 + i, D(f"{100 + i}000000.00")) for i in range(3)]),
        documents=[StandingDocument("business_licence", "营业执照", None, date(2015, 3, 2), None),
                   StandingDocument("center_approval", "省级创新中心批复", "粤工信〔2024〕1号", date(2024, 5, 1),
                                    date(2026, 3, 1))],
    )


def test_company_round_trip_and_list(db: Database) -> None:
    with db.session() as s:
        cid = store.create_company(s, company=_company())
        assert store.get_company(s, company_id=cid).company == _company()
        d1 = repo.create_draft(s, draft=draft()).id
        store.link_draft(s, draft_id=d1, company_id=cid)
        (summary,) = store.list_companies(s)
    assert (summary.id, summary.name, summary.drafts) == (cid, "广州示例智能制造有限公司", 1)


def test_a_company_edit_flows_into_open_drafts_not_a_submitted_one(db: Database) -> None:
    with db.session() as s:
        cid = store.create_company(s, company=_company())
        open_id = repo.create_draft(s, draft=draft()).id
        sent_id = repo.create_draft(s, draft=draft()).id
        other_id = repo.create_draft(s, draft=draft()).id  # not linked: never touched
        for d in (open_id, sent_id):
            svc.assign_company(s, draft_id=d, company_id=cid)
        app_status.set_state(s, draft_id=sent_id, state="submitted", on_date=date(2026, 3, 1))
    with db.session() as s:
        assert repo.get_draft(s, draft_id=open_id).draft.applicant.legal_representative == "陈建华"
        edited = copy.deepcopy(_company())
        edited.legal_representative = "王敏"
        edited.facts.staff = 333
        saved = svc.save_company(s, company_id=cid, company=edited, expected_version=1)
    assert saved.updated_drafts == [open_id] and saved.version == 2
    with db.session() as s:
        opened = repo.get_draft(s, draft_id=open_id).draft
        sent = repo.get_draft(s, draft_id=sent_id).draft
        other = repo.get_draft(s, draft_id=other_id).draft
    assert opened.applicant.legal_representative == "王敏" and opened.company_facts.staff == 333
    assert sent.applicant.legal_representative == "陈建华" and sent.company_facts.staff == 320
    assert other.applicant.legal_representative == "张三"


def test_submitting_locks_and_reopening_is_recorded(db: Database) -> None:
    with db.session() as s:
        stored = repo.create_draft(s, draft=draft())
        app_status.set_state(s, draft_id=stored.id, state="submitted", on_date=date(2026, 3, 1), note="网上提交")
    with db.session() as s:
        got = repo.get_draft(s, draft_id=stored.id)
        changed = copy.deepcopy(got.draft)
        changed.title = "改了"
        with pytest.raises(DraftLocked, match="submitted: it is locked; reopen it"):
            repo.save_draft(s, draft_id=stored.id, draft=changed, expected_version=got.version)
    with db.session() as s:
        (revision,) = [r for r in repo.list_revisions(s, draft_id=stored.id) if r.reason == "submitted"]
        with pytest.raises(app_status.StateRefused, match="reopen"):
            app_status.set_state(s, draft_id=stored.id, state="draft")
        app_status.reopen(s, draft_id=stored.id, note="补充发票")
    with db.session() as s:
        got = repo.get_draft(s, draft_id=stored.id)
        changed = copy.deepcopy(got.draft)
        changed.title = "改了"
        repo.save_draft(s, draft_id=stored.id, draft=changed, expected_version=got.version)
        events = app_status.history(s, draft_id=stored.id)
    assert [(e.state, e.note) for e in events] == [("submitted", "网上提交"), ("reopened", "补充发票")]
    assert events[0].revision_id == revision.id and events[0].on_date == date(2026, 3, 1)


def test_the_command_line_knows_every_state() -> None:
    from desktop.commands.drafts_status import MOVES_TO

    assert set(MOVES_TO) == set(app_status.STATES) - {"draft"}


def test_the_moves_of_an_application(db: Database) -> None:
    with db.session() as s:
        did = repo.create_draft(s, draft=draft()).id
        with pytest.raises(app_status.StateRefused, match="can move to submitted, not approved"):
            app_status.set_state(s, draft_id=did, state="approved")
        with pytest.raises(app_status.StateRefused, match='unknown state "won"'):
            app_status.set_state(s, draft_id=did, state="won")
        app_status.set_state(s, draft_id=did, state="submitted")
        app_status.set_state(s, draft_id=did, state="entered", on_date=date(2026, 5, 10))
        with pytest.raises(app_status.StateRefused, match="amount granted"):
            app_status.set_state(s, draft_id=did, state="rejected", granted=D("1.00"))
        app_status.set_state(s, draft_id=did, state="approved", on_date=date(2026, 9, 1), granted=D("1234567.89"))
        assert app_status.state_of(s, draft_id=did) == "approved"
        (row,) = repo.list_drafts(s)
        events = app_status.history(s, draft_id=did)
    assert [e.state for e in events] == ["submitted", "entered", "approved"]
    assert events[-1].granted == D("1234567.89")
    assert row.app_state == "approved" and row.granted == D("1234567.89")


def test_a_standing_document_expiring_before_the_deadline() -> None:
    notice = parse_notice(NOTICE, "n.yaml")  # last deadline 2026-04-15
    found = svc.documents_expiring(_company(), notice, date(2026, 1, 10))
    assert [d.kind for d in found] == ["center_approval"]
    assert svc.documents_expiring(_company(), None, date(2026, 1, 10)) == []


def test_a_company_from_a_draft() -> None:
    c = company_from_draft(draft())
    assert c.name == "广州测试创新中心有限公司" and c.contact.name == "李四"


def test_cli_drafts_status_and_reopen(tmp_path: Path) -> None:
    import subprocess
    import sys

    from desktop import paths

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", "--db", str(tmp_path / "d.sqlite3"), *args],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    assert cli("drafts", "import", str(paths.demo_draft_path())).stdout.strip() == "1"
    r = cli("drafts", "status", "1", "approved")
    assert r.returncode == 2 and "can move to submitted, not approved" in r.stderr
    r = cli("drafts", "status", "1", "submitted", "--on", "2026-03-01", "--note", "网上提交")
    assert r.returncode == 0 and "locked" in r.stdout
    r = cli("drafts", "status", "1", "approved", "--granted", "12.345")
    assert r.returncode == 2 and "at most two decimals" in r.stderr
    assert cli("drafts", "status", "1", "entered").returncode == 0
    r = cli("drafts", "status", "1")
    assert r.stdout.splitlines()[0] == "draft 1: entered (已入库 / Entered in the library)"
    assert "2026-03-01  submitted  — 网上提交" in r.stdout
    assert cli("drafts", "reopen", "1", "--note", "补件").returncode == 0
    assert "reopened  — 补件" in cli("drafts", "status", "1").stdout
