"""Application notices: strict reading, their windows in the checker, deadlines, and `packs` commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.exchange import dumps, loads
from desktop.domain.model import Draft, Invoice, Payment
from desktop.rules.checker import IncrementalChecker, check
from desktop.rules.notice import load_notice_file, parse_notice
from desktop.rules.yamlnodes import PackError
from desktop.services.notices import add_notice_text, get_notice, list_notices, pack_for
from desktop.services.report import deadline_text, render_text
from tests.unit.builders import draft, line

D = Decimal
SHIPPED = Path(__file__).resolve().parents[2] / "seeds" / "notices" / "gd-ai-benchmark-2026-entry.yaml"

NOTICE = """\
id: test-2026
program: gd-ai-robotics-2025
tracks: [innovation_center]
number: 测试通知〔2026〕1号
title: {zh: 测试通知, en: Test notice}
issuer: {zh: 测试厅, en: Test office}
basis: reprint
source: test
windows:
  invoices: {start: 2022-07-01, end: 2025-07-31}
  payments: {start: 2022-07-01, end: 2025-07-31}
  project_start: {start: 2022-07-01, end: 2025-07-31}
  project_finish: {start: 2022-07-01, end: 2025-07-31}
deadlines:
  - {id: online, zh: 网上填报截止, en: online entry closes, date: 2026-03-31}
  - {id: paper, zh: 纸质材料报送截止, en: paper copies due, date: 2026-04-15}
"""


def _with_notice(**over: object) -> Draft:
    d = draft(
        [line(purchase_date=date(2023, 3, 1)),
         line(purchase_date=date(2025, 10, 15), invoice_number="25442000000012345679")],
        project__start_date=date(2023, 1, 1), project__end_date=date(2025, 6, 30),
    )
    d.notice = "test-2026"
    for k, v in over.items():
        setattr(d, k, v)
    return d


@pytest.fixture
def notice_added() -> None:
    add_notice_text(NOTICE, "test.yaml")


def test_the_shipped_flagship_notice_reads() -> None:
    n = load_notice_file(SHIPPED)
    assert n.number == "粤工信数字产业函〔2025〕24号" and n.tracks == ("ai_benchmark",)
    assert (n.invoices.start, n.invoices.end) == (date(2022, 7, 1), date(2025, 7, 31))
    assert (n.payments.start, n.payments.end) == (date(2022, 7, 1), date(2025, 7, 31))
    assert any(doc.kinds == ("completion_note",) for doc in n.required_documents or ())
    assert n.deadlines == ()  # the reprints give none: nothing is made up


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("tracks:", "trackz:", 3, 'unknown key "trackz"'),
        ("end: 2025-07-31}\n  payments", "end: 2025-07-32}\n  payments", 10, "a date written YYYY-MM-DD"),
        ("payments: {start: 2022-07-01, end: 2025-07-31}", "payments: {start: 2025-07-31, end: 2022-07-01}", 11,
         "ends (2022-07-01) before it starts (2025-07-31)"),
        ("project_finish: {start: 2022-07-01, end: 2025-07-31}", "project_finish: {start: 2020-01-01, end: 2021-12-31}",
         13, "finish"),
        ("date: 2026-04-15}", "date: 15/04/2026}", 16, "a date written YYYY-MM-DD"),
    ],
)
def test_a_bad_notice_is_refused_naming_file_and_line(old: str, new: str, line: int, words: str) -> None:
    assert old in NOTICE
    with pytest.raises(PackError) as e:
        parse_notice(NOTICE.replace(old, new, 1), "my-notice.yaml")
    assert str(e.value).startswith(f"my-notice.yaml, line {line}: ")
    assert words in str(e.value)


def test_a_notice_window_changes_which_lines_count(notice_added: None) -> None:
    plain = draft([line(purchase_date=date(2023, 3, 1)), line(purchase_date=date(2025, 10, 15),
                                                               invoice_number="25442000000012345679")])
    before = check(plain, pack_for(plain), date(2026, 1, 10))
    assert [r.eligible for r in before.lines] == [False, True]
    d = _with_notice()
    a = check(d, pack_for(d), date(2026, 1, 10))
    assert [r.eligible for r in a.lines] == [True, False]
    assert a.lines[1].reasons == ("outside_window",)
    excluded = [f for f in a.findings if f.rule == "line_excluded_window"]
    assert [f.path for f in excluded] == ["equipment[1].purchase_date"]
    assert "2022-07-01" in a.message(excluded[0]) and "测试通知〔2026〕1号" in a.clause(excluded[0])
    assert a.basis(excluded[0]) == "reprint"
    # the incremental checker agrees
    assert IncrementalChecker(pack_for(d), date(2026, 1, 10)).run(d).findings == a.findings


def test_invoice_and_payment_dates_against_the_notice(notice_added: None) -> None:
    d = _with_notice()
    d.equipment[0].invoices = [Invoice("25442000000012345678", date(2023, 3, 1), D("50000.00"))]
    d.equipment[0].payments = [Payment(date(2025, 9, 10), D("50000.00"), "bank_transfer")]
    a = check(d, pack_for(d), date(2026, 1, 10))
    rules = {(f.rule, f.path) for f in a.findings}
    assert ("evidence_payment_outside_window", "equipment[0].payments[0].date") in rules
    assert not any(r == "evidence_invoice_outside_window" and p.startswith("equipment[0]") for r, p in rules)
    # the same evidence without the notice: the invoice is outside the policy period, the payment inside
    d.notice = None
    b = check(d, pack_for(d), date(2026, 1, 10))
    rules = {(f.rule, f.path) for f in b.findings}
    assert ("evidence_invoice_outside_window", "equipment[0].invoices[0].date") in rules
    assert ("evidence_payment_outside_window", "equipment[0].payments[0].date") not in rules


def test_project_dates_track_and_deadline(notice_added: None) -> None:
    d = _with_notice()
    d.project.start_date, d.project.end_date = date(2021, 5, 1), date(2025, 9, 1)
    d.project.category = "open_source"
    a = check(d, pack_for(d), date(2026, 4, 20))
    found = {f.rule: f for f in a.findings}
    assert found["project_start_outside_notice"].path == "project.start_date"
    assert found["project_finish_outside_notice"].path == "project.end_date"
    assert "notice_other_track" in found
    passed = found["deadline_passed"]
    assert passed.severity == "warning" and passed.path == "notice"
    assert "2026-04-15" in a.message(passed) and "5" in a.message(passed, "en")
    on_time = check(d, pack_for(d), date(2026, 4, 15))
    assert not any(f.rule == "deadline_passed" for f in on_time.findings)


def test_deadline_and_days_left(notice_added: None) -> None:
    n = get_notice("test-2026")
    assert deadline_text(n, date(2026, 3, 1), "en") == "Deadline online entry closes 2026-03-31: 30 day(s) left"
    assert deadline_text(n, date(2026, 4, 1)) == "截止日期 纸质材料报送截止 2026-04-15：还剩 14 天"
    assert deadline_text(n, date(2026, 4, 18), "en") == "Deadline paper copies due 2026-04-15: passed 3 day(s) ago"
    assert "未载明" in deadline_text(load_notice_file(SHIPPED), date(2026, 1, 1))


def test_report_says_the_reading(notice_added: None) -> None:
    d = _with_notice()
    text = render_text(check(d, pack_for(d), date(2026, 3, 1)), "d.json", "en")
    assert "Notice 测试通知〔2026〕1号: invoices 2022-07-01 … 2025-07-31" in text
    assert "30 day(s) left" in text
    d.notice = None
    text = render_text(check(d, pack_for(d), date(2026, 3, 1)), "d.json", "en")
    assert "No notice chosen" in text and "basis: practice" in text and "2025-09-01 … 2027-12-31" in text


def test_the_draft_names_its_notice_in_the_file() -> None:
    d = _with_notice()
    d.format_version = 2
    back = loads(dumps(d))
    assert back.notice == "test-2026"
    with pytest.raises(Exception, match="only in grant-draft/2"):
        loads(dumps(draft()).replace('"program"', '"notice": "x", "program"', 1))
    with pytest.raises(Exception, match="notice: expected a notice id"):
        loads(dumps(d).replace('"test-2026"', '"../x"'))


def test_adding_checks_first_and_refuses_clashes(notice_added: None) -> None:
    entries, problems = list_notices()
    assert {e.notice.id for e in entries} == {"test-2026", "gd-ai-benchmark-2026-entry"} and problems == []
    with pytest.raises(PackError, match="already added"):
        add_notice_text(NOTICE, "again.yaml")
    with pytest.raises(PackError, match="shipped with the program"):
        add_notice_text(SHIPPED.read_text(encoding="utf-8"), "copy.yaml")
    with pytest.raises(PackError, match='unknown track "nope"'):
        add_notice_text(NOTICE.replace("id: test-2026", "id: t2").replace("[innovation_center]", "[nope]"), "t2.yaml")
    assert not (Path(os.environ["GRANT_ASSISTANT_HOME"]) / "notices" / "t2.yaml").exists()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_cli_packs_check_add_list_and_validate(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(NOTICE.replace("source: test", "source: test\ncolour: red"), encoding="utf-8")
    r = _cli("packs", "check", str(bad))
    assert r.returncode == 2 and f"{bad}, line 9: unknown key \"colour\"" in r.stderr
    r = _cli("packs", "add", str(bad))
    assert r.returncode == 2 and not (Path(os.environ["GRANT_ASSISTANT_HOME"]) / "notices").exists()
    good = tmp_path / "good.yaml"
    good.write_text(NOTICE, encoding="utf-8")
    assert _cli("packs", "check", str(good)).returncode == 0
    r = _cli("packs", "add", str(good))
    assert r.returncode == 0, r.stderr
    r = _cli("packs", "list", "--json")
    listed = json.loads(r.stdout)
    assert {n["id"] for n in listed["notices"]} == {"test-2026", "gd-ai-benchmark-2026-entry"}
    tracks = {p["id"]: {t["key"]: t["computed"] for t in p["tracks"]} for p in listed["programs"]}
    assert tracks["gd-ai-benchmark-2025"] == {"innovation_center": False, "quality_enterprise": False,
                                              "ai_benchmark": True, "open_source": False}
    d = _with_notice()
    path = tmp_path / "d.json"
    path.write_text(dumps(d), encoding="utf-8")
    r = _cli("validate", str(path), "--as-of", "2026-03-01", "--json")
    out = json.loads(r.stdout)
    assert out["notice"]["id"] == "test-2026" and out["notice"]["days_left"] == 30
    assert [x["eligible"] for x in out["lines"]] == [True, False]
    d.notice = "missing-notice"
    path.write_text(dumps(d), encoding="utf-8")
    r = _cli("validate", str(path))
    assert r.returncode == 2 and 'notice: no application notice "missing-notice"' in r.stderr
