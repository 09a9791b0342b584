"""The program's own copies of evidence files, content-addressed by SHA-256 (each content stored once).

Layout: ROOT/ab/abcdef…(64 hex), no extension, read-only once in place. ROOT is `files` beside the
database file (the data folder by default), so a database and its files move together. A file is put
in place whole (written to ROOT/tmp, synced, then renamed, then its folder synced) or not at all; a
batch of files (a folder of scans) is written first and synced together, and is only ever read by its
digest: nothing the store is asked for can name a path outside it.

Which draft uses which file is the `draft_files` table; `collect` deletes the files no draft refers to
any more (not those stored in the last hour: an attachment being added has no row yet).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

MAX_FILE_BYTES = 512 * 1024 * 1024  # one evidence file (a scanned contract, a photo): 512 MiB at most
_CHUNK = 1024 * 1024
_HEX = re.compile(r"^[0-9a-f]{64}$")
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
GRACE_SECONDS = 3600
BATCH_SYNC = 16  # from this many files in one batch, the file system is synced once instead of file by file


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class StoreError(Exception):
    """A file that cannot be kept or found; the message names it and says what to do (en), `zh` too."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh

    def text(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else str(self)


def valid_digest(digest: str) -> bool:
    return bool(_HEX.match(digest))


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, digest: str) -> Path:
        """Where the file of `digest` lives (ValueError for anything but 64 lower-case hex digits)."""
        if not valid_digest(digest):
            raise ValueError(f"not a SHA-256 digest: {digest[:80]!r}")
        return self.root / digest[:2] / digest

    def has(self, digest: str) -> bool:
        return valid_digest(digest) and self.path_of(digest).is_file()

    def _stage(self, source: Readable, limit: int, what: str) -> tuple[str, str, int]:
        """Copy `source` into a new file of ROOT/tmp (not yet synced); (its path, sha256, size). Nothing
        is left behind when it fails (StoreError past `limit` bytes)."""
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as out:
                while True:
                    chunk = source.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise StoreError(
                            f"{what}: larger than {limit:,} bytes; keep a smaller scan or photo",
                            f"{what}：超过 {limit:,} 字节，请使用较小的扫描件或照片",
                        )
                    digest.update(chunk)
                    out.write(chunk)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return tmp, digest.hexdigest(), size

    def _commit(self, staged: list[tuple[str, str, int]]) -> None:
        """Make staged files durable and put them in place: every file's bytes synced, then each renamed
        to its digest, then the renames synced. A batch of BATCH_SYNC files or more is synced with one
        call for the whole file system, before the renames and after them, where the system has one
        (Linux's syncfs); otherwise each file is synced (after all were written, so the disk can take them
        together) and each folder a file landed in once. A file is only named by its digest once its
        bytes are on disk, and the caller records it (in a draft) only after this returns."""
        try:
            whole = len(staged) >= BATCH_SYNC and _sync_file_system(self.root)
            if not whole:
                for tmp, _, _ in staged:
                    fd = os.open(tmp, os.O_RDWR | getattr(os, "O_BINARY", 0))
                    try:
                        os.fsync(fd)
                    finally:
                        os.close(fd)
            folders = set()
            for tmp, digest, _ in staged:
                if os.path.exists(tmp):  # the same content twice in one batch: placed once
                    self._place(tmp, digest)
                    folders.add(self.path_of(digest).parent)
            if not (whole and _sync_file_system(self.root)):
                for folder in sorted(folders):
                    _sync_folder(folder)
        finally:
            for tmp, _, _ in staged:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def _place(self, tmp: str, digest: str) -> None:
        target = self.path_of(digest)
        if target.is_file():  # stored once: the same content is already here (fresh again for collect)
            with contextlib.suppress(OSError):
                os.utime(target)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)

    def add_stream(self, source: Readable, *, limit: int = MAX_FILE_BYTES, what: str = "file") -> tuple[str, int]:
        """Copy `source` into the store; (sha256, size). StoreError past `limit` bytes (nothing kept)."""
        staged = self._stage(source, limit, what)
        self._commit([staged])
        return staged[1], staged[2]

    def add_file(self, source: Path, *, limit: int = MAX_FILE_BYTES) -> tuple[str, int]:
        """Copy the file the user chose into the store; (sha256, size). Only an ordinary file is read
        (not a folder, a device, a pipe; a link is not followed): StoreError names the file otherwise."""
        with _open_source(source) as fh:
            return self.add_stream(fh, limit=limit, what=str(source))

    def add_files(
        self, sources: Sequence[Path], *, limit: int = MAX_FILE_BYTES, progress: Callable[[int], object] | None = None
    ) -> list[tuple[str, int]]:
        """Copy many files the user chose in one batch, whole or not at all; (sha256, size) of each in
        order. Each is read and written first, then all are made durable together (see _commit): a folder
        of thousands of scans is not synced file by file. StoreError names the first file that cannot be
        kept, and then none is. `progress(n)` is told after each file read."""
        staged: list[tuple[str, str, int]] = []
        try:
            for n, source in enumerate(sources, 1):
                with _open_source(source) as fh:
                    staged.append(self._stage(fh, limit, str(source)))
                if progress is not None:
                    progress(n)
        except BaseException:
            for tmp, _, _ in staged:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise
        self._commit(staged)
        return [(digest, size) for _, digest, size in staged]

    def add_bytes(self, data: bytes) -> tuple[str, int]:
        import io

        return self.add_stream(io.BytesIO(data), limit=max(MAX_FILE_BYTES, len(data)))

    def read(self, digest: str) -> bytes:
        """The content of `digest`, checked against it (StoreError when missing or damaged)."""
        path = self.path_of(digest)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(
                f"file {digest[:16]}… is not in the program's file store ({self.root}); attach it again",
                f"文件 {digest[:16]}… 不在本程序的文件库（{self.root}）中，请重新添加",
            ) from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise StoreError(
                f"file {digest[:16]}… in {self.root} is damaged (its content changed); attach it again",
                f"文件库 {self.root} 中的文件 {digest[:16]}… 已损坏（内容被改动），请重新添加",
            )
        return data

    def digests(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in self.root.iterdir():
            if len(sub.name) == 2 and sub.is_dir():
                for item in sub.iterdir():
                    if valid_digest(item.name) and item.name.startswith(sub.name):
                        yield item.name

    def collect(self, in_use: Iterable[str], *, now: float | None = None) -> list[str]:
        """Delete the stored files not in `in_use` (older than the grace period); the digests deleted."""
        keep = set(in_use)
        moment = time.time() if now is None else now
        gone = []
        for digest in list(self.digests()):
            if digest in keep:
                continue
            path = self.path_of(digest)
            with contextlib.suppress(OSError):
                if moment - path.stat().st_mtime >= GRACE_SECONDS:
                    path.unlink()
                    gone.append(digest)
        return gone


@contextlib.contextmanager
def _open_source(source: Path) -> Iterator[BinaryIO]:
    """A file the user chose, opened for reading if it is an ordinary file (never a link, a folder, a
    device or a pipe); StoreError names it otherwise."""
    try:
        fd = os.open(source, _OPEN_FLAGS)
    except FileNotFoundError:
        raise StoreError(f"{source}: no such file", f"{source}：文件不存在") from None
    except OSError as exc:
        raise StoreError(
            f"{source}: cannot be read ({exc.strerror}); choose the file itself, not a link or a folder",
            f"{source}：无法读取（{exc.strerror}），请选择文件本身（不是快捷方式或文件夹）",
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise StoreError(
            f"{source}: not an ordinary file; choose a document or a photo",
            f"{source}：不是普通文件，请选择文档或照片",
        )
    with os.fdopen(fd, "rb") as fh:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        yield fh


def _sync_file_system(path: Path) -> bool:
    """Write everything waiting for the file system holding `path` to its disk, in one call (Linux's
    syncfs, which reports a failure since Linux 5.8); False where there is no such call or it failed
    (the caller then syncs file by file)."""
    syncfs = _syncfs()
    if syncfs is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return False
    try:
        return bool(syncfs(fd) == 0)
    finally:
        os.close(fd)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return function


def _sync_folder(folder: Path) -> None:
    """Make the names in `folder` durable (where the system allows a folder to be synced)."""
    if os.name == "nt":  # Windows cannot open a folder for syncing; NTFS journals the rename itself
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def store_beside(database_file: Path | None) -> FileStore:
    """The store of a database: `files` beside its file (the data folder's for a database without one)."""
    if database_file is not None:
        return FileStore(database_file.parent / "files")
    from desktop import paths

    return FileStore(paths.data_dir() / "files")
