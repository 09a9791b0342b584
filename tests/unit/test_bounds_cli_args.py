"""Command-line values are checked by argparse: exit 2 with a usage message, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = str(ROOT / "seeds" / "demo-draft.json")
BIG = str(2**64 + 5)


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own exit
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("action", ["show", "delete", "restore", "purge", "revisions"])
@pytest.mark.parametrize("bad", [BIG, str(2**63), "0", "-1", "1e3", "12abc", "١٢", ""])
def test_draft_ids_are_checked(action: str, bad: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = _cli(capsys, "--db", str(tmp_path / "d.sqlite3"), "drafts", action, bad)
    assert code == 2
    assert "expected a draft id, a whole number from 1 to 9223372036854775807" in err
    assert "Traceback" not in err
    assert not (tmp_path / "d.sqlite3").exists()  # refused before the database is opened


def test_export_id_checked_and_largest_id_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite3")
    code, err = _cli(capsys, "--db", db, "drafts", "export", BIG, "-o", str(tmp_path / "x.json"))
    assert code == 2 and "expected a draft id" in err
    code, err = _cli(capsys, "--db", db, "drafts", "show", str(2**63 - 1))
    assert code == 2 and "9223372036854775807" in err and "Traceback" not in err  # not found, said plainly
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("bad", ["\udcff", "done", "READY", ""])
def test_status_is_one_of_the_known(bad: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = _cli(capsys, "--db", str(tmp_path / "d.sqlite3"), "drafts", "list", "--status", bad)
    assert code == 2
    assert "expected one of ready, blocked, unchecked" in err
    code, _ = _cli(capsys, "--db", str(tmp_path / "d.sqlite3"), "drafts", "list", "--status", "ready")
    assert code == 0


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-W01-1", "20250101", "2025-1-01", "２０２５-01-01", "\udcff"])
def test_dates_are_real_dates(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _cli(capsys, "validate", DEMO, "--as-of", bad)
    assert code == 2
    assert "expected a real date written YYYY-MM-DD" in err


def test_undecodable_text_is_refused_by_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = _cli(capsys, "--db", str(tmp_path / "d.sqlite3"), "drafts", "list", "--search", "a\udcffb")
    assert code == 2 and "is not text" in err and "\\udcff" in err
    code, err = _cli(capsys, "import-lines", DEMO, DEMO, "--dry-run", "--sheet", "\udcfe")
    assert code == 2 and "is not text" in err


def test_real_process_with_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    env = dict(os.environ, GRANT_ASSISTANT_HOME=str(tmp_path / "home"))
    for args in ([b"drafts", b"list", b"--status", b"\xff"], [b"drafts", b"show", BIG.encode()],
                 [b"validate", b"missing-\xff.json"], [b"drafts", b"list", b"--search", b"\xfe\xff"]):
        done = subprocess.run([sys.executable.encode(), b"-m", b"desktop", *args], cwd=ROOT, env=env,
                              capture_output=True, timeout=120)
        assert done.returncode == 2, (args, done.stderr)
        assert b"Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith((b"usage:", b"grant-assistant:")), done.stderr


def test_a_file_name_that_is_not_utf8_is_read_and_printed(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/draft-\xff.json"
    with open(name, "wb") as fh:
        fh.write(Path(DEMO).read_bytes())
    done = subprocess.run([sys.executable.encode(), b"-m", b"desktop", b"validate", name, b"--as-of", b"2026-06-01"],
                          cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert b"Traceback" not in done.stderr
    assert b"draft-" in done.stdout
