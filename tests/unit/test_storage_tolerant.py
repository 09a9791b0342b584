"""One bad row never hides the others: stored values garbled behind the program's back (they pass
quick_check) make that one draft "damaged" (listed with its id, exportable raw, purgeable), while the
list and every healthy draft read as usual, through the storage functions and the command line; and
random bit flips end in a clear refusal or a listing, never a traceback. SQLite only: the values are
garbled in the file behind the program's back, which a server's typed columns and checks do not allow."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.storage import repository as repo
from desktop.storage.damaged import raw_draft
from desktop.storage.database import DatabaseError, open_database
from desktop.storage.quicklist import quick_list_drafts
from tests.unit.storage_helpers import demo

GARBLE = {  # what is written raw, by draft (the first one stays healthy)
    2: "UPDATE drafts SET title = CAST(X'41FF42' AS TEXT) WHERE id = 2",
    3: "UPDATE drafts SET updated_at = 'not a time' WHERE id = 3",
    4: "INSERT INTO attachments (draft_id, position, kind, name, lines) VALUES (4, 0, 'invoice', 'a.pdf', '[1, 2')",
    5: "UPDATE drafts SET project_start_date = '2026-13-45' WHERE id = 5",
    6: "UPDATE equipment_lines SET unit_price_text = 'twelve' WHERE draft_id = 6 AND position = 3",
    7: "UPDATE equipment_lines SET name = CAST(X'E4B8' AS TEXT) WHERE draft_id = 7 AND position = 0",
}
LIST_DAMAGED = {2, 3}  # the list's own columns are garbled; the others only when the draft is read


@pytest.fixture
def garbled(tmp_path: Path) -> Path:
    path = tmp_path / "drafts.sqlite3"
    db = open_database(str(path))
    with db.session() as s:
        for _ in range(7):
            repo.create_draft(s, draft=demo())
    db.close()
    con = sqlite3.connect(path)
    for sql in GARBLE.values():
        con.execute(sql)
    con.commit()
    assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    con.close()
    return path


def test_the_list_shows_every_row_and_names_the_damaged(garbled: Path) -> None:
    db = open_database(str(garbled))
    with db.session() as s:
        listed = repo.list_drafts(s)
        assert sorted(d.id for d in listed) == list(range(1, 8))
        assert {d.id for d in listed if d.damaged} == LIST_DAMAGED
        by_id = {d.id: d for d in listed}
        assert "UTF-8" in (by_id[2].damaged or "") and "updated_at" in (by_id[3].damaged or "")
        assert by_id[1].title and by_id[1].updated_at is not None
        assert repo.list_drafts(s, search="广州") == listed  # the search runs in SQLite, over raw values
        assert repo.list_drafts(s, search="zzz") == []
        assert repo.draft_summary(s, draft_id=2).damaged and not repo.draft_summary(s, draft_id=1).damaged
    assert quick_list_drafts(str(garbled)) == listed
    db.close()


def test_healthy_drafts_read_whatever_the_others_hold(garbled: Path) -> None:
    db = open_database(str(garbled))
    with db.session() as s:
        assert repo.get_draft(s, draft_id=1).draft.applicant.name == "广州示例智能制造创新中心有限公司"
        for draft_id in GARBLE:
            with pytest.raises(repo.DamagedDraft) as err:
                repo.get_draft(s, draft_id=draft_id)
            assert err.value.draft_id == draft_id and f"draft {draft_id} is damaged" in str(err.value)
            assert repo.is_damaged(s, draft_id=draft_id)
        assert not repo.is_damaged(s, draft_id=1)
        reasons = {}
        for draft_id in GARBLE:
            try:
                repo.get_draft(s, draft_id=draft_id)
            except repo.DamagedDraft as exc:
                reasons[draft_id] = exc.reason
        assert "title is not valid UTF-8" in reasons[2] and "name is not valid UTF-8" in reasons[7]
        assert "not valid JSON" in reasons[4] and "date or time" in reasons[5] and "amount" in reasons[6]
    db.close()


def test_a_damaged_draft_is_exported_raw_and_purged(garbled: Path) -> None:
    db = open_database(str(garbled))
    with db.session() as s:
        raw = raw_draft(s, draft_id=2)
        assert raw["draft"]["title"] == {"invalid_utf8": "A\\xffB", "hex": "41ff42"}
        assert len(raw["lines"]) == 15 and raw["lines"][0]["draft_id"] == 2
        json.dumps(raw)  # everything in it is JSON
        assert raw_draft(s, draft_id=4)["attachments"][0]["lines"] == "[1, 2"
        assert raw_draft(s, draft_id=7)["lines"][0]["name"] == {"invalid_utf8": "\\xe4\\xb8", "hex": "e4b8"}
        with pytest.raises(repo.NotInTrash):  # a readable draft still goes through the trash
            repo.purge_draft(s, draft_id=1)
        repo.purge_draft(s, draft_id=2)  # a damaged one may go directly: it can never be opened again
        repo.purge_draft(s, draft_id=4)
        assert sorted(d.id for d in repo.list_drafts(s)) == [1, 3, 5, 6, 7]
    db.close()


def test_the_command_line_lists_shows_and_exports_around_damage(
    garbled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def cli(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(garbled), "drafts", *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = cli("list")
    assert code == 1 and "广州示例" in out and "    2  damaged" in out and "id 3, 2" in err
    code, out, err = cli("list", "--json")
    assert code == 1 and {"id": 2, "damaged": "title is not valid UTF-8 text"} in json.loads(out)
    code, out, err = cli("show", "1")
    assert code == 0 and "广州示例" in out
    for draft_id in GARBLE:
        code, out, err = cli("show", str(draft_id))
        assert code == 2 and out == "" and f"draft {draft_id} is damaged" in err
    target = tmp_path / "raw.json"
    code, out, err = cli("export", "5", "-o", str(target))
    assert code == 1 and "raw stored values were written" in err
    assert json.loads(target.read_text("utf-8"))["draft"]["project_start_date"] == "2026-13-45"
    code, out, err = cli("purge", "5")
    assert code == 0
    code, out, err = cli("export", "1", "-o", str(tmp_path / "good.json"))
    assert code == 0 and json.loads((tmp_path / "good.json").read_text("utf-8"))["format"] == "grant-draft/1"


def _base(tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite3"
    db = open_database(str(path))
    with db.session() as s:
        for i in range(4):
            d = demo()
            d.title = f"草稿 {i}"
            repo.create_draft(s, draft=d)
    db.close()
    return path


def test_random_bit_flips_end_in_a_refusal_or_a_listing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = _base(tmp_path)
    data = base.read_bytes()
    rng = random.Random(17)
    opened = refused = 0
    for round_ in range(30):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        path = folder / "drafts.sqlite3"
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            offset = rng.randrange(len(flipped))
            flipped[offset] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(flipped))
        try:
            open_database(str(path)).close()
        except DatabaseError as exc:
            refused += 1
            assert str(exc) and exc.cause in {"damaged", "foreign", "newer", "other"}, exc
        else:
            opened += 1
        code = main(["--db", str(path), "drafts", "list", "--json"])  # a traceback fails the test here
        out, err = capsys.readouterr()
        assert code in (0, 1, 2) and "Traceback" not in err
        ids = [d["id"] for d in json.loads(out)] if code in (0, 1) else []
        for draft_id in ids:
            code = main(["--db", str(path), "drafts", "show", str(draft_id)])
            out, err = capsys.readouterr()
            assert code in (0, 2) and "Traceback" not in err, err
        shutil.rmtree(folder)
    assert opened + refused == 30 and opened and refused  # the seed exercises both ends
