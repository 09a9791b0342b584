"""The command line through a real subprocess: exit codes, --json shape, both languages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain.exchange import dumps
from tests.unit.builders import draft


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd,
        timeout=120,
    )


def test_demo_validates_ready_with_json(demo_path: Path) -> None:
    r = cli("validate", str(demo_path), "--as-of", "2026-06-01", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"program", "program_version", "as_of", "status", "totals", "lines", "findings"}
    assert out["status"] == "ready" and out["as_of"] == "2026-06-01"
    assert set(out["totals"]) == {"declared", "eligible", "rate", "cap", "max_subsidy", "requested"}
    assert all(isinstance(v, str) and v.count(".") == 1 for v in out["totals"].values())
    assert len(out["lines"]) == 15
    assert any(f["severity"] == "warning" for f in out["findings"])
    assert any(not line["eligible"] and line["reasons"] == ["used"] for line in out["lines"])
    assert any("行" in f["message"] for f in out["findings"])  # Chinese by default


def test_blocked_exits_1_and_english_report(tmp_path: Path) -> None:
    p = tmp_path / "d.json"
    p.write_text(dumps(draft(applicant__name=None, applicant__city="长沙市")), encoding="utf-8")
    r = cli("validate", str(p), "--as-of", "2026-06-01", "--lang", "en")
    assert r.returncode == 1
    assert "BLOCKED: 2 error(s)" in r.stdout
    assert "[applicant.city]" in r.stdout and "Guangdong" in r.stdout
    assert "Clause:" in r.stdout
    assert r.stdout.index("Errors") < r.stdout.index("Notes")


def test_chinese_report_groups_by_severity(demo_path: Path) -> None:
    r = cli("validate", str(demo_path), "--as-of", "2026-06-01")
    assert r.returncode == 0
    assert "可以申报" in r.stdout and "警告（请核实）" in r.stdout and "依据" in r.stdout
    assert "4,548,149.44" in r.stdout


def test_json_in_english(demo_path: Path) -> None:
    r = cli("validate", str(demo_path), "--as-of", "2026-06-01", "--json", "--lang", "en")
    messages = [f["message"] for f in json.loads(r.stdout)["findings"]]
    assert messages and all("Line" in m or "maximum" in m for m in messages)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{", "not valid JSON"),
        ('{"format": "grant-draft/1", "program": "gd-ai-robotics-2025", "equipment": [{"quantity": "abc"}]}',
         'equipment[0].quantity: expected a whole number, got "abc"'),
        ('{"format": "grant-draft/1", "program": "other-pack"}', 'no rule pack for program "other-pack"'),
    ],
)
def test_unreadable_exits_2_with_a_message(tmp_path: Path, content: str, needle: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    r = cli("validate", str(p))
    assert r.returncode == 2
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_missing_file_and_bad_date(tmp_path: Path) -> None:
    r = cli("validate", str(tmp_path / "none.json"))
    assert r.returncode == 2 and "none.json" in r.stderr and "no such file" in r.stderr
    r = cli("validate", str(tmp_path / "none.json"), "--as-of", "2026-13-01")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr


def test_demo_command_writes_the_demo(tmp_path: Path, demo_path: Path) -> None:
    out = tmp_path / "demo.json"
    r = cli("demo", "-o", str(out))
    assert r.returncode == 0
    assert out.read_bytes() == demo_path.read_bytes()


def test_demo_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    r = cli("demo", "-o", str(tmp_path / "no" / "such" / "demo.json"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_version_and_help() -> None:
    assert cli("--version").stdout.startswith("grant-assistant ")
    assert "validate" in cli("--help").stdout


def test_command_line_starts_without_heavy_modules() -> None:
    code = (
        "import sys, desktop.cli; desktop.cli.build_parser();"
        "print(sorted(m for m in ('sqlmodel', 'sqlalchemy', 'reportlab', 'PySide6', 'openpyxl') if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr
