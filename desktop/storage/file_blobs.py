"""Evidence files shared through a team database: on PostgreSQL every file attached is also kept in the
database (file_blobs + file_chunks, r0006), so a colleague opening the draft on another machine has it.

Each machine still reads files from its local store (files_store.py); a file it lacks is fetched from the
database into that store when asked for (opening evidence, a package, an auditor's ZIP), checked against
its SHA-256. Bytes move in pieces of CHUNK bytes both ways: a 500 MB scan is never held in memory whole.
A file is written in one transaction, its chunks first and its file_blobs row last, so a row there means
all its bytes are. It is deleted from the database when no draft uses it any more (not in its first hour:
an attachment being added has no draft_files row yet). SQLite keeps its files beside the database file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, exists, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from desktop.storage import tables
from desktop.storage.database import Database
from desktop.storage.files_store import (
    GRACE_SECONDS,
    MAX_FILE_BYTES,
    FileStore,
    Readable,
    StoreError,
    store_beside,
    valid_digest,
)
from desktop.storage.records import now

CHUNK = 1024 * 1024
B = tables.file_blobs.c
C = tables.file_chunks.c


def shares_files(db: Database) -> bool:
    """Whether the database keeps the evidence files itself (a server database: PostgreSQL)."""
    return db.engine.dialect.name == "postgresql"


def in_database(conn: Connection, digest: str) -> bool:
    return conn.execute(select(B.size).where(B.sha256 == digest)).first() is not None


def upload(db: Database, path: Path, digest: str) -> bool:
    """Keep the file at `path` (the local store's copy of `digest`) in the database; False when it was
    there already. The bytes are checked against `digest` as they go (StoreError, nothing kept, if not)."""
    with db.engine.begin() as conn:
        if in_database(conn, digest):
            return False
        sha, size, seq = hashlib.sha256(), 0, 0
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                sha.update(chunk)
                size += len(chunk)
                conn.execute(pg_insert(tables.file_chunks).values(sha256=digest, seq=seq, data=chunk)
                             .on_conflict_do_nothing())  # the same file sent by a colleague at the same time
                seq += 1
        if sha.hexdigest() != digest:
            raise StoreError(f"file {digest[:16]}… in {path.parent.parent} is damaged (its content changed); "
                             "attach it again",
                             f"文件库 {path.parent.parent} 中的文件 {digest[:16]}… 已损坏（内容被改动），请重新添加")
        conn.execute(pg_insert(tables.file_blobs).values(sha256=digest, size=size, chunks=seq, stored_at=now())
                     .on_conflict_do_nothing())
    return True


class _Chunks:
    """The bytes of one file read from the database a chunk at a time, as a stream (`read`)."""

    def __init__(self, db: Database, digest: str, count: int) -> None:
        self.db, self.digest, self.count = db, digest, count
        self.seq, self.buffer = 0, b""

    def read(self, n: int = -1, /) -> bytes:
        while (n < 0 or len(self.buffer) < n) and self.seq < self.count:
            with self.db.engine.connect() as conn:
                piece = conn.execute(select(C.data).where(C.sha256 == self.digest, C.seq == self.seq)).scalar()
            if piece is None:
                raise StoreError(
                    f"file {self.digest[:16]}… is incomplete in the team database (piece {self.seq} missing); "
                    "attach it again",
                    f"团队数据库中的文件 {self.digest[:16]}… 不完整（缺少第 {self.seq} 段），请重新添加",
                )
            self.buffer += bytes(piece)
            self.seq += 1
        if n < 0:
            out, self.buffer = self.buffer, b""
        else:
            out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out


def fetch(db: Database, store: FileStore, digest: str) -> bool:
    """Copy `digest` from the database into `store` (not into the database again); False when the
    database does not hold it. StoreError when its bytes there are not those of `digest`."""
    with db.engine.connect() as conn:
        row = conn.execute(select(B.size, B.chunks).where(B.sha256 == digest)).first()
    if row is None:
        return False
    got, _size = FileStore.add_stream(store, _Chunks(db, digest, int(row.chunks)),
                                      limit=max(MAX_FILE_BYTES, int(row.size)), what=f"file {digest[:16]}…")
    if got != digest:
        raise StoreError(
            f"file {digest[:16]}… is damaged in the team database (its content changed); attach it again",
            f"团队数据库中的文件 {digest[:16]}… 已损坏（内容被改动），请重新添加",
        )
    return True


def digest_in_database(db: Database, digest: str) -> str | None:
    """SHA-256 of the bytes the database holds for `digest` (read in chunks), or None without a row."""
    with db.engine.connect() as conn:
        row = conn.execute(select(B.chunks).where(B.sha256 == digest)).first()
    if row is None:
        return None
    sha, chunks = hashlib.sha256(), _Chunks(db, digest, int(row.chunks))
    while piece := chunks.read(CHUNK):
        sha.update(piece)
    return sha.hexdigest()


def free_unused(db: Database, *, keep: Iterable[str] = (), moment: float | None = None) -> list[str]:
    """Delete from the database the files no draft uses (kept an hour after they were stored, and those in
    `keep`); their digests. `moment`: the time it is (seconds since the epoch; now by default)."""
    used = exists().where(tables.draft_files.c.sha256 == B.sha256)
    at = now() if moment is None else datetime.fromtimestamp(moment, UTC)
    cutoff = at - timedelta(seconds=GRACE_SECONDS)
    kept = set(keep)
    with db.engine.begin() as conn:
        gone = [d for (d,) in conn.execute(select(B.sha256).where(~used, B.stored_at <= cutoff)) if d not in kept]
        for digest in gone:
            conn.execute(delete(tables.file_blobs).where(B.sha256 == digest))
            conn.execute(delete(tables.file_chunks).where(C.sha256 == digest))
    return sorted(gone)


def stored_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(tables.file_blobs)).scalar() or 0)


class SharedFileStore(FileStore):
    """The local store of a machine working on a team database: what is added goes to the database too,
    what is missing here is fetched from it."""

    def __init__(self, root: Path, db: Database) -> None:
        super().__init__(root)
        self.db = db

    def add_stream(self, source: Readable, *, limit: int = MAX_FILE_BYTES, what: str = "file") -> tuple[str, int]:
        digest, size = super().add_stream(source, limit=limit, what=what)
        upload(self.db, self.path_of(digest), digest)
        return digest, size

    def add_files(self, sources: Sequence[Path], *, limit: int = MAX_FILE_BYTES,
                  progress: Callable[[int], object] | None = None) -> list[tuple[str, int]]:
        """A batch (a folder of scans) goes to the database too, once all of it is kept here."""
        stored = super().add_files(sources, limit=limit, progress=progress)
        for digest, _ in stored:
            upload(self.db, self.path_of(digest), digest)
        return stored

    def has(self, digest: str) -> bool:
        """Here or fetched from the database; a file only here (kept by a way that does not know the
        database: an import of invoice files into a draft file) goes to the database on the way."""
        if not super().has(digest):
            return self._valid(digest) and fetch(self.db, self, digest)
        with self.db.engine.connect() as conn:
            shared = in_database(conn, digest)
        if not shared:
            upload(self.db, self.path_of(digest), digest)
        return True

    def read(self, digest: str) -> bytes:
        if not super().has(digest) and self._valid(digest):
            fetch(self.db, self, digest)
        return super().read(digest)

    def collect(self, in_use: Iterable[str], *, now: float | None = None) -> list[str]:
        """The local copies no draft uses go, as before; so do the database's (see free_unused)."""
        keep = set(in_use)
        gone = super().collect(keep, now=now)
        free_unused(self.db, keep=keep, moment=now)
        return gone

    @staticmethod
    def _valid(digest: str) -> bool:
        return valid_digest(digest)


def store_for(db: Database) -> FileStore:
    """The file store of an open database: beside its file for SQLite; for a team database the data
    folder's, shared through the database."""
    local = store_beside(db.path)
    return SharedFileStore(local.root, db) if shares_files(db) else local
