"""The rule pack is data: the loader is strict, and changing a figure changes the result."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop import paths
from desktop.rules.checker import check
from desktop.rules.pack import KNOWN_RULES, PackError, load_pack_file, parse_pack
from tests.conftest import AS_OF
from tests.unit.builders import draft, line

SOURCE = paths.programs_dir() / "gd-ai-robotics-2025.yaml"
TEXT = SOURCE.read_text(encoding="utf-8")


def _edited(old: str, new: str) -> str:
    assert TEXT.count(old) >= 1, old
    return TEXT.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_pack_reads_with_every_rule() -> None:
    pack = load_pack_file(SOURCE)
    assert pack.id == "gd-ai-robotics-2025"
    assert set(pack.rules) == set(KNOWN_RULES)
    assert pack.rate == Decimal("0.40")
    assert pack.caps == {"national": Decimal("50000000.00"), "provincial": Decimal("10000000.00")}
    assert pack.document.number == "粤工信规字〔2025〕6号"
    assert set(pack.categories) == {"innovation_center", "quality_enterprise", "ai_benchmark", "open_source"}
    for rule in pack.rules.values():
        assert rule.message.zh and rule.message.en and rule.clause.zh and rule.clause.en


def test_a_modified_copy_changes_the_result(tmp_path: Path) -> None:
    text = _edited('rate: "0.40"', 'rate: "0.30"')
    text = text.replace('national: "50000000.00"', 'national: "10000.00"')
    text = text.replace("  end: 2027-12-31\nparameters", "  end: 2026-05-31\nparameters")
    copy = tmp_path / "gd-ai-robotics-2025.yaml"
    copy.write_text(text, encoding="utf-8")
    pack = load_pack_file(copy)
    a = check(draft([line(unit_price=Decimal("40000.00"))]), pack, AS_OF)
    assert a.totals.rate == Decimal("0.30")
    assert a.totals.uncapped == Decimal("12000.00")
    assert a.totals.max_subsidy == Decimal("10000.00")  # the new cap
    assert any(f.rule == "as_of_outside_window" for f in a.findings)  # the window now ends earlier


def test_services_pick_up_a_pack_folder_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services.packs import get_pack

    (tmp_path / "programs").mkdir()
    (tmp_path / "programs" / "gd-ai-robotics-2025.yaml").write_text(_edited('rate: "0.40"', 'rate: "0.25"'),
                                                                      encoding="utf-8")
    monkeypatch.setenv("GRANT_ASSISTANT_SEEDS", str(tmp_path))
    assert get_pack("gd-ai-robotics-2025").rate == Decimal("0.25")
    with pytest.raises(PackError, match="no rule pack"):
        get_pack("nope")


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("  quote_threshold:", "  quote_treshold:", "quote_treshold", 'unknown key "quote_treshold"'),
        ("version:", "version: x\nversion:", 'version: "2025', 'duplicate key "version"'),
        ("issued_on: 2025-08-11", "issued_on: 2025-02-30", "issued_on", 'expected a date written YYYY-MM-DD'),
        ("  - id: three_quotes", "  - id: three_quotas", "three_quotas", 'unknown rule id "three_quotas"'),
        ('rate: "0.40"', 'rate: "forty"', "rate:", "expected a decimal number"),
        ('rate: "0.40"', 'rate: "1.40"', "rate:", "between 0 and 1"),
        ("    severity: info\n    basis: practice\n    source: practice\n    clause:\n      zh: 单价",
         "    severity: notice\n    basis: practice\n    source: practice\n    clause:\n      zh: 单价",
         "severity: notice", "expected one of error, warning, info"),
    ],
)
def test_loader_names_file_and_line(old: str, new: str, needle: str, message: str) -> None:
    text = _edited(old, new)
    with pytest.raises(PackError) as info:
        parse_pack(text, "pack.yaml")
    text_msg = str(info.value)
    assert text_msg.startswith(f"pack.yaml, line {_line_of(text, needle)}: "), text_msg
    assert message in text_msg


def test_loader_refuses_a_missing_rule() -> None:
    start = TEXT.index("  - id: requested_defaulted")
    end = TEXT.index("  - id:", start + 1)
    with pytest.raises(PackError, match="does not describe the rules requested_defaulted"):
        parse_pack(TEXT[:start] + TEXT[end:], "pack.yaml")


def test_loader_refuses_bad_yaml_and_empty() -> None:
    with pytest.raises(PackError, match="pack.yaml, line 2: not valid YAML"):
        parse_pack("id: x\n  - : [", "pack.yaml")
    with pytest.raises(PackError, match="empty"):
        parse_pack("", "pack.yaml")
    with pytest.raises(PackError, match="cannot read"):
        load_pack_file(Path("/nonexistent/pack.yaml"))
