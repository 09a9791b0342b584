"""Why an autosave failed, said plainly (zh, en), and the ways to keep edits the database refused.

A save that fails (a full disk, a read-only file, another program holding the lock, anything else) is
classified from the exception SQLAlchemy or the operating system raised. The message names the database
file and what to do; it never carries the driver's own text or SQLAlchemy's "Background on this error"
address. No Qt here: the windows pick the message in their language.
"""

from __future__ import annotations

import errno
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.exchange import dumps
from desktop.domain.lang import Lang
from desktop.domain.model import Draft
from desktop.files import write_atomic

FULL, READ_ONLY, LOCKED, OTHER = "full", "read-only", "locked", "other"

_SQLITE_TEXTS = (  # fragments of SQLite's messages (lower case), in the order they are tried
    ("database or disk is full", FULL),
    ("disk is full", FULL),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
)
_ERRNOS = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EROFS: READ_ONLY, errno.EACCES: READ_ONLY,
           errno.EPERM: READ_ONLY}

_TEXTS: dict[str, tuple[str, str]] = {
    FULL: (
        "磁盘已满：最近的修改无法写入{where}。修改仍保留在此窗口中，每隔几秒会自动重试。"
        "请在该磁盘上腾出空间（清空回收站、删除不需要的大文件），之后会自动保存；"
        "也可以关闭窗口，把修改保存为副本或草稿文件。",
        "The disk is full: your latest edits could not be written to {where}. They are kept in this window "
        "and saved again every few seconds. Free some space on that disk (empty the recycle bin, delete large "
        "files you do not need) and they are saved by themselves; or close the window and keep them as a "
        "copy or a draft file.",
    ),
    READ_ONLY: (
        "{where}是只读的（或其所在文件夹不允许写入），最近的修改无法保存。修改仍保留在此窗口中。"
        "请让该文件可写，或关闭窗口，把修改保存为草稿文件。",
        "Your latest edits could not be saved: {where} is read-only (or its folder does not allow writing). "
        "They are kept in this window. Make the file writable, or close the window and keep them as a draft "
        "file.",
    ),
    LOCKED: (
        "另一个程序正占用{where}，最近的修改暂时无法保存。修改仍保留在此窗口中，每隔几秒会自动重试。"
        "请关闭正在使用该文件的其他程序（或本程序的另一个副本）。",
        "Another program is holding {where} locked, so your latest edits could not be saved yet. They are "
        "kept in this window and saved again every few seconds. Close the other program (or the other copy "
        "of this program) that uses the file.",
    ),
    OTHER: (
        "最近的修改无法保存到{where}。修改仍保留在此窗口中，每隔几秒会自动重试。",
        "Your latest edits could not be saved to {where}. They are kept in this window and saved again every "
        "few seconds.",
    ),
}
_WHERE = (("数据库文件“{path}”", "数据库"), ("the database file “{path}”", "the database"))


@dataclass(frozen=True)
class SaveProblem:
    """What kept the edits from the database: `kind` is full, read-only, locked or other."""

    kind: str
    path: Path | None = None

    def message(self, lang: str = "en") -> str:
        english = Lang.parse(lang).english
        named, unnamed = _WHERE[english]
        where = named.format(path=self.path) if self.path is not None else unnamed
        return _TEXTS[self.kind][english].format(where=where)


class SaveFailed(Exception):
    """A save refused by the database or the disk; `problem` says why for people."""

    def __init__(self, problem: SaveProblem) -> None:
        super().__init__(problem.message("en"))
        self.problem = problem


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception, what SQLAlchemy wrapped (`orig`) and the chain of causes, each once."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        orig = getattr(item, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, item.__cause__, item.__context__]
    return seen


def kind_of(exc: BaseException) -> str:
    """full, read-only, locked or other, from the driver's error or the operating system's errno."""
    for item in _causes(exc):
        if isinstance(item, OSError) and item.errno in _ERRNOS:
            return _ERRNOS[item.errno]
        if isinstance(item, sqlite3.Error):
            text = str(item).lower()
            for fragment, kind in _SQLITE_TEXTS:
                if fragment in text:
                    return kind
    return OTHER


def classify(exc: BaseException, path: Path | None = None) -> SaveProblem:
    """The problem behind `exc` (a SaveFailed keeps its own), naming the database file `path`."""
    if isinstance(exc, SaveFailed):
        return exc.problem
    return SaveProblem(kind_of(exc), path)


def keep_in_file(draft: Draft, target: Path) -> None:
    """The edits the database refused, written as a draft file (grant-draft/1), whole or not at all."""
    write_atomic(target, dumps(draft).encode("utf-8"))


def rescue_path(folder: Path, title: str | None, when: datetime) -> Path:
    """Where edits nobody could be asked about (the program ending) are written: a new file in `folder`."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", title or "").strip(" ._")[:60] or "draft"
    return folder / f"unsaved-{when:%Y%m%d-%H%M%S}-{name}.json"
