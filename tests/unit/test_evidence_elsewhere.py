"""One invoice on two drafts of the same database: the second draft is warned, naming the first; drafts
in the trash and grant-draft/1 drafts do not take part."""

from __future__ import annotations

import pytest

from desktop.domain.model import Invoice
from desktop.services import drafts as draft_service
from desktop.services.evidence import assess_stored, invoices_elsewhere_for
from desktop.storage import repository as repo
from desktop.storage.database import Database
from tests.conftest import AS_OF
from tests.unit.builders import draft, line
from tests.unit.evidence_builders import evidenced_line


@pytest.fixture
def db(sqlite_db: Database) -> Database:  # these tests run on SQLite alone
    return sqlite_db


def test_invoice_on_another_draft_is_warned_naming_it(db: Database) -> None:
    first = draft([evidenced_line(1)], title="2025 第一批")
    second = draft([evidenced_line(2), evidenced_line(3)], title="2026 申报")
    second.equipment[1].invoices.append(Invoice(" 2544200000000000 0001 ", None, None))  # first's, with spaces
    with db.session() as s:
        a = repo.create_draft(s, draft=first)
        b = repo.create_draft(s, draft=second)
    with db.session() as s:
        found = assess_stored(s, b.id, second, AS_OF)
        elsewhere = [(f.path, found.message(f, "zh")) for f in found.findings if f.rule == "evidence_invoice_elsewhere"]
        assert elsewhere == [(
            "equipment[1].invoices[1].number",
            "第 2 行的发票 2544200000000000 0001 已用于草稿「2025 第一批」：同一发票不能在两份申报中使用，请核对。",
        )]
        back = assess_stored(s, a.id, first, AS_OF)
        assert [f.path for f in back.findings if f.rule == "evidence_invoice_elsewhere"] == [
            "equipment[0].invoices[0].number"
        ]
        # the drafts list's figures count it too
        summary = draft_service.refresh_summary(s, b.id, second, AS_OF)
        assert "evidence_invoice_elsewhere" in {f.rule for f in summary.findings}
    with db.session() as s:
        repo.delete_draft(s, draft_id=a.id)
    with db.session() as s:
        assert invoices_elsewhere_for(s, b.id, second) == {}


def test_v1_invoice_numbers_count_but_v1_drafts_are_not_checked(db: Database) -> None:
    old = draft([line(invoice_number="25442000000000000002")], title="旧的 /1 草稿")
    new = draft([evidenced_line(2)], title="新草稿")
    with db.session() as s:
        a = repo.create_draft(s, draft=old)
        b = repo.create_draft(s, draft=new)
    with db.session() as s:
        assert invoices_elsewhere_for(s, b.id, new) == {"25442000000000000002": "旧的 /1 草稿"}
        assert invoices_elsewhere_for(s, a.id, old) is None
        assert "evidence_invoice_elsewhere" not in {f.rule for f in assess_stored(s, a.id, old, AS_OF).findings}


def test_a_damaged_draft_elsewhere_does_not_stop_the_check(db: Database) -> None:
    other = draft([line(invoice_number="25442000000000000005")], title="坏")
    mine = draft([evidenced_line(2)])
    with db.session() as s:
        bad = repo.create_draft(s, draft=other).id
        good = repo.create_draft(s, draft=mine).id
        s.connection().exec_driver_sql(
            "UPDATE drafts SET title = CAST(X'41FF42' AS TEXT) WHERE id = ?", (bad,)
        )
        s.connection().exec_driver_sql(
            "UPDATE equipment_lines SET invoices = '{not json' WHERE draft_id = ?", (bad,)
        )
    with db.session() as s:
        assert invoices_elsewhere_for(s, good, mine) == {"25442000000000000005": "A\ufffdB"}
