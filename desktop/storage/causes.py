"""Why a database cannot be used, told apart, and what to say about it in English and Chinese.

Each cause has its own message naming the database file the user uses (never a temporary file) and
saying what to do. Only damage offers a backup (database.py, backups.py); every other cause leaves the
file as it is and says so.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

FULL = "full"  # no space left on the disk
READ_ONLY = "read-only"  # the file or its folder cannot be written
MISSING_FOLDER = "missing-folder"  # the folder does not exist and cannot be made
LOCKED = "locked"  # another program holds the database
DAMAGED = "damaged"  # the file is ours (or in our place) but cannot be read whole
FOREIGN = "foreign"  # not a grant-assistant drafts database
NEWER = "newer"  # a schema from a newer version of the program
FOLDER = "folder"  # a folder where the database file should be
OTHER = "other"

LOW_SPACE = 1 << 20  # an I/O error with less than this free on the disk is a full disk

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_RO_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def free_space(folder: Path) -> int | None:
    for place in (folder, *folder.parents):
        try:
            return shutil.disk_usage(place).free
        except OSError:
            continue
    return None


def writable(path: Path) -> bool:
    """Whether this user may write `path` (root: always, except on a read-only file system)."""
    return os.access(path, os.W_OK)


def classify(exc: BaseException, file: Path) -> str:
    """The cause behind an error met while opening or copying the database at `file`."""
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return FULL
        if exc.errno in _RO_ERRNOS:
            return READ_ONLY
        if exc.errno == errno.ENOENT:
            return MISSING_FOLDER
        return OTHER
    text = str(exc).lower()
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    if "disk is full" in text or name == "SQLITE_FULL":
        return FULL
    if "locked" in text or name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return LOCKED
    if "readonly" in text or "read-only" in text or name.startswith("SQLITE_READONLY"):
        return READ_ONLY
    if "malformed" in text or "not a database" in text or name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return DAMAGED
    if "disk i/o error" in text or name.startswith("SQLITE_IOERR") or "unable to open" in text:
        free = free_space(file.parent)
        if free is not None and free < LOW_SPACE:
            return FULL
        if not file.parent.is_dir():
            return MISSING_FOLDER
        if not writable(file.parent) or (file.exists() and not writable(file)):
            return READ_ONLY
    return OTHER


def explain(cause: str, file: Path | str, detail: str = "") -> tuple[str, str]:
    """(English, Chinese) for a refused database; `detail` is the system's own words, kept for support."""
    f = str(file)
    folder = str(Path(f).parent)
    d_en = f" ({detail})" if detail else ""
    d_zh = f"（{detail}）" if detail else ""
    if cause == FULL:
        return (
            f"the disk holding the drafts database {f} is full{d_en}. Nothing was changed. Free some space "
            "on that disk (delete or move files you do not need), then start the program again",
            f"存放草稿数据库 {f} 的磁盘已满{d_zh}。文件未作任何改动。请在该磁盘上腾出空间（删除或移走不需要的文件），"
            "然后重新启动程序",
        )
    if cause == READ_ONLY:
        return (
            f"the drafts database {f} cannot be written (the file or its folder {folder} is read-only){d_en}. "
            "Make the file and its folder writable for your user, or copy the file to a folder you can write "
            "and open that copy",
            f"草稿数据库 {f} 无法写入（文件或所在文件夹 {folder} 是只读的）{d_zh}。"
            "请让当前用户可以写入该文件及其文件夹，"
            "或把文件复制到可写的文件夹后打开该副本",
        )
    if cause == MISSING_FOLDER:
        return (
            f"the folder {folder} of the drafts database {f} does not exist and cannot be created{d_en}. "
            "If it is on a removable or network drive, connect it; otherwise check the name given with --db "
            "or GRANT_ASSISTANT_DB",
            f"草稿数据库 {f} 所在的文件夹 {folder} 不存在，也无法创建{d_zh}。如果它在移动硬盘或网络盘上，请先连接；"
            "否则请检查 --db 或 GRANT_ASSISTANT_DB 给出的路径",
        )
    if cause == LOCKED:
        return (
            f"the drafts database {f} is locked by another program{d_en}. Nothing was changed. Close the other "
            "program using it (another copy of grant-assistant, a backup or synchronisation tool), then try again",
            f"草稿数据库 {f} 正被其他程序锁定{d_zh}。文件未作任何改动。请关闭正在使用它的程序（另一个本程序窗口、"
            "备份或同步工具），然后重试",
        )
    if cause == FOREIGN:
        return (
            f"{f} is not a grant-assistant drafts database{d_en}; it was left untouched. Check the name given "
            "with --db or GRANT_ASSISTANT_DB, or move that file away",
            f"{f} 不是本程序的草稿数据库{d_zh}，文件未作任何改动。请检查 --db 或 GRANT_ASSISTANT_DB 给出的路径，"
            "或把该文件移走",
        )
    if cause == FOLDER:
        return (
            f"{f} is a folder, not a database file; it was left untouched. Rename or move that folder, or name "
            "another database file with --db or GRANT_ASSISTANT_DB",
            f"{f} 是文件夹，不是数据库文件，未作任何改动。请重命名或移走该文件夹，或用 --db 或 GRANT_ASSISTANT_DB "
            "指定另一个数据库文件",
        )
    if cause == DAMAGED:
        return (f"the drafts database {f} is damaged{d_en}", f"草稿数据库 {f} 已损坏{d_zh}")
    return (f"cannot open the drafts database {f}{d_en}", f"无法打开草稿数据库 {f}{d_zh}")


def backup_offer(backup: Path | None, backups_exist: bool) -> tuple[str, str]:
    """What is said about backups after damage: the good one, or truthfully why none is offered."""
    if backup is not None:
        return (
            f"; the file was not changed. The newest good backup is {backup}",
            f"；文件未作任何改动。最近一份完好的备份是 {backup}",
        )
    if backups_exist:
        return (
            "; the file was not changed. Backups exist, but none of them is a good copy of this database",
            "；文件未作任何改动。备份文件存在，但没有一份是该数据库的完好副本",
        )
    return ("; the file was not changed. No good backup was found", "；文件未作任何改动。没有找到完好的备份")
