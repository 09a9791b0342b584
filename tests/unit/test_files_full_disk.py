"""A real full disk: a 1 MB tmpfs mounted for the test (as root), for export, export-lines and drafts import.

Each command must exit 2 with one line naming the file asked for, no traceback, no "Exception ignored",
no temporary file left, nothing stored. Where mounting is refused (not root, no privilege), the test is
skipped with the reason; test_files_atomic.py holds the same logic with a patched write, always run.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.exchange import dumps
from tests.unit.builders import draft, line, unique_invoices
from tests.unit.storage_helpers import mounted_tmpfs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    yield from mounted_tmpfs(tmp_path / "disk", "1m", "the patched-write tests in test_files_atomic.py still cover "
                             "the logic")


def _fill(disk: Path, leave: int) -> None:
    """Fill the disk but `leave` bytes."""
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    with contextlib.suppress(OSError), open(disk / "filler", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def _run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", GRANT_ASSISTANT_HOME=str(home))
    env.pop("GRANT_ASSISTANT_DB", None)
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def _big_draft(path: Path) -> Path:
    lines = unique_invoices([line(name=f"研发设备 {i}", model="M" * 40) for i in range(3000)])
    path.write_text(dumps(draft(lines)), encoding="utf-8")
    return path


def _quiet_failure(done: subprocess.CompletedProcess[str], target: Path) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.strip() == f"grant-assistant: the disk is full, nothing was written to {target}"
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".part")] == []


def test_export_lines_and_export_on_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    source = _big_draft(tmp_path / "big.json")
    _fill(small_disk, 16 * 1024)
    target = small_disk / "lines.xlsx"
    _quiet_failure(_run("export-lines", source, "-o", target, home=tmp_path / "home"), target)
    target = small_disk / "out.pdf"
    _quiet_failure(_run("export", source, "-o", target, "--draft", "--as-of", "2026-06-01",
                        home=tmp_path / "home"), target)
    target = small_disk / "new.json"
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("设备名称,数量,单价,购置日期\n" + "".join(
        f"设备{i},1,100.00,2025-10-15\n" for i in range(3000)), encoding="utf-8")
    _fill(small_disk, 4 * 1024)
    done = _run("import-lines", source, ledger, "-o", target, home=tmp_path / "home")
    assert done.returncode == 2, done.stderr
    assert f"the disk is full, nothing was written to {target}" in done.stderr
    assert "Traceback" not in done.stderr and not target.exists()


def test_drafts_import_on_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    home = small_disk / "home"
    assert _run("drafts", "list", home=home).returncode == 0  # the database and today's backup exist
    source = _big_draft(tmp_path / "big.json")
    _fill(small_disk, 160 * 1024)
    done = _run("drafts", "import", source, home=home)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "INSERT" not in done.stderr and "[parameters" not in done.stderr
    assert len(done.stderr) < 600
    assert "full" in done.stderr and str(home / "drafts.sqlite3") in done.stderr
    (small_disk / "filler").unlink()
    listed = _run("drafts", "list", home=home)
    assert listed.returncode == 0 and listed.stdout == "(no drafts)\n"  # nothing half-stored


# The same failures, deterministic (no mount needed): a write that fails as a full disk does, and a
# database that reports itself full in the middle of an import.


def test_commands_on_a_patched_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    from desktop.cli import main

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, real: object) -> None:
            self.real = real

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> object:
            return getattr(self.real, name)

    monkeypatch.setattr("desktop.files.os.fdopen", lambda fd, mode="r", *a, **k: Full(real_fdopen(fd, mode, *a, **k)))
    source = _big_draft(tmp_path / "big.json")
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("设备名称,数量,单价,购置日期\n设备,1,100.00,2025-10-15\n", encoding="utf-8")
    for name, args in (
        ("lines.xlsx", ["export-lines", str(source), "-o"]),
        ("out.pdf", ["export", str(source), "--draft", "--as-of", "2026-06-01", "-o"]),
        ("new.json", ["import-lines", str(source), str(ledger), "-o"]),
        ("demo.json", ["demo", "-o"]),
    ):
        target = tmp_path / name
        code = main([*args, str(target)])
        err = capsys.readouterr().err
        assert code == 2, (name, err)
        assert err.strip().endswith(f"the disk is full, nothing was written to {target}"), err
        assert "Traceback" not in err and ".part" not in err
        assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_database_full_in_the_middle_of_an_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from desktop.cli import main
    from desktop.storage import repository

    db = tmp_path / "drafts.sqlite3"
    source = _big_draft(tmp_path / "big.json")
    assert main(["--db", str(db), "drafts", "list"]) == 0
    params = [("x" * 1000,)] * 3000  # megabytes of parameters, which SQLAlchemy would print

    def full(*args: object, **kw: object) -> object:
        reason = sqlite3.OperationalError("database or disk is full")
        raise OperationalError("INSERT INTO lines VALUES (?)", params, reason)

    monkeypatch.setattr(repository, "snapshot", full)
    capsys.readouterr()
    code = main(["--db", str(db), "drafts", "import", str(source)])
    err = capsys.readouterr().err
    assert code == 2
    # one short line naming the database and the full disk, without the statement or its parameters
    assert err.startswith("grant-assistant: ") and err.count("\n") == 1 and len(err) < 600
    assert "full" in err and str(db) in err and "INSERT" not in err and "xxxx" not in err
    monkeypatch.undo()
    assert main(["--db", str(db), "drafts", "list"]) == 0
    assert capsys.readouterr().out == "(no drafts)\n"
