"""A standing document of the draft's company (营业执照, the centre's approval ...) that lapses before the
notice's deadline, or is already lapsed on the check date, is warned: a finding naming the document and its
last valid day, counted with the warnings; silent when the documents hold, or the draft follows no company."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.company import Company, StandingDocument
from desktop.rules.assessment import Assessment
from desktop.rules.checker import IncrementalChecker, check
from desktop.services import companies as svc
from desktop.services.drafts import refresh_summary
from desktop.services.evidence import assess_stored
from desktop.services.notices import add_notice_text, pack_for
from desktop.storage import companies as store
from desktop.storage import repository as repo
from desktop.storage.database import Database
from tests.unit.test_notices import NOTICE, _with_notice

APPROVAL = StandingDocument("center_approval", "省级创新中心批复", "粤工信〔2024〕1号", date(2024, 5, 1),
                            date(2026, 3, 1))
LICENCE = StandingDocument("business_licence", "营业执照", None, date(2015, 3, 2), None)
TODAY = date(2026, 1, 10)  # the notice's last deadline is 2026-04-15


@pytest.fixture
def notice_added() -> None:
    add_notice_text(NOTICE, "test.yaml")


def _expiring(a: Assessment) -> list[tuple[str, str, object, object]]:
    return [(f.severity, f.path, f.params["document"], f.params["until"]) for f in a.findings
            if f.rule == "document_expires"]


def test_a_document_lapsing_before_the_deadline_is_warned(notice_added: None) -> None:
    d = _with_notice()
    pack = pack_for(d)
    quiet = check(d, pack, TODAY)
    a = check(d, pack, TODAY, None, [LICENCE, APPROVAL])
    assert _expiring(a) == [("warning", "applicant.documents", "省级创新中心批复（粤工信〔2024〕1号）", "2026-03-01")]
    assert a.warnings == quiet.warnings + 1 and a.errors == quiet.errors
    (f,) = [f for f in a.findings if f.rule == "document_expires"]
    message = a.message(f, "en")
    assert "valid until 2026-03-01" in message and "测试通知〔2026〕1号" in message and "2026-04-15" in message
    assert "2026-03-01" in a.message(f, "zh") and "截止日期" in a.message(f, "zh")
    assert a.pack.rules["document_expires"].basis == "practice"


def test_silent_when_the_documents_hold_or_no_company(notice_added: None) -> None:
    d = _with_notice()
    pack = pack_for(d)
    renewed = StandingDocument("center_approval", "省级创新中心批复", None, date(2024, 5, 1), date(2026, 4, 15))
    for documents in (None, [], [LICENCE], [LICENCE, renewed]):
        assert _expiring(check(d, pack, TODAY, None, documents)) == []


def test_without_a_notice_only_a_document_lapsed_on_the_check_date() -> None:
    d = _with_notice(notice=None)
    pack = pack_for(d)
    assert _expiring(check(d, pack, TODAY, None, [APPROVAL])) == []  # no deadline: still valid today
    a = check(d, pack, date(2026, 3, 2), None, [APPROVAL])
    assert _expiring(a) == [("warning", "applicant.documents", "省级创新中心批复（粤工信〔2024〕1号）", "2026-03-01")]
    (f,) = [f for f in a.findings if f.rule == "document_expires"]
    assert "the check date" in a.message(f, "en")


def test_the_incremental_checker_gives_the_same(notice_added: None) -> None:
    d = _with_notice()
    pack = pack_for(d)
    checker = IncrementalChecker(pack, TODAY)
    checker.company_documents = [APPROVAL]
    assert checker.run(d).findings == check(d, pack, TODAY, None, [APPROVAL]).findings
    checker.company_documents = None
    assert _expiring(checker.run(d)) == []


def test_the_service_reads_as_the_checker(notice_added: None) -> None:
    notice = pack_for(_with_notice()).notice
    company = Company(name="x", documents=[LICENCE, APPROVAL])
    assert svc.documents_expiring(company, notice, TODAY) == [APPROVAL]
    assert svc.documents_expiring(company, None, TODAY) == []
    assert svc.documents_expiring(company, None, date(2026, 3, 2)) == [APPROVAL]


@pytest.fixture
def db(sqlite_db: Database) -> Database:  # these tests run on SQLite alone
    return sqlite_db


def test_a_stored_draft_is_checked_with_its_company(db: Database, notice_added: None) -> None:
    d = _with_notice()
    with db.session() as s:
        did = repo.create_draft(s, draft=d).id
        before = refresh_summary(s, did, d, TODAY)
        assert svc.company_documents_for(s, did) is None and _expiring(before) == []
        cid = store.create_company(s, company=Company(name="广州测试创新中心有限公司", documents=[LICENCE, APPROVAL]))
        store.link_draft(s, draft_id=did, company_id=cid)
        assert svc.company_documents_for(s, did) == [LICENCE, APPROVAL]
        after = refresh_summary(s, did, d, TODAY)
        assert len(_expiring(after)) == 1 and after.warnings == before.warnings + 1
        assert len(_expiring(assess_stored(s, did, d, TODAY))) == 1
        (row,) = repo.list_drafts(s)
        assert row.warnings == after.warnings  # the drafts list counts it
        due = svc.documents_due(s, company_id=cid, company=store.get_company(s, company_id=cid).company,
                                today=TODAY)
        assert (due.day, due.lapsed, due.notice is not None) == (date(2026, 4, 15), [APPROVAL], True)
        store.link_draft(s, draft_id=did, company_id=None)
        assert _expiring(refresh_summary(s, did, d, TODAY)) == []
