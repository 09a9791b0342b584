"""A folder of scans matched to lines by the numbers in the names (invoice, contract, customs), the kind
guessed from the words; ambiguous and unknown names left for the user; the files attached in one batch."""

from __future__ import annotations

import os
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.model import Contract, Invoice
from desktop.services.evidence_files import lines_with_files
from desktop.services.evidence_matching import (
    expand,
    folder_files,
    guess_line_kind,
    name_numbers,
    propose,
)
from desktop.storage.files_store import FileStore, StoreError
from tests.unit.builders import draft, line


def _draft():
    return draft([
        line(invoice_number="44031234", contract=Contract("HT-2025-018", date(2025, 9, 1))),
        line(invoice_number=None, invoices=[Invoice("25442000000123456789", date(2025, 10, 1), Decimal(1))],
             contract=Contract("HT-2025-019", None), customs_declaration="530120251012345678"),
        line(invoice_number=None, contract=Contract("CG2025-07", None)),
        line(invoice_number=None, contract=Contract("CG2025-07", None)),  # one contract for two lines
        line(invoice_number=None, contract=Contract("12", None)),  # too short to match on
    ])


def _one(name: str):
    return propose(_draft(), [Path("/scans") / name])[0]


@pytest.mark.parametrize(("name", "index", "kind"), [
    ("44031234_增值税专用发票.pdf", 0, "invoice"),
    ("合同HT-2025-018扫描件.pdf", 0, "contract"),
    ("合同ht2025018.PDF", 0, "contract"),
    ("25442000000123456789.pdf", 1, "other"),
    ("dzfp_25442000000123456789_广州某某公司_20251015.pdf", 1, "invoice"),
    ("2544 2000 0001 2345 6789 发票.pdf", 1, "invoice"),
    ("２５４４２００００００１２３４５６７８９.pdf", 1, "other"),  # full-width digits
    ("ＨＴ－２０２５－０１９ 付款回单.pdf", 1, "payment"),
    ("报关单 530120251012345678.pdf", 1, "customs"),
    ("HT-2025-018-2 验收单.jpg", 0, "acceptance"),
    ("Invoice No.44031234.pdf", 0, "invoice"),
    ("FP44031234.pdf", 0, "other"),
    ("bank slip HT-2025-019.png", 1, "payment"),
])
def test_a_number_in_the_name_proposes_its_line_and_the_words_its_kind(name: str, index: int, kind: str) -> None:
    found = _one(name)
    assert (found.line, found.kind, found.ambiguous) == (index, kind, False)
    assert found.number is not None


@pytest.mark.parametrize("name", [
    "IMG_2034 铭牌.jpg",  # a photo with no number of a line: for the user to place
    "440312345_发票.pdf",  # 44031234 is not found inside a longer number
    "HT-2025-0181.pdf",  # nor HT-2025-018 inside HT-2025-0181
    "144031234.pdf",
    "合同12.pdf",  # a contract number too short to match on
    "营业执照.pdf",
])
def test_names_without_a_whole_number_of_a_line_are_left_unmatched(name: str) -> None:
    found = _one(name)
    assert found.line is None and found.candidates == () and not found.ambiguous


def test_a_number_of_two_lines_is_left_for_the_user_with_both_lines() -> None:
    found = _one("采购合同 CG2025-07.pdf")
    assert found.line is None and found.ambiguous and found.candidates == (2, 3)
    assert found.number == "CG2025-07" and found.kind == "contract"


def test_numbers_of_two_different_lines_in_one_name_are_ambiguous_too() -> None:
    found = _one("44031234 and HT-2025-019.pdf")
    assert found.ambiguous and found.candidates == (0, 1)


@pytest.mark.parametrize(("name", "kind"), [
    ("IMG_2034 铭牌.jpg", "nameplate_photo"), ("DSC0001.JPG", "nameplate_photo"), ("设备照片.png", "nameplate_photo"),
    ("合同HT-018付款回单.pdf", "payment"), ("电汇水单.pdf", "payment"), ("Acceptance report.pdf", "acceptance"),
    ("进口货物报关单.pdf", "customs"), ("Purchase Contract.docx", "contract"), ("发票.ofd", "invoice"),
    ("说明.pdf", "other"), ("Nameplate.heic", "nameplate_photo"),
])
def test_the_kind_is_guessed_from_the_words_of_the_name(name: str, kind: str) -> None:
    assert guess_line_kind(name) == kind


def test_name_numbers_reads_separated_groups_as_one_number() -> None:
    numbers = name_numbers("发票代码 044031900111 号码 4403-1234")
    assert {"044031900111", "44031234"} <= numbers
    assert "04403190011144031234" not in numbers  # a Chinese word ends a number


def test_folder_files_lists_ordinary_files_in_subfolders_without_hidden_ones_or_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "44031234.pdf").write_bytes(b"x")
    (tmp_path / "合同.pdf").write_bytes(b"y")
    (tmp_path / ".DS_Store").write_bytes(b"z")
    (tmp_path / "~$合同.docx").write_bytes(b"z")
    (tmp_path / "Thumbs.db").write_bytes(b"z")
    os.symlink(tmp_path / "合同.pdf", tmp_path / "link.pdf")
    assert folder_files(tmp_path) == [tmp_path / "合同.pdf", tmp_path / "a" / "44031234.pdf"]
    assert expand([tmp_path / "合同.pdf", tmp_path / "a"]) == [tmp_path / "合同.pdf", tmp_path / "a" / "44031234.pdf"]
    with pytest.raises(StoreError, match="more than 1 files"):
        folder_files(tmp_path, limit=1)


def test_placed_files_are_copied_in_one_batch_and_given_as_new_lines(tmp_path: Path) -> None:
    d = _draft()
    scans = tmp_path / "scans"
    scans.mkdir()
    names = ["44031234_发票.pdf", "合同HT-2025-018.pdf", "HT-2025-019 回单.pdf", "copy.pdf"]
    for n in names:
        (scans / n).write_bytes(n.encode())
    (scans / "copy.pdf").write_bytes("44031234_发票.pdf".encode())  # same bytes as the first: stored once
    store = FileStore(tmp_path / "files")
    before = [list(x.files) for x in d.equipment]
    placed = [(scans / names[0], 0, "invoice"), (scans / names[1], 0, "contract"), (scans / names[2], 1, "payment"),
              (scans / names[3], 1, "other")]
    lines = lines_with_files(store, d, placed)
    assert [x.files for x in d.equipment] == before  # the draft itself is untouched
    assert sorted(lines) == [0, 1]
    assert [(f.kind, f.name) for f in lines[0].files] == [("invoice", names[0]), ("contract", names[1])]
    assert lines[1].files[1].sha256 == lines[0].files[0].sha256
    assert store.read(lines[1].files[0].sha256 or "") == names[2].encode()
    assert len(list(store.digests())) == 3 and not list((tmp_path / "files" / "tmp").iterdir())


def test_a_batch_with_an_unreadable_file_keeps_nothing(tmp_path: Path) -> None:
    d = _draft()
    good = tmp_path / "44031234.pdf"
    good.write_bytes(b"scan")
    store = FileStore(tmp_path / "files")
    with pytest.raises(StoreError, match="gone.pdf"):
        lines_with_files(store, d, [(good, 0, "invoice"), (tmp_path / "gone.pdf", 0, "invoice")])
    assert list(store.digests()) == [] and not list((tmp_path / "files" / "tmp").iterdir())
    with pytest.raises(StoreError, match="line 9"):
        lines_with_files(store, d, [(good, 8, "invoice")])
    with pytest.raises(StoreError, match="not a kind"):
        lines_with_files(store, d, [(good, 0, "photo")])


def _recorded(tmp_path: Path, monkeypatch, count: int, syncfs: bool | None) -> tuple[list[str], list[Path]]:
    """`count` files added in one batch; what was synced and named, in order (syncfs None: the real one)."""
    from desktop.storage import files_store

    files = []
    for i in range(count):
        f = tmp_path / f"{i}.bin"
        f.write_bytes(i.to_bytes(2, "little") * 50)
        files.append(f)
    store = FileStore(tmp_path / "files")
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def whole(path: Path) -> bool:
        events.append("fs")
        return bool(syncfs)

    def fsync(fd: int) -> None:
        events.append("dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real_fsync(fd)

    def replace(a, b) -> None:
        events.append("name")
        real_replace(a, b)

    if syncfs is not None:
        monkeypatch.setattr(files_store, "_sync_file_system", whole)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    stored = store.add_files(files)
    assert [store.read(d) for d, _ in stored] == [f.read_bytes() for f in files]
    folders = {store.path_of(d).parent for d, _ in stored}
    return events, sorted(folders)


def test_a_small_batch_syncs_every_file_before_any_is_named_and_each_folder_once(tmp_path: Path, monkeypatch) -> None:
    events, folders = _recorded(tmp_path, monkeypatch, 6, None)
    assert events == [*["file"] * 6, *["name"] * 6, *["dir"] * len(folders)]


@pytest.mark.parametrize("syncfs_works", [True, False])
def test_a_large_batch_syncs_the_file_system_once_before_and_once_after_the_names(
        tmp_path: Path, monkeypatch, syncfs_works: bool) -> None:
    from desktop.storage.files_store import BATCH_SYNC

    n = BATCH_SYNC + 4
    events, folders = _recorded(tmp_path, monkeypatch, n, syncfs_works)
    if syncfs_works:
        assert events == ["fs", *["name"] * n, "fs"]
    else:  # no such call: each file, then each folder
        assert events == ["fs", *["file"] * n, *["name"] * n, *["dir"] * len(folders)]


def test_the_file_system_sync_is_really_called_on_linux(tmp_path: Path) -> None:
    from desktop.storage import files_store

    if not sys.platform.startswith("linux"):
        pytest.skip("syncfs is Linux's")
    assert files_store._sync_file_system(tmp_path) is True
