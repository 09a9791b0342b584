"""The field catalogue's limits: a draft file from elsewhere that breaks them is blocked, each value named
by its path; the limits themselves are sane and cover the form's text fields."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import fields
from desktop.domain.exchange import dumps
from desktop.domain.labels import FIELD_LABELS
from desktop.rules.checker import IncrementalChecker, check
from desktop.services.packs import get_pack
from tests.conftest import AS_OF
from tests.unit.builders import draft, line

PACK = get_pack("gd-ai-robotics-2025")


def _cli_json(path: Path) -> tuple[int, dict]:
    r = subprocess.run([sys.executable, "-m", "desktop", "validate", str(path), "--as-of", "2026-06-01", "--json",
                        "--lang", "en"], capture_output=True, text=True, encoding="utf-8", timeout=120)
    return r.returncode, json.loads(r.stdout)


def test_a_5000_character_company_name_in_a_file_is_blocked_with_its_path(tmp_path: Path) -> None:
    p = tmp_path / "long.json"
    p.write_text(dumps(draft(applicant__name="广" * 5000)), encoding="utf-8")
    code, out = _cli_json(p)
    assert code == 1 and out["status"] == "blocked"
    (finding,) = [f for f in out["findings"] if f["rule"] == "text_too_long"]
    assert finding["path"] == "applicant.name" and finding["severity"] == "error"
    assert "5000 characters" in finding["message"] and "100" in finding["message"]
    assert finding["basis"] == "practice"


def test_hidden_characters_in_a_line_name_are_blocked_with_the_line_path(tmp_path: Path) -> None:
    p = tmp_path / "hidden.json"
    p.write_text(dumps(draft([line(), line(name="机器人\u202e人器机", supplier="A\u200bB")])), encoding="utf-8")
    code, out = _cli_json(p)
    assert code == 1
    found = {(f["rule"], f["path"]) for f in out["findings"]}
    assert ("text_hidden_characters", "equipment[1].name") in found
    assert ("text_hidden_characters", "equipment[1].supplier") in found
    message = next(f["message"] for f in out["findings"] if f["path"] == "equipment[1].name")
    assert "U+202E" in message


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x85", "\u200b", "\u200f", "\u202a", "\u202e", "\u2066",
                                "\u2069", "\ufeff", "\n", "\t"])
def test_every_refused_character_is_refused_in_names(ch: str) -> None:
    a = check(draft(applicant__name=f"广州{ch}公司"), PACK, AS_OF)
    assert [f.path for f in a.findings if f.rule == "text_hidden_characters"] == ["applicant.name"]
    assert fields.without_refused("applicant.name", f"广州{ch}公司") in ("广州公司", "广州 公司")


def test_a_summary_may_hold_line_breaks_but_not_controls() -> None:
    assert not fields.refused_characters("project.summary", "第一段。\n第二段。\t表")
    assert fields.refused_characters("project.summary", "第一段\x00") == ["U+0000"]


def test_limits_are_exact() -> None:
    at = check(draft(project__title="项" * 200), PACK, AS_OF)
    over = check(draft(project__title="项" * 201), PACK, AS_OF)
    assert not [f for f in at.findings if f.rule == "text_too_long"]
    assert [f.path for f in over.findings if f.rule == "text_too_long"] == ["project.title"]


@given(st.text(max_size=30))
def test_incremental_checker_agrees_on_line_texts(name: str) -> None:
    d = draft([line(name=name)])
    inc = IncrementalChecker(PACK, AS_OF)
    assert inc.run(d).findings == check(d, PACK, AS_OF).findings


def test_catalogue_covers_every_text_field_of_the_form() -> None:
    from desktop.rules.wizard_form import load_form

    for step in load_form().steps:
        for spec in step.fields:
            if spec.editor in ("text", "multiline"):
                assert fields.text_limit(spec.path) is not None, spec.path
    for pattern in fields.TEXT_LIMITS:
        assert pattern in FIELD_LABELS
    assert fields.TEXT_LIMITS["applicant.name"].max_length == 100
    assert fields.TEXT_LIMITS["project.title"].max_length == 200
    assert fields.TEXT_LIMITS["project.summary"].max_length == 5000


def test_the_demo_keeps_within_the_limits() -> None:
    from desktop import paths
    from desktop.services.checking import read_draft_file

    a = check(read_draft_file(paths.demo_draft_path()), PACK, AS_OF)
    assert not [f for f in a.findings if f.rule in ("text_too_long", "text_hidden_characters")]


def test_pasted_names_lose_hidden_characters_and_keep_to_their_limit() -> None:
    from desktop.services import tsv

    assert tsv.parse_cell("name", " 机器\u202e人\u200b ") == "机器人"
    with pytest.raises(tsv.CellError) as info:
        tsv.parse_cell("supplier", "供" * 101)
    assert "101" in info.value.zh and "100" in info.value.en
    with pytest.raises(tsv.CellError):
        tsv.parse_cell("quantity", "10000000")
