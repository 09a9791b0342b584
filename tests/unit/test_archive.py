"""Draft archives: a stored draft and its files out as one ZIP and back into another database exactly;
hostile archives refused naming the entry, with nothing written anywhere."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import paths
from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import dumps
from desktop.domain.model import LineFile
from desktop.services import archive as arch
from desktop.services.archive import ArchiveError, read_archive, write_archive
from desktop.services.evidence_files import attach_to_stored, export_archive, import_archive, store_of
from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.files_store import FileStore
from tests.unit.builders import draft
from tests.unit.evidence_builders import evidenced_line
from tests.unit.storage_helpers import closing_db, new_db


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield from closing_db(tmp_path / "home")


def _stored_with_files(db: Database, tmp_path: Path) -> int:
    with db.session() as s:
        d = draft([evidenced_line(0, quantity=2), evidenced_line(1)], title="归档")
        draft_id = repo.create_draft(s, draft=d).id
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (kind, line) in enumerate([("nameplate_photo", 0), ("invoice", 1), ("business_licence", None)]):
        f = folder / f"文件{i}.bin"
        f.write_bytes(os.urandom(2000) + b"x" * 100000)
        attach_to_stored(db, draft_id, f, kind=kind, line=line)
    return draft_id


def test_round_trip_into_another_database(db: Database, tmp_path: Path) -> None:
    draft_id = _stored_with_files(db, tmp_path)
    out = tmp_path / "out" / "draft.zip"
    out.parent.mkdir()
    missing = export_archive(db, draft_id, out)
    with db.session() as s:
        original = repo.get_draft(s, draft_id=draft_id).draft
    # the evidenced lines' own digests were never stored: they are listed as missing, not invented
    refs = {f.sha256 for line in original.equipment for f in line.files} | {a.sha256 for a in original.attachments}
    assert set(missing) == {d for d in refs if d and not store_of(db).has(d)} and len(missing) == 7
    other = new_db(tmp_path / "elsewhere")
    try:
        stored, still_missing = import_archive(other, out)
        assert sorted(still_missing) == sorted(missing)
        with other.session() as s:
            got = repo.get_draft(s, draft_id=stored.id).draft
            assert [r.reason for r in repo.list_revisions(s, draft_id=stored.id)] == ["import"]
        assert dumps(got) == dumps(original) and got == original
        for digest in refs - set(missing):
            assert store_of(other).read(digest or "") == store_of(db).read(digest or "")
    finally:
        other.close()


def test_archive_bytes_are_reproducible(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    d = draft([evidenced_line(0)])
    digest, size = store.add_bytes(b"%PDF a contract")
    d.equipment[0].files = [LineFile("contract", digest, "c.pdf", size), *d.equipment[0].files[1:]]
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    write_archive(d, store, a)
    write_archive(d, store, b)
    assert a.read_bytes() == b.read_bytes()
    names = zipfile.ZipFile(a).namelist()
    assert names[:2] == ["manifest.json", "draft.json"] and f"files/{digest}" in names


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, data)
    return path


MANIFEST = json.dumps({"format": "grant-archive/1", "draft": "draft.json", "files": [], "missing": []}).encode()
DRAFT = dumps(draft([evidenced_line(0)])).encode()


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


HOSTILE = [
    ("absolute", [("/etc/passwd", b"x")], "/etc/passwd", "absolute"),
    ("dotdot", [("files/../../evil", b"x")], "files/../../evil", "escaping"),
    ("backslash", [("..\\evil.txt", b"x")], "..\\evil.txt", "absolute or escaping"),
    ("link", [(_link("files/" + "a" * 64), b"/etc/passwd")], "files/" + "a" * 64, "link"),
    ("folder", [("evil/", b"")], "evil/", "not an ordinary file"),
    ("stranger", [("notes.txt", b"x")], "notes.txt", "not part of a draft archive"),
    ("bad digest name", [("files/xyz", b"x")], "files/xyz", "not part of a draft archive"),
    ("altered", [("files/" + "b" * 64, b"not that content")], "files/" + "b" * 64, "does not match"),
]


@pytest.mark.parametrize(("label", "extra", "entry", "needle"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_entries_are_refused_and_nothing_is_written(
    tmp_path: Path, label: str, extra: list[tuple[zipfile.ZipInfo | str, bytes]], entry: str, needle: str
) -> None:
    path = _zip(tmp_path / "in.zip", [("manifest.json", MANIFEST), ("draft.json", DRAFT), *extra])
    store = FileStore(tmp_path / "store" / "files")
    before = sorted(p for p in tmp_path.rglob("*"))
    with pytest.raises(ArchiveError) as info:
        read_archive(path, store)
    assert f": {entry}: " in str(info.value) and needle in str(info.value), label
    assert sorted(p for p in tmp_path.rglob("*")) == before
    assert not (tmp_path.parent / "evil").exists() and not (tmp_path / "evil.txt").exists()


def test_oversized_and_bomb_members_are_refused_as_they_unpack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arch, "MAX_FILE_BYTES", 1 << 20)
    bomb = b"\0" * (8 << 20)  # 8 MiB of zeros: a few kilobytes packed
    import hashlib

    name = "files/" + hashlib.sha256(bomb).hexdigest()
    path = _zip(tmp_path / "bomb.zip", [("manifest.json", MANIFEST), ("draft.json", DRAFT), (name, bomb)])
    assert path.stat().st_size < 100_000
    store = FileStore(tmp_path / "files")
    with pytest.raises(ArchiveError, match="larger than 1,048,576 bytes"):
        read_archive(path, store)
    # the same bomb whose header claims a small size: refused as it unpacks (or as damaged), never kept
    raw = bytearray(path.read_bytes())
    real = len(bomb).to_bytes(4, "little")
    small = (1000).to_bytes(4, "little")
    raw = raw.replace(real, small)
    lying = tmp_path / "lying.zip"
    lying.write_bytes(bytes(raw))
    with pytest.raises(ArchiveError) as info:
        read_archive(lying, store)
    assert name in str(info.value)
    assert list(store.digests()) == []


def test_too_many_entries_and_not_a_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arch, "MAX_ENTRIES", 3)
    many = _zip(tmp_path / "many.zip", [("manifest.json", MANIFEST), ("draft.json", DRAFT),
                                        ("files/" + "c" * 64, b"1"), ("files/" + "d" * 64, b"2")])
    with pytest.raises(ArchiveError, match="4 entries, more than 3"):
        read_archive(many, FileStore(tmp_path / "files"))
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK not really")
    with pytest.raises(ArchiveError, match="not a ZIP archive"):
        read_archive(junk, FileStore(tmp_path / "files"))


def test_a_bad_draft_inside_is_refused_with_its_path(tmp_path: Path) -> None:
    bad = DRAFT.replace(b'"asset_tag": "ZC-00000"', b'"asset_tag": 5')
    path = _zip(tmp_path / "bad.zip", [("manifest.json", MANIFEST), ("draft.json", bad)])
    with pytest.raises(DraftFormatError) as info:
        read_archive(path, FileStore(tmp_path / "files"))
    assert info.value.path == "equipment[0].asset_tag" and "draft.json" in str(info.value)
    other = _zip(tmp_path / "other.zip", [("manifest.json", b'{"format": "zip/9"}'), ("draft.json", DRAFT)])
    with pytest.raises(ArchiveError, match="manifest.json: not \"grant-archive/1\""):
        read_archive(other, FileStore(tmp_path / "files"))


def _cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db_path), *args], cwd=paths.PROJECT_ROOT,
        capture_output=True, text=True, timeout=120,
    )


def test_cli_attach_archive_export_and_import(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "drafts.sqlite3", tmp_path / "b" / "drafts.sqlite3"
    first.parent.mkdir()
    second.parent.mkdir()
    imported = _cli(first, "drafts", "import", str(paths.demo_draft_path()))
    assert imported.returncode == 0, imported.stderr
    draft_id = imported.stdout.strip()
    photo = tmp_path / "铭牌.jpg"
    photo.write_bytes(b"\xff\xd8\xff nameplate")
    done = _cli(first, "attach", draft_id, str(photo), "--kind", "nameplate_photo", "--line", "1")
    assert done.returncode == 0, done.stderr
    digest = done.stdout.strip()
    assert (first.parent / "files" / digest[:2] / digest).read_bytes() == photo.read_bytes()
    refused = _cli(first, "attach", draft_id, str(photo), "--kind", "selfie", "--line", "1")
    assert refused.returncode == 2 and "not a kind of line evidence" in refused.stderr
    out = tmp_path / "d.zip"
    assert _cli(first, "archive-export", draft_id, "-o", str(out)).returncode == 0
    back = _cli(second, "archive-import", str(out))
    assert back.returncode == 0, back.stderr
    shown_a = _cli(first, "drafts", "show", draft_id, "--json").stdout
    shown_b = _cli(second, "drafts", "show", back.stdout.strip(), "--json").stdout
    assert shown_a == shown_b and '"format": "grant-draft/2"' in shown_b
    assert (second.parent / "files" / digest[:2] / digest).exists()
    hostile = _zip(tmp_path / "h.zip", [("manifest.json", MANIFEST), ("draft.json", DRAFT), ("../x", b"x")])
    refused = _cli(second, "archive-import", str(hostile), "--lang", "zh")
    assert refused.returncode == 2 and "../x" in refused.stderr and "已拒绝" in refused.stderr
    assert not (tmp_path / "x").exists()


def test_archive_writes_whole_or_not_at_all(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    target = tmp_path / "no-such-folder" / "a.zip"
    with pytest.raises(OSError):
        write_archive(draft(), store, target)
    assert not target.exists() and not target.parent.exists()
