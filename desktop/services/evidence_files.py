"""Evidence files kept by the program: attaching a file (copied into the file store, content-addressed,
linked to its draft) or a batch of them (a folder of scans), and purging a draft for good with the
files no other draft uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from desktop.domain import choices
from desktop.domain.model import Attachment, Draft, EquipmentLine, LineFile
from desktop.services.archive import read_archive, write_archive
from desktop.services.draft_links import restore_links, with_links
from desktop.services.drafts import refresh_summary
from desktop.services.evidence_places import FileStore as FileStore
from desktop.services.evidence_places import StoreError as StoreError
from desktop.services.evidence_places import check_place
from desktop.services.evidence_places import check_places as check_places
from desktop.services.evidence_places import lines_adding as lines_adding
from desktop.services.evidence_places import store_beside as store_beside
from desktop.storage import repository as repo
from desktop.storage.database import Database
from desktop.storage.draft_files import files_in_use, link_files
from desktop.storage.file_blobs import store_for
from desktop.storage.records import conn_of


def store_of(db: Database) -> FileStore:
    """The file store of an open database (beside its file; a team database's is shared through it)."""
    return store_for(db)


def attach_file(
    store: FileStore, draft: Draft, source: Path, *, kind: str, line: int | None = None
) -> LineFile | Attachment:
    """Copy `source` (a file the user chose) into the store and add it to the draft: to line `line`'s
    files (a line-file kind) or, without a line, to the draft's attachments (an attachment kind).
    StoreError names the file or the line when it cannot be done; the draft is unchanged then."""
    if line is not None:
        check_place(draft, line, kind)
    elif kind not in choices.ATTACHMENT_KINDS:
        raise StoreError(
            f"{kind}: not an attachment kind; use one of " + ", ".join(choices.ATTACHMENT_KINDS),
            f"{kind}：不是附件类别，可选 " + "、".join(choices.ATTACHMENT_KINDS),
        )
    digest, size = store.add_file(source)
    if line is not None:
        item = LineFile(kind, digest, source.name, size)
        target = draft.equipment[line]
        target.files = [*target.files, item]
        return item
    attachment = Attachment(kind=kind, name=source.name, sha256=digest, size=size)
    draft.attachments = [*draft.attachments, attachment]
    return attachment


def lines_with_files(
    store: FileStore, draft: Draft, placed: Sequence[tuple[Path, int, str]],
    progress: Callable[[int], object] | None = None,
) -> dict[int, EquipmentLine]:
    """Copy many files (path, line index, line-file kind) into the store in one batch (see
    FileStore.add_files) and give the lines they go to (lines_adding): the caller applies them as one
    step. StoreError names the first file or line that cannot be taken, and then nothing is kept."""
    check_places(draft, placed)
    return lines_adding(draft, placed, store.add_files([path for path, _, _ in placed], progress=progress))


def attach_to_stored(
    db: Database, draft_id: int, source: Path, *, kind: str, line: int | None = None
) -> LineFile | Attachment:
    """attach_file on a stored draft, saved in one transaction (with a revision of what was added)."""
    store = store_of(db)
    with db.session(write=True) as s:
        stored = repo.get_draft(s, draft_id=draft_id)
        item = attach_file(store, stored.draft, source, kind=kind, line=line)
        repo.save_draft(s, draft_id=draft_id, draft=stored.draft, expected_version=stored.version)
        link_files(conn_of(s), draft_id, {item.sha256 or "": item.size or 0})
    return item


def purge_with_files(db: Database, draft_id: int, *, now: float | None = None) -> list[str]:
    """Delete a draft in the trash for good, then the stored files no other draft uses (but not those
    stored in the last hour: see files_store.collect); their digests."""
    with db.session(write=True) as s:
        repo.purge_draft(s, draft_id=draft_id)
    with db.session() as s:
        in_use = files_in_use(s)
    return store_of(db).collect(in_use, now=now)


def export_archive(db: Database, draft_id: int, output: Path, *, created: datetime | None = None) -> list[str]:
    """Write a stored draft and its files as one archive (whole or not at all); the digests missing
    from the store (listed in the archive's manifest)."""
    with db.session() as s:
        draft = with_links(s, draft_id, repo.get_draft(s, draft_id=draft_id).draft)
    return write_archive(draft, store_of(db), output, created=created)


def import_archive(db: Database, archive: Path, as_of: date | None = None) -> tuple[repo.StoredDraft, list[str]]:
    """A new stored draft from an archive, its files kept in the store and linked to it, checked, with an
    "import" revision; and the digests the draft refers to that were not in the archive nor the store."""
    contents = read_archive(archive, store_of(db))
    with db.session(write=True) as s:
        stored = repo.create_draft(s, draft=contents.draft)
        link_files(conn_of(s), stored.id, contents.files)
        restore_links(s, stored.id, contents.draft)
        refresh_summary(s, stored.id, contents.draft, as_of)
        repo.snapshot(s, draft_id=stored.id, reason="import", label=archive.name)
    return stored, contents.missing
