"""The team commands on both backends: review, approve, unmark, team (who, what, since when)."""

from __future__ import annotations

import json

import pytest

from desktop import paths
from desktop.cli import main
from desktop.storage import team
from desktop.storage.database import Database


def test_review_approve_and_team_listing(backend_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", backend_db.location]
    assert main([*db, "drafts", "import", str(paths.demo_draft_path())]) == 0
    capsys.readouterr()
    assert main([*db, "drafts", "review", "1", "--by", "王会计"]) == 0
    assert capsys.readouterr().out == "draft 1: marked for review by 王会计\n"
    assert main([*db, "drafts", "approve", "1", "--by", "李经理"]) == 0
    assert "approved for submission by 李经理" in capsys.readouterr().out
    with backend_db.session() as s:
        team.take_lease(s, draft_id=1, holder="小王", token="t")
    assert main([*db, "drafts", "team", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["review"], row["review_by"], row["editing"]) == ("approved", "李经理", "小王")
    assert row["review_at"] and row["editing_since"]
    assert main([*db, "drafts", "team"]) == 0
    assert "approved by 李经理" in capsys.readouterr().out
    assert main([*db, "drafts", "revisions", "1", "--json"]) == 0
    assert [(r["reason"], r["author"]) for r in json.loads(capsys.readouterr().out)][:2] == [
        ("approved", "李经理"), ("review", "王会计")]
    assert main([*db, "drafts", "unmark", "1"]) == 0
    capsys.readouterr()
    assert main([*db, "drafts", "approve", "7"]) == 2
    assert "7" in capsys.readouterr().err


def test_export_all_command(backend_db: Database, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    db = ["--db", backend_db.location]
    assert main([*db, "drafts", "import", str(paths.demo_draft_path())]) == 0
    out = tmp_path / "everything.zip"
    assert main([*db, "drafts", "export-all", "-o", str(out)]) == 0
    assert capsys.readouterr().out.endswith("1 drafts, 1 revisions, 0 files\n")  # the import's revision
    with zipfile.ZipFile(out) as z:
        assert json.loads(z.read("manifest.json"))["format"] == "grant-export/1"
        assert "drafts/1/draft.json" in z.namelist()
    blocked = tmp_path / "file" / "x.zip"
    (tmp_path / "file").write_text("not a folder")
    assert main([*db, "drafts", "export-all", "-o", str(blocked)]) == 2
    assert str(blocked) in capsys.readouterr().err


def test_copy_db_refuses_what_cannot_be_copied(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    missing, target = tmp_path / "none.sqlite3", tmp_path / "to.sqlite3"
    assert main(["drafts", "copy-db", "--from", str(missing), "--to", str(target)]) == 2
    assert "no drafts database there" in capsys.readouterr().err
    assert not missing.exists() and not target.exists()
    assert main(["drafts", "copy-db", "--from", "", "--to", str(target)]) == 2
    assert "--from: name a database" in capsys.readouterr().err
    source = tmp_path / "from.sqlite3"
    assert main(["--db", str(source), "drafts", "import", str(paths.demo_draft_path())]) == 0
    assert main(["drafts", "copy-db", "--from", str(source), "--to", str(source)]) == 2
    assert main(["drafts", "copy-db", "--from", str(source), "--to", str(target)]) == 0
    assert "copied 1 drafts, 1 revisions, 0 files; checked by counts and SHA-256" in capsys.readouterr().out
