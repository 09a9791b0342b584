"""A read-only database file or folder opens read-only: list, show and export work, changes are refused
plainly; a folder that cannot be made or written is said as such. CI runs as root, whom file modes do
not stop, so each check runs in a child process that drops to the user `nobody` (65534)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.storage import repository as repo
from desktop.storage.database import open_database
from tests.unit.storage_helpers import demo

NOBODY = 65534
ROOT = Path(__file__).resolve().parents[2]


# The child imports and warms up every code path as root (the interpreter may live where `nobody`
# cannot read, like /root/.pyenv), then drops to nobody and runs the commands, answering in JSON.
_CHILD = r"""
import contextlib, io, json, os, sys, tempfile
from pathlib import Path
from typing import Any
from desktop import paths
from desktop.cli import main

def run(args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code
        except BaseException as exc:
            import traceback
            traceback.print_exc()
            code = "Traceback"
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}

commands, nobody = json.loads(sys.argv[1]), int(sys.argv[2])
scratch = Path(tempfile.mkdtemp()) / "warm.sqlite3"
demo = str(paths.demo_draft_path())
for args in (["import", demo], ["list"], ["show", "1"], ["export", "1", "-o", str(scratch.with_suffix(".json"))],
             ["delete", "1"], ["list", "--json"]):
    run(["--db", str(scratch), "drafts", *args])
for args in (["list"], ["show", "1"], ["export", "1", "-o", str(scratch.with_suffix(".json"))], ["delete", "1"]):
    run(["--db", f"sqlite:///file:{scratch}?mode=ro&uri=true", "drafts", *args])
run(["--db", str(scratch.parent / "file" / "sub" / "x.sqlite3"), "drafts", "list"])
os.setgid(nobody)
os.setuid(nobody)
print(json.dumps([run(args) for args in commands]))
"""


def _as_nobody(commands: list[list[str]]) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)}
    env.pop("GRANT_ASSISTANT_DB", None)
    done = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(commands), str(NOBODY)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    answers: list[dict[str, Any]] = json.loads(done.stdout.splitlines()[-1])
    for answer in answers:
        assert answer["code"] != "Traceback" and "Traceback" not in answer["err"], answer["err"]
    return answers


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder `nobody` can reach (pytest's own tmp folders are private to root)."""
    if os.geteuid() != 0:
        pytest.skip("SKIPPED LOUDLY: not root, so the test cannot make files this user cannot write nor drop to nobody")
    base = Path(tempfile.mkdtemp(prefix="grant-ro-"))
    base.chmod(0o755)
    home = base / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _stored(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(str(path), today=date(2026, 6, 1))
    with db.session() as s:
        draft_id = repo.create_draft(s, draft=demo()).id
    db.close()
    open_database(str(path), today=date(2026, 6, 2)).close()  # a backups folder with a copy
    return int(draft_id)


def _checks(db: Path, home: Path, draft_id: int) -> None:
    before = db.read_bytes()
    out = home / "out.json"
    d = ["--db", str(db), "drafts"]
    listed, shown, exported, refused, imported = _as_nobody([
        [*d, "list", "--json"], [*d, "show", str(draft_id)], [*d, "export", str(draft_id), "-o", str(out)],
        [*d, "delete", str(draft_id)], [*d, "import", str(out)],
    ])
    assert listed["code"] == 0, listed["err"]
    assert [x["id"] for x in json.loads(listed["out"])] == [draft_id]
    assert "read-only" in listed["err"]
    assert shown["code"] == 0 and "广州示例" in shown["out"], shown["err"]
    assert exported["code"] == 0, exported["err"]
    assert json.loads(out.read_text("utf-8"))["format"] == "grant-draft/1"
    assert refused["code"] == 2 and "open read-only" in refused["err"]
    assert imported["code"] == 2 and "read-only" in imported["err"]
    assert db.read_bytes() == before


def test_a_read_only_file_opens_read_only(place: Path) -> None:
    folder = place / "writable-folder"
    db = folder / "drafts.sqlite3"
    draft_id = _stored(db)
    for p in (folder, *folder.rglob("*")):
        os.chown(p, NOBODY, NOBODY)
    os.chown(db, 0, 0)
    db.chmod(0o644)  # nobody reads it and cannot write it; its folder is nobody's
    _checks(db, place / "home", draft_id)


def test_a_read_only_folder_opens_read_only(place: Path) -> None:
    folder = place / "read-only-folder"
    db = folder / "drafts.sqlite3"
    draft_id = _stored(db)
    for p in folder.rglob("*"):
        os.chown(p, NOBODY, NOBODY)
    folder.chmod(0o755)  # root's: nobody cannot make the WAL files beside the database
    _checks(db, place / "home", draft_id)


def test_no_database_where_nothing_can_be_created(place: Path) -> None:
    locked = place / "locked"
    locked.mkdir()
    locked.chmod(0o755)
    missing, new = _as_nobody([
        ["--db", str(locked / "sub" / "drafts.sqlite3"), "drafts", "list"],
        ["--db", str(locked / "drafts.sqlite3"), "drafts", "list"],
    ])
    assert missing["code"] == 2 and "does not exist and cannot be created" in missing["err"], missing["err"]
    assert new["code"] == 2 and "read-only" in new["err"] and "cannot be created there" in new["err"]
    assert list(locked.iterdir()) == []
