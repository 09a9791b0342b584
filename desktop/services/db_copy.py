"""Copy every draft (with its revisions, its state and its evidence files) from one database to another:
a personal SQLite file to a team PostgreSQL database and back. The drafts are added to those the target
holds (new ids); the copy is one transaction on the target (all or nothing), files go into the target's
store first (content-addressed: a file already there is not copied twice). Afterwards the copy is checked
against the source: the counts, and SHA-256 of each draft's exchange-format text, of each revision's
snapshot and of each file as the target's store holds it (and, for a team database, as the database
holds it: its files are shared through it, storage/file_blobs.py). CopyError says what differs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select, update

from desktop.domain.exchange import dumps
from desktop.storage import tables
from desktop.storage.database import Database
from desktop.storage.draft_files import files_of, link_files
from desktop.storage.file_blobs import digest_in_database, shares_files
from desktop.storage.files_store import FileStore
from desktop.storage.records import DamagedDraft, conn_of
from desktop.storage.whole import create_draft, load_draft

D = tables.drafts.c
R = tables.revisions.c
_KEPT = ("pack_id", "pack_version", "status", "errors", "warnings", "max_subsidy_fen", "requested_fen")
_STATE = ("version", "created_at", "updated_at", "deleted_at")


class CopyError(Exception):
    """The copy could not be made or does not match its source; the message says what (en), `zh` too."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh


@dataclass
class CopyReport:
    drafts: int = 0
    revisions: int = 0
    files: int = 0
    ids: dict[int, int] = field(default_factory=dict)  # source id -> target id
    skipped: list[str] = field(default_factory=list)  # damaged drafts of the source: "#id: why"
    missing_files: list[str] = field(default_factory=list)  # in use at the source, absent from its store


def _sha(text: str | bytes) -> str:
    return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()


def _fingerprint(db: Database, draft_id: int) -> tuple[str, list[str], dict[str, int]]:
    with db.session() as s:
        conn = conn_of(s)
        _row, draft = load_draft(conn, draft_id)
        snaps = [_sha(str(t)) for (t,) in conn.execute(
            select(R.snapshot).where(R.draft_id == draft_id).order_by(R.id))]
        return _sha(dumps(draft)), snaps, files_of(s, draft_id=draft_id)


def copy_database(source: Database, source_store: FileStore, target: Database, target_store: FileStore) -> CopyReport:
    target.refuse_edit()
    report = CopyReport()
    with source.session() as s:
        ids = [int(i) for (i,) in conn_of(s).execute(select(D.id).order_by(D.id))]
    loaded = []
    for draft_id in ids:
        with source.session() as s:
            conn = conn_of(s)
            try:
                row, draft = load_draft(conn, draft_id)
            except DamagedDraft as exc:
                report.skipped.append(f"#{draft_id}: {exc}")
                continue
            revisions = [dict(r) for r in conn.execute(
                select(R.created_at, R.reason, R.label, R.version, R.snapshot)
                .where(R.draft_id == draft_id).order_by(R.id)).mappings()]
            files = files_of(s, draft_id=draft_id)
        loaded.append((draft_id, dict(row), draft, revisions, files))
    digests = sorted({d for *_, files in loaded for d in files})
    for digest in digests:
        if source_store.has(digest):  # a team database's file is fetched into its local store first
            if not target_store.has(digest):
                with source_store.path_of(digest).open("rb") as fh:  # in pieces: a scan may be 500 MB
                    target_store.add_stream(fh, what=f"file {digest[:16]}…")
            report.files += 1
        else:
            report.missing_files.append(digest)
    with target.session(write=True) as t:
        conn = conn_of(t)
        for draft_id, row, draft, revisions, files in loaded:
            stored = create_draft(t, draft=draft, **{k: row[k] for k in _KEPT})
            conn.execute(update(tables.drafts).where(D.id == stored.id).values({k: row[k] for k in _STATE}))
            if revisions:
                conn.execute(insert(tables.revisions), [{**r, "draft_id": stored.id} for r in revisions])
            link_files(conn, stored.id, files)
            report.ids[draft_id] = stored.id
            report.drafts += 1
            report.revisions += len(revisions)
    _verify(source, target, target_store, report)
    return report


def _verify(source: Database, target: Database, target_store: FileStore, report: CopyReport) -> None:
    for old, new in report.ids.items():
        if _fingerprint(source, old) != _fingerprint(target, new):
            raise CopyError(
                f"draft #{old} differs after copying (now #{new} in the target): its text, revisions or files",
                f"草稿 #{old} 复制后与原稿不一致（目标中为 #{new}）：内容、修订或文件不同",
            )
    with target.session() as t:
        for digest in {d for new in report.ids.values() for d in files_of(t, draft_id=new)}:
            if digest in report.missing_files:
                continue
            if not target_store.has(digest) or _file_sha(target_store.path_of(digest)) != digest:
                raise CopyError(f"file {digest[:16]}… is not intact in the target's file store",
                                f"文件 {digest[:16]}… 在目标文件库中不完整")
            if shares_files(target) and digest_in_database(target, digest) != digest:
                raise CopyError(f"file {digest[:16]}… is not intact in the target team database",
                                f"文件 {digest[:16]}… 在目标团队数据库中不完整")


def _file_sha(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        while piece := fh.read(1024 * 1024):
            sha.update(piece)
    return sha.hexdigest()
