"""grant-assistant import-lines / export-lines through a real subprocess: output, exit codes, files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from desktop import paths
from desktop.domain.exchange import loads
from tests.unit.ledgers import ledger_with_title, write_workbook

ROOT = Path(__file__).resolve().parents[2]
GOOD = [1, "六轴协作机器人", "UR10e", 2, "¥1,250,000.50", 2500001, datetime(2025, 10, 15), "25442000000012345678",
        "优傲"]
BAD = [2, "坏行", "x", "abc", 5, None, "2025-10-15", None, None]


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_import_export_and_exit_codes(tmp_path: Path) -> None:
    draft = paths.demo_draft_path()
    before = len(loads(draft.read_bytes()).equipment)
    clean = ledger_with_title(tmp_path / "clean.xlsx", [GOOD])
    mixed = ledger_with_title(tmp_path / "mixed.xlsx", [GOOD, BAD])
    out = tmp_path / "new.json"

    done = _run("import-lines", draft, clean, "-o", out, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "header on row 5" in done.stdout and "Lines to add: 1" in done.stdout
    assert len(loads(out.read_bytes()).equipment) == before + 1

    out.unlink()
    partial = _run("import-lines", draft, mixed, "-o", out, "--lang", "en")
    assert partial.returncode == 1
    assert 'row 7, column D (数量): found "abc"' in partial.stdout
    assert len(loads(out.read_bytes()).equipment) == before + 1  # the good row is still written

    dry = tmp_path / "dry.json"
    assert _run("import-lines", draft, mixed, "-o", dry, "--dry-run").returncode == 1
    assert not dry.exists()

    lines = tmp_path / "lines.xlsx"
    exported = _run("export-lines", out, "-o", lines)
    assert exported.returncode == 0 and lines.exists()
    back = _run("import-lines", paths.demo_draft_path(), lines, "--dry-run", "--lang", "en")
    assert back.returncode == 0 and f"Lines to add: {before + 1}" in back.stdout


def test_unreadable_files_exit_2_without_traceback_or_output(tmp_path: Path) -> None:
    draft = paths.demo_draft_path()
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 broken")
    secret = tmp_path / "secret.xlsx"
    secret.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    empty = write_workbook(tmp_path / "empty.xlsx", [])
    unmatched = write_workbook(tmp_path / "other.xlsx", [["客户", "电话"], ["张三", "1"]])
    no_name = write_workbook(tmp_path / "noname.xlsx", [["数量", "单价"], [1, 2]])
    out = tmp_path / "never.json"
    cases = [(corrupt, "损坏"), (secret, "加密"), (empty, "空的"), (unmatched, "没有与设备清单对应的列"),
             (no_name, "第 1 行的表头中没有 设备名称 列")]  # Chinese by default
    for ledger, words in cases:
        result = _run("import-lines", draft, ledger, "-o", out)
        assert result.returncode == 2, (ledger, result.stdout)
        assert str(ledger) in result.stderr and words in result.stderr
        assert "Traceback" not in result.stderr
    result = _run("import-lines", draft, no_name, "-o", out, "--lang", "en")
    assert "the header on row 1 has no column for the equipment name (headers found: 数量, 单价)" in result.stderr
    result = _run("import-lines", draft, write_workbook(tmp_path / "s.xlsx", [["设备名称", "数量"]]), "-o", out,
                  "--sheet", "明细")
    assert result.returncode == 2 and "「明细」" in result.stderr
    assert _run("import-lines", draft, corrupt).returncode == 2  # neither -o nor --dry-run
    assert not out.exists()
    assert not list(tmp_path.glob(".never.json.*"))


def test_gbk_csv_with_overrides(tmp_path: Path) -> None:
    from tests.unit.ledgers import write_text

    rows = [["设备名称", "数量", "单价", "开票日期"], ["主机", "2", "12.5万", "2025年10月15日"]]
    csv = write_text(tmp_path / "kingdee.txt", rows, delimiter=";", encoding="gbk")
    result = _run("import-lines", paths.demo_draft_path(), csv, "--dry-run", "--encoding", "gbk",
                  "--delimiter", "semicolon", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "主机" in result.stdout and "125,000.00" in result.stdout and "encoding gbk" in result.stdout
