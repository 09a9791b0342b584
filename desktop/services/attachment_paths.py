"""Attachment files are read only from the folders the user chose.

A draft may come from anybody, and its attachment `path` values with it: `/etc/shadow`,
`../../../etc/passwd`, a link that leads out, `/dev/zero`, a named pipe. The rule:

- The folders: the draft file's folder and the `--attachments` folder on the command line; in the GUI
  (a draft in the database has no folder of its own) the folder the user chooses when saving the package.
- A relative `path` starts at the draft's folder (in the GUI: the chosen folder); backslashes in it
  separate folders as on Windows. An absolute `path` is taken as written; a Windows one (`C:\\…`,
  `\\\\server\\…`) read elsewhere names another computer's file and is not read at all. Either is
  used only when, once every link is followed, it lies inside one of the folders; otherwise it is not
  read, and the file is looked for by its name in the `--attachments` (chosen) folder instead, as a
  file moved with its draft always was.
- Only an ordinary file is read: never a folder, a device, a named pipe, a socket or a file of /proc,
  /sys or /dev. It is opened without following a link and checked again once open, so a file swapped
  between the check and the read is refused too.

Anything refused raises AttachmentRefused, naming the attachment (its name and the path as written),
why, and what to do, in Chinese and English. No Qt here."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.model import Attachment
from desktop.pdf.errors import AttachmentError
from desktop.services.attachment_messages import refusal_text

_SYSTEM = (Path("/proc"), Path("/sys"), Path("/dev")) if os.name == "posix" else ()
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class AttachmentRefused(AttachmentError):
    """An attachment that may not or cannot be read; `text(lang)` says it in Chinese or English."""

    def __init__(self, index: int, name: str, path: str | None, reason: str, *, context: str = "cli",
                 **details: object) -> None:
        self.index, self.name, self.path = index, name, path
        self.reason = reason
        self.context = context
        self.details = details
        super().__init__(index, name, self.text("en"))
        self.args = (self.text("en"),)

    def text(self, lang: str) -> str:
        return refusal_text(index=self.index, name=self.name, path=self.path, reason=self.reason, lang=lang,
                            context=self.context, details=self.details)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Folders:
    """Where attachments may be read from: `base` (relative paths start there) and `search` (files
    looked for by name); `context` ("cli" or "gui") chooses the advice in messages."""

    base: Path | None = None
    search: Path | None = None
    context: str = "cli"

    @property
    def roots(self) -> tuple[Path, ...]:
        out: list[Path] = []
        for folder in (self.base, self.search):
            if folder is not None:
                real = Path(os.path.realpath(folder))
                if real not in out:
                    out.append(real)
        return tuple(out)


class _Problem(Exception):
    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


# One attachment file at most (a scanned contract or a photo is far smaller): the same bound as the
# program's file store, so that a package never holds what the store would refuse.
ATTACHMENT_LIMIT = 512 * 2**20


def _inside(real: Path, roots: Sequence[Path]) -> bool:
    return any(real == root or real.is_relative_to(root) for root in roots)


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def _os_problem(exc: OSError, where: Path) -> _Problem:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return _Problem("not_found")
    if exc.errno == errno.ENAMETOOLONG:
        return _Problem("too_long")
    if exc.errno == errno.ELOOP:
        return _Problem("special", kind="other")
    return _Problem("unreadable", file=str(where), error=exc.strerror or exc.__class__.__name__)


def read_inside(candidate: Path, roots: Sequence[Path]) -> tuple[Path, bytes]:
    """The real path of `candidate` and its bytes, if it is an ordinary file inside `roots` once links
    are followed (else _Problem, and nothing was opened)."""
    try:
        real = Path(os.path.realpath(candidate))
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise _Problem("not_found") from exc
    if not _inside(real, roots):
        raise _Problem("outside", roots=[str(r) for r in roots])
    if _inside(real, _SYSTEM):
        raise _Problem("special", kind="system")
    try:
        st = os.stat(real)
    except OSError as exc:
        raise _os_problem(exc, candidate) from None
    if stat.S_ISDIR(st.st_mode):
        raise _Problem("folder")
    if not stat.S_ISREG(st.st_mode):
        raise _Problem("special", kind=_kind(st.st_mode))
    if st.st_size > ATTACHMENT_LIMIT:
        raise _Problem("too_big", file=str(candidate), size=f"{st.st_size:,}", limit=f"{ATTACHMENT_LIMIT:,}")
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        raise _os_problem(exc, candidate) from None
    with os.fdopen(fd, "rb") as fh:
        now = os.fstat(fh.fileno())
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise _Problem("special", kind=_kind(now.st_mode))
        try:
            data = fh.read(ATTACHMENT_LIMIT + 1)  # the file may have grown since it was measured
        except OSError as exc:
            raise _os_problem(exc, candidate) from None
        if len(data) > ATTACHMENT_LIMIT:
            limit = f"{ATTACHMENT_LIMIT:,}"
            raise _Problem("too_big", file=str(candidate), size=f"> {limit}", limit=limit)
        return real, data


def ordinary_file(path: str | Path) -> bool:
    """`path` is, once links are followed, an ordinary file outside /proc, /sys and /dev: one that may
    be opened and read to the end without blocking (a named pipe would wait for ever, /dev/zero never
    ends)."""
    try:
        real = Path(os.path.realpath(path))
        if _inside(real, _SYSTEM):
            return False
        return stat.S_ISREG(os.stat(real).st_mode)
    except (OSError, ValueError):
        return False


# A path written on Windows: `C:\…`, `C:/…` or `C:…` (a drive), `\\server\share\…` (a network share).
_WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:|\\\\)")


def foreign_absolute(path: str) -> bool:
    """`path` is an absolute Windows path (a drive or a network share) read on a system without drives:
    it names a file on another computer, never one beside the draft."""
    return os.name != "nt" and bool(_WINDOWS_ABSOLUTE.match(path))


def as_written_here(path: str) -> str:
    """A draft's `path` with this system's separators: a draft written on Windows separates folders with
    backslashes (`扫描件\\发票1.pdf`), which elsewhere are part of a file name."""
    return path.replace("\\", "/") if os.sep == "/" else path


def _candidates(att: Attachment, folders: Folders) -> list[Path]:
    out: list[Path] = []
    if att.path and not foreign_absolute(att.path):
        p = Path(as_written_here(att.path))
        if p.is_absolute():
            out.append(p)
        elif folders.base is not None:
            out.append(folders.base / p)
    if folders.search is not None:
        for text in (att.name, att.path):
            last = (text or "").replace("\\", "/").rsplit("/", 1)[-1]
            if last not in ("", ".", "..") and folders.search / last not in out:
                out.append(folders.search / last)
    return out


def read_attachment(index: int, att: Attachment, folders: Folders) -> tuple[Path, bytes]:
    """Where attachment `index` was found and its bytes, read from inside `folders` only
    (AttachmentRefused)."""
    label = att.name or att.path or f"attachment {index + 1}"
    roots = folders.roots
    problems: list[tuple[Path, _Problem]] = []
    if att.path and foreign_absolute(att.path):  # looked for by its name only, like a path that leads out
        problems.append((Path(att.path), _Problem("windows_path")))
    for candidate in _candidates(att, folders):
        try:
            return read_inside(candidate, roots)
        except _Problem as problem:
            problems.append((candidate, problem))
    if not problems:
        raise AttachmentRefused(index, label, att.path, "no_folder", context=folders.context)
    serious = next((p for _, p in problems if p.reason != "not_found"), None)
    if serious is not None:
        raise AttachmentRefused(index, label, att.path, serious.reason, context=folders.context, **serious.details)
    raise AttachmentRefused(index, label, att.path, "not_found", context=folders.context,
                            looked=[str(c) for c, _ in problems])


def start_folder(attachments: Sequence[Attachment]) -> str:
    """Where to open the dialog that asks for the attachments folder: the folder the attachments were
    added from (the one they share, when that is more than the root), else the home folder. Only a
    suggestion: nothing is read before the user chooses."""
    folders = [os.path.dirname(a.path) for a in attachments if a.path and os.path.isabs(a.path)]
    if not folders:
        return str(Path.home())
    try:
        common = os.path.commonpath(folders)
    except ValueError:  # different drives on Windows
        return folders[0]
    return folders[0] if Path(common).parent == Path(common) else common
