"""The flagship (标杆) track as a pack of data: 30 % of spending excluding tax, capped at 8,000,000.00."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.model import Attachment, Draft, EquipmentLine
from desktop.rules.checker import check
from desktop.rules.track import parse_track
from desktop.rules.yamlnodes import PackError
from desktop.services.notices import pack_for
from desktop.services.packs import get_pack
from tests.unit.builders import draft, line

D = Decimal
AS_OF = date(2026, 1, 10)
TRACK = get_pack("gd-ai-benchmark-2025")
TEXT = (Path(__file__).resolve().parents[2] / "seeds" / "programs" / "gd-ai-benchmark-2025.yaml").read_text("utf-8")


def flagship(lines: list[EquipmentLine] | None = None, **over: object) -> Draft:
    values: dict[str, object] = {
        "program": "gd-ai-benchmark-2025", "project__category": "ai_benchmark", "applicant__center_level": None,
        "applicant__center_name": None, "applicant__center_approved_on": None,
    }
    return draft(lines, **{**values, **over})


def test_thirty_percent_rounded_down_to_the_fen() -> None:
    a = check(flagship([line(unit_price=D("33333.33"))]), TRACK, AS_OF)
    assert a.totals.rate == D("0.30") and a.totals.cap == D("8000000.00")
    assert a.totals.eligible == D("33333.33")
    assert a.totals.max_subsidy == D("9999.99")  # 9999.999 rounded down, never 10000.00
    assert a.status == "ready", [f.rule for f in a.findings if f.severity == "error"]


def test_the_cap_to_the_fen() -> None:
    # 26,666,666.66 × 30 % = 7,999,999.998 -> 7,999,999.99: just under the cap, not capped
    under = check(flagship([line(unit_price=D("26666666.66"))]), TRACK, AS_OF)
    assert under.totals.max_subsidy == D("7999999.99")
    assert not any(f.rule == "cap_applied" for f in under.findings)
    # 26,666,666.67 × 30 % = 8,000,000.001 -> the cap, 8,000,000.00
    over = check(flagship([line(unit_price=D("26666666.67"))]), TRACK, AS_OF)
    assert over.totals.uncapped == D("8000000.00") and over.totals.max_subsidy == D("8000000.00")
    big = check(flagship([line(unit_price=D("40000000.00"))]), TRACK, AS_OF)
    assert big.totals.uncapped == D("12000000.00") and big.totals.max_subsidy == D("8000000.00")
    capped = [f for f in big.findings if f.rule == "cap_applied"]
    assert capped and "8,000,000.00" in big.message(capped[0]) and "30%" in big.message(capped[0])
    assert "800 万元" in big.clause(capped[0]) and big.basis(capped[0]) == "reprint"


def test_its_own_eligibility() -> None:
    a = check(flagship([line(use="production")]), TRACK, AS_OF)
    assert a.lines[0].eligible  # production use counts on this track
    assert not any(f.rule in ("center_level_none", "required") and "center" in f.path for f in a.findings)
    policy = check(draft([line(use="production")]), get_pack("gd-ai-robotics-2025"), AS_OF)
    assert not policy.lines[0].eligible  # the innovation-centre track is unchanged


def test_other_tracks_are_said_not_computed() -> None:
    for category in ("quality_enterprise", "open_source", "innovation_center"):
        a = check(flagship(project__category=category), TRACK, AS_OF)
        found = [f for f in a.findings if f.rule == "category_other_track"]
        assert found and found[0].severity == "error"
    msg = a.message(found[0], "en")
    assert "flagship track only" in msg and "not computed" in msg


def test_completion_note_required_on_a_grant_draft_2() -> None:
    d = flagship()
    d.format_version = 2
    missing = {f.params["document"] for f in check(d, TRACK, AS_OF).findings if f.rule == "required_document_missing"}
    assert ("完工情况说明", "completion note") in missing
    d.attachments = [Attachment(kind="completion_note", name="完工情况说明.pdf")]
    missing = {f.params["document"] for f in check(d, TRACK, AS_OF).findings if f.rule == "required_document_missing"}
    assert ("完工情况说明", "completion note") not in missing


def test_the_flagship_notice_on_its_track() -> None:
    d = flagship([line(purchase_date=date(2024, 5, 6))], project__start_date=date(2023, 1, 1),
                 project__end_date=date(2025, 6, 30))
    assert not check(d, pack_for(d), AS_OF).lines[0].eligible  # the policy period alone: 2024 is outside
    d.notice = "gd-ai-benchmark-2026-entry"
    a = check(d, pack_for(d), AS_OF)
    assert a.lines[0].eligible and a.totals.max_subsidy == D("15000.00")
    assert not any(f.rule.endswith("_outside_notice") or f.rule == "notice_other_track" for f in a.findings)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('rate: "0.30"', 'rate: "1.30"', "between 0 and 1"),
        ("track: ai_benchmark", "track: robots", 'unknown track "robots"'),
        ("eligible_uses: [rd, production]", "eligible_uses: [rd, office]", "expected one of"),
        ("  center_required: false", "  center_required: false\n  colour: red", 'unknown key "colour"'),
    ],
)
def test_a_bad_track_pack_is_refused(old: str, new: str, words: str) -> None:
    with pytest.raises(PackError, match="track.yaml, line"):
        parse_track(TEXT.replace(old, new, 1), "track.yaml", get_pack("gd-ai-robotics-2025"))
    with pytest.raises(PackError) as e:
        parse_track(TEXT.replace(old, new, 1), "track.yaml", get_pack("gd-ai-robotics-2025"))
    assert words in str(e.value)
