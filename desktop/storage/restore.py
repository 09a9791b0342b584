"""Putting a good backup in place of a damaged database file, never losing either.

The backup is first copied beside the file under a temporary name, checked (quick_check) and flushed to
the disk; only then is the damaged file moved aside (kept, never deleted) and the checked copy renamed
in. A failure at any step says truthfully what was and was not changed.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop.storage import backups, causes
from desktop.storage.database import DatabaseError


class RestoreFailed(DatabaseError):
    """A restore that could not be done; the message says what was and was not changed."""


def recover_from_backup(location: str, backup: Path) -> Path:
    """Put a good backup in place of a damaged database file. The backup is first copied beside the file
    under a temporary name, checked and flushed to the disk; only then is the damaged file (with its -wal
    and -shm companions) moved aside as `<name>.damaged-<n>`, never deleted, and the checked copy renamed
    into place. Returns where the damaged file went; RestoreFailed saying what changed otherwise."""
    file = Path(location).expanduser().absolute()
    try:
        backups.inspect_file(backup)  # refuse to restore a bad copy
        part = backups.verified_copy(backup, file.parent, file.name)
    except (backups.BadDatabaseFile, OSError, sqlite3.Error) as exc:
        cause = causes.classify(exc, file)
        detail = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)  # never the temporary name
        en, zh = causes.explain(cause, file, detail) if cause != causes.OTHER else ("", "")
        raise RestoreFailed(
            f"the backup {backup} could not be restored: {detail}. Nothing was changed: {file} is as it was"
            + (f"; {en}" if en else ""),
            zh=f"备份 {backup} 未能恢复：{detail}。没有任何改动：{file} 保持原样" + (f"；{zh}" if zh else ""),
            cause=cause,
        ) from None
    n = 1
    while file.with_name(f"{file.name}.damaged-{n}").exists():
        n += 1
    kept = file.with_name(f"{file.name}.damaged-{n}")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            source = file.with_name(file.name + suffix)
            if source.exists():
                source.rename(kept.with_name(kept.name + suffix))
                moved.append((source, kept.with_name(kept.name + suffix)))
        os.replace(part, file)
    except OSError as exc:
        back = []
        for source, aside in reversed(moved):
            try:
                aside.rename(source)
            except OSError:
                back.append(str(aside))
        part.unlink(missing_ok=True)
        if back:
            raise RestoreFailed(
                f"the backup could not be put in place ({exc.strerror or exc}); the damaged database was moved "
                f"aside and could not be moved back: it is kept as {', '.join(back)}, and {file} is missing",
                zh=f"备份未能放到原位（{exc.strerror or exc}）；损坏的数据库已移到一边，未能移回：保存为 "
                f"{'、'.join(back)}，{file} 目前不存在",
                cause=causes.classify(exc, file),
            ) from None
        raise RestoreFailed(
            f"the backup could not be put in place ({exc.strerror or exc}). Nothing was changed: {file} is as it was",
            zh=f"备份未能放到原位（{exc.strerror or exc}）。没有任何改动：{file} 保持原样",
            cause=causes.classify(exc, file),
        ) from None
    backups.sync_folder(file.parent)
    return kept


