"""Everything the program keeps in a database, in one ZIP: for a server database (PostgreSQL), whose
backups are the server's, this is the program's own export; it works on SQLite files as well.

Layout (format grant-export/1), the draft archive's conventions (services/archive.py) for many drafts:
    manifest.json                       {"format", "drafts": [{"id", "title", "deleted", "draft",
                                         "revisions": [{"id", "created_at", "reason", "label", "version",
                                         "snapshot"}]}], "files": [{"sha256", "size"}], "missing": [...]}
    drafts/<id>/draft.json              each draft in the exchange format (those in the trash too)
    drafts/<id>/revisions/<rev>.json    each kept revision, the snapshot as stored
    files/<sha256>                      each evidence file a draft uses that the file store holds
Written whole or not at all (desktop.files). Damaged drafts are named in `skipped`, never a stop.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.exchange import dumps
from desktop.domain.lang import Lang
from desktop.files import write_atomic_with
from desktop.services.archive import _entry
from desktop.storage import repository as repo
from desktop.storage import tables
from desktop.storage.database import Database
from desktop.storage.draft_files import files_in_use
from desktop.storage.files_store import FileStore
from desktop.storage.records import conn_of

EXPORT_FORMAT = "grant-export/1"
R = tables.revisions.c


@dataclass
class ExportSummary:
    drafts: int = 0
    revisions: int = 0
    files: int = 0
    missing: list[str] = field(default_factory=list)  # digests in use that the store lacks
    skipped: list[str] = field(default_factory=list)  # damaged drafts: "#id: why"


BACKUP_NOTE_EN = (
    "backups of a server database are the server's (ask its administrator, e.g. pg_dump); the program's daily "
    "file copy applies to SQLite files only. `grant-assistant drafts export-all -o FILE.zip` writes everything "
    "the program keeps there into one archive."
)
BACKUP_NOTE_ZH = (
    "服务器数据库的备份由服务器负责（请联系其管理员，例如 pg_dump）；本程序的每日文件备份只适用于 SQLite 文件。"
    "`grant-assistant drafts export-all -o 文件.zip` 可将本程序保存的全部内容导出为一个归档。"
)


def backup_note(db: Database, lang: str = "en") -> str:
    """What the program says about backups of this database ("" for SQLite: it keeps daily copies itself)."""
    if db.engine.dialect.name == "sqlite":
        return ""
    return BACKUP_NOTE_ZH if Lang.parse(lang).chinese else BACKUP_NOTE_EN


def export_all(db: Database, store: FileStore, output: Path) -> ExportSummary:
    """Write every draft with its revisions and files to `output` (see the module's layout)."""
    summary = ExportSummary()
    entries: list[tuple[str, bytes]] = []
    listed: list[dict[str, Any]] = []
    with db.session() as s:
        conn = conn_of(s)
        ids = [(int(i), d is not None) for i, d in conn.execute(
            select(tables.drafts.c.id, tables.drafts.c.deleted_at).order_by(tables.drafts.c.id))]
        for draft_id, deleted in ids:
            try:
                stored = repo.get_draft(s, draft_id=draft_id)
            except repo.DamagedDraft as exc:
                summary.skipped.append(f"#{draft_id}: {exc}")
                continue
            base = f"drafts/{draft_id}"
            entries.append((f"{base}/draft.json", dumps(stored.draft).encode("utf-8")))
            revisions = []
            for rid, created, reason, label, version, text in conn.execute(
                select(R.id, R.created_at, R.reason, R.label, R.version, R.snapshot)
                .where(R.draft_id == draft_id).order_by(R.id)
            ):
                name = f"{base}/revisions/{rid}.json"
                entries.append((name, str(text).encode("utf-8")))
                revisions.append({"id": rid, "created_at": created.isoformat(), "reason": reason,
                                  "label": label, "version": version, "snapshot": name})
            listed.append({"id": draft_id, "title": stored.draft.title, "deleted": deleted,
                           "draft": f"{base}/draft.json", "revisions": revisions})
            summary.drafts += 1
            summary.revisions += len(revisions)
        digests = sorted(files_in_use(s))
    files = []
    for digest in digests:
        if not store.has(digest):
            summary.missing.append(digest)
            continue
        data = store.read(digest)
        files.append({"sha256": digest, "size": len(data)})
        entries.append((f"files/{digest}", data))
    summary.files = len(files)
    manifest = {"format": EXPORT_FORMAT, "drafts": listed, "files": files, "missing": summary.missing}

    def produce(fh: Any) -> None:
        with zipfile.ZipFile(fh, "w") as z:
            z.writestr(_entry("manifest.json", None), json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
            for name, data in entries:
                z.writestr(_entry(name, None), data)

    write_atomic_with(output, produce)
    return summary


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
