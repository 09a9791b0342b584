"""Drafts a hostile or careless user might feed the program: always a refusal naming the file and the
path (exit 2) or findings, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import dumps, loads
from desktop.domain.money import AMOUNT_LIMIT, WHOLE_LIMIT, format_wan, format_yuan, money_str, round_down, to_fen
from desktop.rules.checker import check
from desktop.services.packs import get_pack
from desktop.services.tsv import CellError, parse_cell
from desktop.storage import repository as repo
from desktop.storage.database import DatabaseError, open_database
from tests.conftest import AS_OF
from tests.unit.builders import draft, draft_json

PACK = get_pack("gd-ai-robotics-2025")


def _refused(text: str) -> DraftFormatError:
    with pytest.raises(DraftFormatError) as info:
        loads(text, source="d.json")
    assert str(info.value).startswith("d.json: ")
    return info.value


def test_a_whole_number_too_long_for_python_is_refused_with_its_path() -> None:
    text = draft_json().replace('"quantity": 1', '"quantity": 1' + "0" * 5000, 1)
    err = _refused(text)
    assert err.path == "equipment[0].quantity" and "whole number" in err.message


@pytest.mark.parametrize(
    ("over", "path"),
    [
        ({"equipment__0__quantity": WHOLE_LIMIT + 1}, "equipment[0].quantity"),
        ({"equipment__0__quantity": -WHOLE_LIMIT - 1}, "equipment[0].quantity"),
        ({"attachments": [{"size": 10**30}]}, "attachments[0].size"),
        ({"attachments": [{"lines": [0, 10**19]}]}, "attachments[0].lines[1]"),
        ({"equipment__0__unit_price": "9" * 31 + ".00"}, "equipment[0].unit_price"),
        ({"project__requested_subsidy": "-" + "9" * 40}, "project.requested_subsidy"),
        ({"equipment__0__exchange_rate": "1" + "0" * 30}, "equipment[0].exchange_rate"),
        ({"equipment__0__unit_price": "１２３.００"}, "equipment[0].unit_price"),
        ({"equipment__0__purchase_date": "２０２５-１０-１５"}, "equipment[0].purchase_date"),
    ],
)
def test_values_the_program_cannot_hold_are_refused(over: dict[str, object], path: str) -> None:
    err = _refused(draft_json(**over))
    assert err.path == path and "expected" in err.message


def test_huge_number_literals_for_the_rate_are_refused() -> None:
    text = draft_json().replace('"exchange_rate": null', '"exchange_rate": 1e400', 1)
    assert _refused(text).path == "equipment[0].exchange_rate"


def test_the_largest_values_accepted_read_check_and_round_trip() -> None:
    big = "9" * 30 + ".99"
    d = loads(draft_json(equipment__0__unit_price=big, equipment__0__quantity=WHOLE_LIMIT,
                    project__requested_subsidy=big))
    assert d.equipment[0].unit_price == Decimal(big)
    a = check(d, PACK, AS_OF)
    assert a.totals.max_subsidy == Decimal("50000000.00")
    assert json.loads(json.dumps(a.to_json("en")))["totals"]["requested"] == big
    assert loads(dumps(d)) == d


def test_a_repeated_key_is_refused_not_silently_dropped() -> None:
    text = draft_json().replace('"title": ', '"title": "first", "title": ', 1)
    assert _refused(text).path == "title"
    text = draft_json().replace('"quantity": 1', '"quantity": 1, "quantity": 2', 1)
    err = _refused(text)
    assert err.path == "equipment[0].quantity" and "more than once" in err.message


def test_a_lone_surrogate_is_refused_with_its_path() -> None:
    err = _refused(draft_json(applicant__name="x").replace('"name": "x"', '"name": "x\\ud800"', 1))
    assert err.path == "applicant.name"


def test_escaped_characters_outside_the_basic_plane_are_text() -> None:
    d = loads(draft_json(title="x").replace('"title": "x"', '"title": "\\ud83d\\ude00"', 1))
    assert d.title == "\U0001f600"


def test_negative_zero_reads_and_is_an_error_not_a_crash() -> None:
    d = loads(draft_json(equipment__0__unit_price="-0", project__requested_subsidy="-0.00"))
    a = check(d, PACK, AS_OF)
    assert {f.rule for f in a.findings} >= {"price_not_positive", "requested_invalid"}
    assert a.to_json()["totals"]["requested"] == "0.00"
    assert dumps(d).count('"-0"') == 1  # kept as written


def test_rounding_never_fails_on_large_values() -> None:
    value = Decimal("9" * 60 + ".005")
    assert money_str(value) == "9" * 60 + ".01"
    assert round_down(value) == Decimal("9" * 60 + ".00")
    assert format_yuan(Decimal("-0")) == "0.00" and format_wan(value).endswith(".00")
    assert to_fen(Decimal("1.005")) == 101


def test_pasted_cells_the_program_cannot_hold_are_cell_errors() -> None:
    with pytest.raises(CellError):
        parse_cell("quantity", "1" + "0" * 25)
    with pytest.raises(CellError):
        parse_cell("unit_price", str(AMOUNT_LIMIT))
    assert parse_cell("unit_price", "12.5万") == Decimal("125000.0")


def test_a_summary_too_large_for_sqlite_is_stored_as_unknown(tmp_path: Path) -> None:
    with open_database(str(tmp_path / "d.sqlite3")) as db, db.session() as s:
        stored = repo.create_draft(s, draft=draft())
        repo.update_summary(
            s, draft_id=stored.id, status="blocked", errors=1, warnings=0, max_subsidy=Decimal("0.00"),
            requested=Decimal("9" * 30), pack_id=PACK.id, pack_version=PACK.version,
        )
        (summary,) = repo.list_drafts(s)
        assert summary.requested is None and summary.max_subsidy == Decimal("0.00")


@pytest.mark.parametrize(
    ("location", "needle"),
    [
        ("sqlte:///x.db", "sqlte"),
        ("://nothing", "://nothing"),
        ("nosuchdialect+driver://u@h/db", "nosuchdialect"),
    ],
)
def test_a_bad_database_url_is_a_database_error(location: str, needle: str) -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(location)
    assert needle in str(info.value)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, encoding="utf-8",
        cwd=cwd, timeout=120,
    )


def test_hostile_files_through_the_command_line(tmp_path: Path) -> None:
    files = {
        "long-int.json": draft_json().replace('"quantity": 1', '"quantity": 1' + "0" * 5000, 1),
        "huge-price.json": draft_json(equipment__0__unit_price="9" * 40),
        "twice.json": draft_json().replace('"title": ', '"title": "a", "title": ', 1),
        "surrogate.json": draft_json(title="x").replace('"title": "x"', '"title": "\\udc00"', 1),
        "unknown-program.json": draft_json(program="gd-nothing-2099"),
        "sneaky-program.json": draft_json(program="../programs/gd-ai-robotics-2025"),
    }
    db = str(tmp_path / "drafts.sqlite3")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        for args in (("validate", name), ("--db", db, "drafts", "import", name)):
            r = _run(*args, cwd=tmp_path)
            assert r.returncode == 2, (args, r.stderr)
            assert "Traceback" not in r.stderr and r.stderr.startswith(f"grant-assistant: {name}: "), r.stderr
    r = _run("validate", "unknown-program.json", cwd=tmp_path)
    assert "unknown-program.json: program: " in r.stderr and "gd-ai-robotics-2025" in r.stderr
    r = _run("--db", db, "drafts", "list", "--json", cwd=tmp_path)
    assert (r.returncode, json.loads(r.stdout)) == (0, [])


def test_a_database_url_typo_through_the_command_line(tmp_path: Path) -> None:
    r = _run("--db", "sqlte:///x.db", "drafts", "list", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "sqlte:///x.db" in r.stderr


def test_closed_standard_output_is_no_crash(tmp_path: Path, demo_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "desktop", "validate", str(demo_path), "--as-of", "2026-06-01"],
        capture_output=False, stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    assert r.returncode == 0 and "Traceback" not in r.stderr
