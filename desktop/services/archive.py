"""A draft archive: one ZIP holding a draft file and the evidence files it refers to, to move a draft
with its proof to another computer (or a consultant) and back, losslessly.

Layout (format grant-archive/1):
    manifest.json      {"format", "draft": "draft.json", "files": [{"sha256", "size"}], "missing": [...]}
    draft.json         the draft in the exchange format
    files/<sha256>     each file the draft refers to that the file store holds, named by its digest

Importing trusts nothing in the archive: only those three kinds of entry are accepted (an absolute
path, `..`, a drive, a link, a folder or any other name is refused naming the entry), sizes are
bounded as they are read (not as the archive claims: no zip bomb), each file must hash to its name,
and the draft is read by the strict reader. Files go into the file store only (by digest); nothing is
written anywhere else, and nothing at all when the archive is refused.

An archive unpacked and zipped again on Windows is read as the same archive: names in GBK without the
UTF-8 flag are read as GBK, a backslash separates folders (PowerShell's Compress-Archive), the entries
may sit in one folder (the unpacked folder zipped whole, named in Chinese), and the folders themselves
may have entries of their own.
"""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.evidence import draft_file_hashes
from desktop.domain.exchange import dumps, loads
from desktop.domain.lang import Lang
from desktop.domain.model import Draft
from desktop.files import write_atomic_with, zip_entry_name
from desktop.storage.files_store import MAX_FILE_BYTES, FileStore, valid_digest

ARCHIVE_FORMAT = "grant-archive/1"
MAX_ENTRIES = 20_000
MAX_DRAFT_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024
_STAMP = (1980, 1, 1, 0, 0, 0)


class ArchiveError(Exception):
    """An archive that cannot be read or written; names the archive and the entry, in English and Chinese."""

    def __init__(self, archive: Path, message: str, zh: str, entry: str | None = None) -> None:
        where = f"{archive}: {entry}: " if entry else f"{archive}: "
        super().__init__(where + message)
        self.zh = where + zh

    def text(self, lang: str = "en") -> str:
        return self.zh if Lang.parse(lang).chinese else str(self)


@dataclass(frozen=True)
class ArchiveContents:
    draft: Draft
    files: dict[str, int]  # the files it brought (sha256 -> size), now in the store
    missing: list[str]  # files the draft refers to that neither the archive nor the store holds


def _entry(name: str, created: datetime | None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_STAMP if created is None else created.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def write_archive(draft: Draft, store: FileStore, output: Path, *, created: datetime | None = None) -> list[str]:
    """Write the archive whole or not at all; the digests the draft refers to that the store lacks
    (they are listed in the manifest as missing: attach them again after importing)."""
    digests = sorted(draft_file_hashes(draft))
    present = [d for d in digests if store.has(d)]
    missing = [d for d in digests if d not in present]
    contents = [(d, store.read(d)) for d in present]
    manifest = {
        "format": ARCHIVE_FORMAT, "draft": "draft.json",
        "files": [{"sha256": d, "size": len(data)} for d, data in contents], "missing": missing,
    }

    def produce(fh: Any) -> None:
        with zipfile.ZipFile(fh, "w") as z:
            z.writestr(_entry("manifest.json", created), json.dumps(manifest, indent=2) + "\n")
            z.writestr(_entry("draft.json", created), dumps(draft))
            for digest, data in contents:
                info = _entry(f"files/{digest}", created)
                if data[:4] in (b"\x89PNG", b"%PDF") or data[:3] == b"\xff\xd8\xff":
                    info.compress_type = zipfile.ZIP_STORED  # already compressed
                z.writestr(info, data)

    write_atomic_with(output, produce)
    return missing


def _fail(archive: Path, message: str, zh: str, entry: str | None = None) -> ArchiveError:
    return ArchiveError(archive, message, zh, entry)


_PARTS = ("manifest.json", "draft.json")


def _meant_names(archive: Path, infos: list[zipfile.ZipInfo]) -> list[tuple[str, str, zipfile.ZipInfo]]:
    """(name in the archive's layout, name as written, entry) for each entry but the folders that hold the
    archive's parts: GBK names decoded, backslashes as separators, a folder wrapping everything removed."""
    written = [(zip_entry_name(i), i) for i in infos]
    paths = [(shown.replace("\\", "/"), shown, i) for shown, i in written]
    for name, shown, _ in paths:
        if name.startswith("/") or ".." in name.split("/") or ":" in name:
            raise _fail(archive, "an absolute or escaping path; refused, nothing imported",
                        "绝对路径或越出归档的路径，已拒绝，未导入任何内容", shown)
    top = ""
    files = [name for name, _, i in paths if not i.is_dir()]
    if "manifest.json" not in files:
        wrapped = [n for n in files if n.endswith("/manifest.json") and n.count("/") == 1]
        if len(wrapped) == 1 and all(n.startswith(wrapped[0][:-13]) for n in files):
            top = wrapped[0][:-13]
    holders = {top, f"{top}files/"}
    out = []
    for name, shown, info in paths:
        if info.is_dir() and name in holders and info.file_size == 0:
            continue  # a folder's own entry, as Windows and 7-Zip write them
        out.append((name[len(top):] if name.startswith(top) else name, shown, info))
    return out


def _check_entries(archive: Path, entries: list[tuple[str, str, zipfile.ZipInfo]]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise _fail(archive, f"{len(entries)} entries, more than {MAX_ENTRIES}; not a draft archive",
                    f"含 {len(entries)} 个条目，超过 {MAX_ENTRIES}，不是草稿归档")
    seen: set[str] = set()
    for name, shown, info in entries:
        mode = info.external_attr >> 16
        if name in seen:
            raise _fail(archive, "appears twice; the archive was altered", "重复出现，归档已被改动", shown)
        seen.add(name)
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # links, folders, devices
            raise _fail(archive, "not an ordinary file (a link or a folder); refused, nothing imported",
                        "不是普通文件（链接或文件夹），已拒绝，未导入任何内容", shown)
        if info.flag_bits & 0x1:
            raise _fail(archive, "encrypted; a draft archive is never encrypted", "已加密，草稿归档不加密", shown)
        if name not in _PARTS and not (name.startswith("files/") and valid_digest(name[6:])):
            raise _fail(archive, "not part of a draft archive (manifest.json, draft.json, files/<sha256>)",
                        "不属于草稿归档（manifest.json、draft.json、files/<sha256>）", shown)
    for needed in _PARTS:
        if needed not in seen:
            raise _fail(archive, f"{needed} is missing; not a draft archive", f"缺少 {needed}，不是草稿归档")


class _Bounded:
    """A member being unpacked, refused as soon as more than `limit` bytes come out (whatever its header
    says: no zip bomb), hashing what passes."""

    def __init__(self, archive: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> None:
        if info.file_size > limit:
            raise _fail(archive, f"larger than {limit:,} bytes; refused", f"超过 {limit:,} 字节，已拒绝",
                        zip_entry_name(info))
        self.archive, self.info, self.limit = archive, info, limit
        self.fh = z.open(info)
        self.size = 0
        self.sha = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        try:
            chunk = self.fh.read(min(n, 1024 * 1024) if n > 0 else 1024 * 1024)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, zlib.error) as exc:
            raise _fail(self.archive, f"damaged ({exc})", f"已损坏（{exc}）", zip_entry_name(self.info)) from None
        self.size += len(chunk)
        if self.size > self.limit:
            raise _fail(self.archive, f"unpacks to more than {self.limit:,} bytes; refused",
                        f"解压后超过 {self.limit:,} 字节，已拒绝", zip_entry_name(self.info))
        self.sha.update(chunk)
        return chunk

    def all(self) -> bytes:
        chunks = []
        while chunk := self.read():
            chunks.append(chunk)
        return b"".join(chunks)

    def drain(self) -> None:
        while self.read():
            pass


def _bounded(archive: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> _Bounded:
    try:
        return _Bounded(archive, z, info, limit)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:
        raise _fail(archive, f"damaged ({exc})", f"已损坏（{exc}）", zip_entry_name(info)) from None


def read_archive(archive: Path, store: FileStore) -> ArchiveContents:
    """Read and check the archive; its files go into the store. ArchiveError (naming the entry) or
    DraftFormatError (naming the path in draft.json) when refused; nothing is kept then."""
    try:
        z = zipfile.ZipFile(archive)
    except FileNotFoundError:
        raise _fail(archive, "no such file", "文件不存在") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise _fail(archive, f"not a ZIP archive ({exc})", f"不是 ZIP 归档（{exc}）") from None
    with z:
        entries = _meant_names(archive, z.infolist())
        _check_entries(archive, entries)
        by_name = {name: info for name, _, info in entries}
        try:
            manifest = json.loads(_bounded(archive, z, by_name["manifest.json"], MAX_MANIFEST_BYTES).all())
        except ValueError:
            raise _fail(archive, "not JSON", "不是 JSON", "manifest.json") from None
        if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
            raise _fail(archive, f'not "{ARCHIVE_FORMAT}"; this program reads {ARCHIVE_FORMAT} archives',
                        f"格式不是 {ARCHIVE_FORMAT}", "manifest.json")
        text = _bounded(archive, z, by_name["draft.json"], MAX_DRAFT_BYTES).all()
        draft = loads(text, source=f"{archive}: draft.json")
        # every file checked (streamed, bounded) before any is kept: a refused archive keeps nothing
        members = [(name, shown, info) for name, shown, info in entries if name.startswith("files/")]
        total = 0
        for name, shown, info in members:
            entry = _bounded(archive, z, info, MAX_FILE_BYTES)
            entry.drain()
            total += entry.size
            if total > MAX_TOTAL_BYTES:
                raise _fail(archive, f"unpacks to more than {MAX_TOTAL_BYTES:,} bytes; refused",
                            f"解压后总量超过 {MAX_TOTAL_BYTES:,} 字节，已拒绝")
            if entry.sha.hexdigest() != name[6:]:
                raise _fail(archive, "its content does not match its name (SHA-256); the archive was altered",
                            "内容与名称（SHA-256）不符，归档已被改动", shown)
        files = {}
        for _, shown, info in members:
            entry = _bounded(archive, z, info, MAX_FILE_BYTES)
            digest, size = store.add_stream(entry, what=shown)
            files[digest] = size
    missing = sorted(d for d in draft_file_hashes(draft) if d not in files and not store.has(d))
    return ArchiveContents(draft, files, missing)
