"""grant-assistant drafts ...: import prints the id alone, list --json, export round trip, trash, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import paths
from desktop.cli import main


class Cli:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.capsys = db, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main(["--db", str(self.db), "drafts", *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "db" / "drafts.sqlite3", capsys)


def test_import_list_show_export(cli: Cli, tmp_path: Path) -> None:
    demo = paths.demo_draft_path()
    code, out, err = cli("import", str(demo))
    assert (code, out, err) == (0, "1\n", "")
    assert cli("import", str(demo))[1] == "2\n"
    code, out, _ = cli("list", "--json")
    listed = json.loads(out)
    assert code == 0 and [d["id"] for d in listed] == [2, 1]
    assert set(listed[0]) == {"id", "title", "applicant", "status", "max_subsidy", "updated"}
    assert listed[0]["status"] == "ready" and listed[0]["max_subsidy"].count(".") == 1
    assert listed[0]["updated"].endswith("Z") and "示例" in listed[0]["applicant"]
    assert json.loads(cli("list", "--json", "--search", "没有这个")[1]) == []
    code, out, _ = cli("list")
    assert code == 0 and out.count("\n") == 2 and "示例" in out
    code, out, _ = cli("show", "1")
    assert code == 0 and "lines:" in out and "15" in out
    assert cli("show", "1", "--json")[1] == demo.read_text(encoding="utf-8")
    target = tmp_path / "exported.json"
    assert cli("export", "1", "-o", str(target)) == (0, "", "")
    assert target.read_bytes() == demo.read_bytes()
    code, out, _ = cli("revisions", "1", "--json")
    assert code == 0 and [r["reason"] for r in json.loads(out)] == ["export", "import"]
    assert "import" in cli("revisions", "1")[1]


def test_trash_restore_purge(cli: Cli) -> None:
    cli("import", str(paths.demo_draft_path()))
    code, _, err = cli("purge", "1")
    assert code == 2 and "not in the trash" in err
    assert cli("delete", "1")[0] == 0
    assert json.loads(cli("list", "--json")[1]) == []
    assert [d["id"] for d in json.loads(cli("list", "--json", "--trash")[1])] == [1]
    assert cli("restore", "1")[0] == 0
    assert [d["id"] for d in json.loads(cli("list", "--json")[1])] == [1]
    cli("delete", "1")
    assert cli("purge", "1")[0] == 0
    assert json.loads(cli("list", "--json", "--trash")[1]) == []
    code, out, err = cli("show", "1")
    assert (code, out) == (2, "") and "no draft with id 1" in err


def test_errors_name_the_file_or_id_and_write_nothing(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "grant-draft/1", "program": "gd-ai-robotics-2025", "title": 5}', encoding="utf-8")
    code, out, err = cli("import", str(bad))
    assert (code, out) == (2, "") and "bad.json" in err and "title" in err
    assert json.loads(cli("list", "--json")[1]) == []  # nothing stored
    code, _, err = cli("import", str(tmp_path / "missing.json"))
    assert code == 2 and "missing.json" in err
    target = tmp_path / "never.json"
    code, out, err = cli("export", "7", "-o", str(target))
    assert (code, out) == (2, "") and "no draft with id 7" in err and not target.exists()
    cli("import", str(paths.demo_draft_path()))
    code, _, err = cli("export", "1", "-o", str(tmp_path / "no" / "such" / "folder.json"))
    assert code == 2 and "folder.json" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "db"]


def test_unusable_database_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("dear sir\n" * 50)
    assert main(["--db", str(letter), "drafts", "list"]) == 2
    assert "letter.txt" in capsys.readouterr().err


def test_real_process_prints_the_id_alone_and_no_traceback(tmp_path: Path) -> None:
    db = str(tmp_path / "drafts.sqlite3")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--db", db, "drafts", *args],
            capture_output=True, text=True, encoding="utf-8", timeout=120,
        )

    r = run("import", str(paths.demo_draft_path()))
    assert (r.returncode, r.stdout, r.stderr) == (0, "1\n", "")
    r = run("export", "42", "-o", str(tmp_path / "x.json"))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "42" in r.stderr
