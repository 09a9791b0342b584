"""The drafts database as the GUI and the commands open it: opening by name, the errors they show, what
a failed read means for people, and putting a backup back. The storage package stays behind this door."""

from __future__ import annotations

from pathlib import Path

from desktop import paths
from desktop.storage import causes
from desktop.storage.database import Database as Database
from desktop.storage.database import DatabaseError as DatabaseError
from desktop.storage.database import open_database
from desktop.storage.files_store import StoreError as StoreError
from desktop.storage.records import ConflictError as ConflictError
from desktop.storage.records import DamagedDraft as DamagedDraft
from desktop.storage.records import DraftLocked as DraftLocked
from desktop.storage.records import DraftNotFound as DraftNotFound
from desktop.storage.records import NotInTrash as NotInTrash
from desktop.storage.records import RevisionNotFound as RevisionNotFound
from desktop.storage.restore import recover_from_backup

# the usual refusals of a command on stored drafts: each one's message is for people as it stands
REFUSALS: tuple[type[Exception], ...] = (
    DraftNotFound, NotInTrash, ConflictError, RevisionNotFound, DamagedDraft, StoreError,
)


def open_named(name: str | None) -> Database:
    """The database a --db option (or the settings) names: None is the data folder's (DatabaseError)."""
    return open_database(paths.database_location(name))


def open_at(location: str) -> Database:
    """The database at a file path or a postgresql+psycopg:// URL (DatabaseError)."""
    return open_database(location)


def unreadable(db: Database, exc: BaseException) -> tuple[str, str]:
    """(English, Chinese) words for a failure met while reading an open database (a page damaged past
    what the open's check saw, a lock held too long, a full disk)."""
    file = db.path or Path(db.location)
    detail = getattr(exc, "orig", None) or exc
    return causes.explain(causes.classify(detail, file), file, str(detail))


def is_damaged(exc: DatabaseError) -> bool:
    return exc.cause == causes.DAMAGED


def is_passing(exc: DatabaseError) -> bool:
    """A cause that may go away by itself (a full disk, a lock, a folder not there yet): Retry makes sense."""
    return exc.cause in (causes.FULL, causes.LOCKED, causes.MISSING_FOLDER)


def recover(name: str | None, backup: Path) -> Path:
    """Put `backup` in place of the database `name` names; the damaged file is kept aside (its new
    path is returned). DatabaseError says what was and was not changed."""
    return recover_from_backup(paths.database_location(name), backup)
