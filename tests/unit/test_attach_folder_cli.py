"""`attach-folder ID FOLDER`: a folder of scans matched to a stored draft's lines by the numbers in the
names. Without --apply the proposal is printed and nothing changes; with --apply the matched files are
kept in the file store and added to their lines in one saved change (a second run adds nothing); bad
folders, drafts and locks are refused by name with exit 2."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.model import Contract, Invoice
from desktop.services.evidence_files import store_of
from desktop.storage import app_status
from desktop.storage import repository as repo
from desktop.storage.database import open_database
from desktop.storage.draft_files import files_in_use
from tests.unit.builders import draft, line

SCANS = {
    "25442000000123456789.pdf": b"%PDF-1.7 invoice of line 1",
    "合同HT-2025-018扫描件.pdf": b"%PDF-1.7 contract of line 1",
    "发票 25442000000987654321.pdf": b"%PDF-1.7 invoice of line 2",
    "HT-2025-019 付款回单.pdf": b"%PDF-1.7 bank slip of line 2",
    "进口/报关单530120251012345678.pdf": b"%PDF-1.7 customs of line 5",
    "CG2025-07 合同.pdf": b"%PDF-1.7 one contract for lines 3 and 4",
    "IMG_2034 铭牌.jpg": b"\xff\xd8\xff nameplate of which line?",
    ".DS_Store": b"hidden",
}
MATCHED = {  # file -> (line index, kind)
    "25442000000123456789.pdf": (0, "other"),
    "合同HT-2025-018扫描件.pdf": (0, "contract"),
    "发票 25442000000987654321.pdf": (1, "invoice"),
    "HT-2025-019 付款回单.pdf": (1, "payment"),
    "进口/报关单530120251012345678.pdf": (4, "customs"),
}


def _draft():
    return draft([
        line(name="立式加工中心", invoice_number="25442000000123456789", contract=Contract("HT-2025-018", None)),
        line(name="激光干涉仪", invoice_number=None, contract=Contract("HT-2025-019", None),
             invoices=[Invoice("25442000000987654321", date(2025, 10, 1), Decimal("150442.48"))]),
        line(name="三坐标测量机", invoice_number=None, contract=Contract("CG2025-07", None)),
        line(name="粗糙度仪", invoice_number=None, contract=Contract("CG2025-07", None)),
        line(name="进口光谱仪", invoice_number=None, customs_declaration="530120251012345678"),
    ], format_version=2)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[str, int, Path]:
    database = str(tmp_path / "drafts.sqlite3")
    with open_database(database) as db, db.session() as s:
        draft_id = repo.create_draft(s, draft=_draft()).id
    folder = tmp_path / "扫描件"
    for name, content in SCANS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return database, draft_id, folder


def _run(capsys: pytest.CaptureFixture[str], database: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", database, "attach-folder", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _stored(database: str, draft_id: int):
    with open_database(database) as db, db.session() as s:
        return repo.get_draft(s, draft_id=draft_id), files_in_use(s)


def test_without_apply_the_proposal_is_printed_and_nothing_changes(setup, capsys) -> None:
    database, draft_id, folder = setup
    code, out, _ = _run(capsys, database, str(draft_id), str(folder), "--lang", "en")
    assert code == 1  # an ambiguous and an unmatched file
    assert f"{folder}: 7 files, draft {draft_id} (5 lines)" in out
    assert "Matched to a line by a number in the name: 5" in out
    assert "  合同HT-2025-018扫描件.pdf → line 1 (立式加工中心), Contract, number HT-2025-018" in out
    assert "  25442000000123456789.pdf → line 1 (立式加工中心), Other, number 25442000000123456789" in out
    assert "  HT-2025-019 付款回单.pdf → line 2 (激光干涉仪), Payment proof, number HT-2025-019" in out
    assert "  进口/报关单530120251012345678.pdf → line 5 (进口光谱仪), Customs declaration" in out
    assert "  CG2025-07 合同.pdf: number CG2025-07 is on lines 3, 4" in out
    assert "No line's invoice, contract or customs number in the name: 1\n  IMG_2034 铭牌.jpg\n" in out
    assert ".DS_Store" not in out
    assert "run again with --apply to attach the 5 matched files" in out
    stored, in_use = _stored(database, draft_id)
    assert stored.version == 1 and in_use == set()
    assert all(not x.files for x in stored.draft.equipment)
    zh = _run(capsys, database, str(draft_id), str(folder))[1]  # Chinese by default
    assert "合同HT-2025-018扫描件.pdf → 第 1 行（立式加工中心），采购合同，编号 HT-2025-018" in zh
    assert "试运行：未添加任何文件" in zh


def test_apply_adds_the_matched_files_in_one_saved_change_and_a_second_run_adds_nothing(setup, capsys) -> None:
    database, draft_id, folder = setup
    code, out, _ = _run(capsys, database, str(draft_id), str(folder), "--apply", "--lang", "en")
    assert code == 1  # the two files left for the program are still said
    assert f"Attached 5 files to draft {draft_id}, lines 1, 2, 5 (one saved change, version 2)" in out
    stored, in_use = _stored(database, draft_id)
    assert stored.version == 2  # one save for every file
    got = {(i, f.name, f.kind, f.sha256) for i, x in enumerate(stored.draft.equipment) for f in x.files}
    digest = {name: hashlib.sha256(SCANS[name]).hexdigest() for name in MATCHED}
    assert got == {(i, Path(name).name, kind, digest[name]) for name, (i, kind) in MATCHED.items()}
    assert in_use == set(digest.values())  # the database knows the draft uses them
    with open_database(database) as db:
        store = store_of(db)
        assert all(store.read(digest[name]) == SCANS[name] for name in MATCHED)  # byte for byte
    assert stored.draft.equipment[2].files == stored.draft.equipment[3].files == []  # the ambiguous file: none

    code, out, _ = _run(capsys, database, str(draft_id), str(folder), "--apply", "--lang", "en")
    assert code == 1
    assert "already on its line, not added again: 合同HT-2025-018扫描件.pdf" in out
    assert "No file to attach: the draft is unchanged" in out
    assert _stored(database, draft_id)[0].version == 2


def test_a_folder_whose_files_all_match_exits_0(setup, capsys, tmp_path: Path) -> None:
    database, draft_id, _ = setup
    folder = tmp_path / "只有发票"
    folder.mkdir()
    (folder / "dzfp_25442000000123456789_广州精机.pdf").write_bytes(b"%PDF invoice")
    code, out, _ = _run(capsys, database, str(draft_id), str(folder), "--apply", "--lang", "en")
    assert code == 0 and "Attached 1 files to draft" in out
    file = _stored(database, draft_id)[0].draft.equipment[0].files[0]
    assert (file.kind, file.name) == ("invoice", "dzfp_25442000000123456789_广州精机.pdf")


def test_bad_folders_drafts_and_locks_are_refused_by_name(setup, capsys, tmp_path: Path) -> None:
    database, draft_id, folder = setup
    missing = tmp_path / "没有这个文件夹"
    code, _, err = _run(capsys, database, str(draft_id), str(missing), "--lang", "en")
    assert code == 2 and f"{missing}: no such folder" in err
    one_file = folder / "IMG_2034 铭牌.jpg"
    code, _, err = _run(capsys, database, str(draft_id), str(one_file), "--apply")
    assert code == 2 and f"{one_file}：不是文件夹" in err
    code, _, err = _run(capsys, database, "99", str(folder), "--apply")
    assert code == 2 and "99" in err
    empty = tmp_path / "空"
    empty.mkdir()
    code, out, _ = _run(capsys, database, str(draft_id), str(empty), "--lang", "en")
    assert code == 1 and f"{empty}: no files in the folder" in out

    with open_database(database) as db, db.session(write=True) as s:
        app_status.set_state(s, draft_id=draft_id, state="submitted", on_date=date(2026, 4, 3))
    code, _, err = _run(capsys, database, str(draft_id), str(folder), "--apply", "--lang", "en")
    assert code == 2 and "locked" in err
    stored, in_use = _stored(database, draft_id)
    assert all(not x.files for x in stored.draft.equipment) and in_use == set()
    with open_database(database) as db:
        assert list(store_of(db).digests()) == []  # refused before any file was copied


def test_on_a_team_database_the_files_are_in_the_database_at_once(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.storage import file_blobs

    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "machine-a"))
    with open_database(pg_url) as db, db.session() as s:
        draft_id = repo.create_draft(s, draft=_draft()).id
    folder = tmp_path / "扫描件"
    folder.mkdir()
    (folder / "合同HT-2025-018扫描件.pdf").write_bytes(SCANS["合同HT-2025-018扫描件.pdf"])
    code, out, err = _run(capsys, pg_url, str(draft_id), str(folder), "--apply", "--lang", "en")
    assert code == 0, err
    digest = hashlib.sha256(SCANS["合同HT-2025-018扫描件.pdf"]).hexdigest()
    with open_database(pg_url) as db:
        assert file_blobs.digest_in_database(db, digest) == digest  # shared now, not on a later fetch
        monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(tmp_path / "machine-b"))
        assert store_of(db).read(digest) == SCANS["合同HT-2025-018扫描件.pdf"]
