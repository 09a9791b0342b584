"""Files in and out, safely (every layer may use it: it imports nothing of ours).

Out: `atomic_output` writes a file whole or not at all. The data goes to a hidden temporary file
beside the target, which replaces the target only when everything was written; every error names the
target the user asked for (never the temporary file), a full disk says so, and the new file gets the
permissions the user's umask gives (or keeps those of the file it replaces). Windows refuses to replace a
file another program holds open (Excel, WPS, a PDF reader): the replacement is tried again a few times,
then the error says which file to close.

In: `read_limited` reads a regular file of at most a given size, refusing devices, FIFOs and files
that grow without end (/dev/zero, /proc) before reading a byte.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import stat
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

if TYPE_CHECKING:
    import zipfile

from desktop.domain.lang import Lang

_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
# Windows' answers when the target is open in another program: ERROR_ACCESS_DENIED (a file opened without
# delete sharing, or read-only), ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
_HELD_OPEN_WINERRORS = (5, 32, 33)
# The pauses between attempts to replace a file held open (a virus scanner or an indexer lets go within
# a moment; Excel does not): about 1.5 s in all before the user is asked to close it.
REPLACE_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)
_sleep = time.sleep


class OutputError(OSError):
    """Writing `target` failed: nothing was written. str() is the whole message, naming the target;
    `strerror` the reason alone (for callers that add the name themselves); text("zh") in Chinese."""

    def __init__(self, target: Path, reason: str, code: int | None = None, zh: str | None = None) -> None:
        super().__init__(code or 0, reason, str(target))
        self.target = Path(target)
        self.reason = reason
        self.zh = zh
        self.disk_full = code in _FULL

    def __str__(self) -> str:
        if self.disk_full:
            return f"the disk is full, nothing was written to {self.target}"
        return f"{self.target}: {self.reason}"

    def text(self, lang: str = "en") -> str:
        if not Lang.parse(lang).chinese:
            return str(self)
        if self.disk_full:
            return f"磁盘已满，未写入 {self.target}"
        return f"{self.target}：{self.zh or self.reason}"


def held_open(exc: OSError) -> bool:
    """`exc` is Windows refusing to replace or remove a file another program has open."""
    winerror = getattr(exc, "winerror", None)
    if winerror is not None:
        return winerror in _HELD_OPEN_WINERRORS
    return os.name == "nt" and isinstance(exc, PermissionError)


def replace_error(target: Path, exc: OSError) -> OutputError:
    """The error to report for `exc` raised while the written file replaced `target`."""
    if held_open(exc):
        return OutputError(
            target, "the file is open in another program (Excel, WPS, a PDF reader such as Acrobat) or is "
            "read-only, so it could not be replaced; close it there and try again. Nothing was written",
            exc.errno, "该文件正被其他程序打开（Excel、WPS、Acrobat 等 PDF 阅读器）或为只读，无法替换；"
            "请在该程序中关闭它后重试。未写入任何内容")
    return output_error(target, exc)


def output_error(target: Path, exc: OSError) -> OutputError:
    """The error to report for `exc` raised while writing `target` (or its temporary file)."""
    code = exc.errno
    if code in _FULL:
        return OutputError(target, "the disk is full, nothing was written", code, "磁盘已满，未写入任何内容")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        why, why_zh = ("the file system is read-only", "文件系统只读") if code == errno.EROFS else (
            "permission denied", "没有写入权限")
        return OutputError(target, f"cannot write the file ({why}); nothing was written", code,
                           f"无法写入该文件（{why_zh}），未写入任何内容")
    if code == errno.ENOENT:
        return OutputError(target, f"the folder {target.parent} does not exist; nothing was written", code,
                           f"文件夹 {target.parent} 不存在，未写入任何内容")
    if code == errno.ENOTDIR:
        return OutputError(target, f"{target.parent} is not a folder; nothing was written", code,
                           f"{target.parent} 不是文件夹，未写入任何内容")
    if code == errno.EISDIR:
        return OutputError(target, "is a folder; give a file name", code, "这是文件夹：请给出文件名")
    why = exc.strerror or type(exc).__name__
    return OutputError(target, f"cannot write the file ({why}); nothing was written", code,
                       f"无法写入该文件（{why}），未写入任何内容")


class _Guarded:
    """The temporary file as the producer sees it. The first OSError is kept (and raised again at the
    end even if the producer swallowed it); after a failure, and once the block is over, writes and
    seeks do nothing, so a writer the producer left open (a ZipFile whose __del__ closes it) cannot
    print "Exception ignored" tracebacks when it is collected."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._pos = 0
        self.failure: OSError | None = None
        self.done = False

    def _dead(self) -> bool:
        return self.done or self.failure is not None

    def _run(self, op: Callable[[], int]) -> int:
        try:
            self._pos = op()
            return self._pos
        except OSError as exc:
            if self.failure is None:
                self.failure = exc
            raise

    def write(self, data: bytes) -> int:
        if self._dead():
            return len(data)
        try:
            return self._fh.write(data)
        except OSError as exc:
            if self.failure is None:
                self.failure = exc
            raise

    def tell(self) -> int:
        return self._pos if self._dead() else self._run(self._fh.tell)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._pos if self._dead() else self._run(lambda: self._fh.seek(offset, whence))

    def flush(self) -> None:
        if self._dead():
            return
        try:
            self._fh.flush()
        except OSError as exc:
            if self.failure is None:
                self.failure = exc
            raise

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fh.fileno()

    @property
    def closed(self) -> bool:
        return self.done

    def close(self) -> None:  # the producer may close what it was given: the block closes the file
        pass

    def __enter__(self) -> _Guarded:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def finish(self, mode: int) -> None:
        """Flush to the disk and set the final permissions; raise the kept failure if there was one."""
        if self.failure is not None:
            raise self.failure
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            with contextlib.suppress(OSError):  # a file system without modes (FAT) keeps its own
                os.fchmod(self._fh.fileno(), mode)
            self._fh.close()
        finally:
            self.done = True

    def abandon(self) -> None:
        self.done = True
        with contextlib.suppress(OSError, ValueError):
            self._fh.close()


def _release(exc: BaseException) -> None:
    """Tear down what the failed producer left in its frames (a workbook half-written into a zip
    member, its row generator) now, without the "Exception ignored" noise their cleanup makes when
    it writes again into the closed file: the user has the one message that matters."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _umask() -> int:
    try:  # Linux shows it without changing it (os.umask would, for a moment, for every thread)
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _final_mode(target: Path) -> int:
    """The mode the written file gets: that of the file it replaces, else 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _check_target(target: Path) -> None:
    try:
        st = os.stat(target)
    except OSError:
        return
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(target, "is a folder; give a file name", errno.EISDIR, "这是文件夹：请给出文件名")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(target, "is not a regular file (a device, a pipe or a socket); give a file name",
                          zh="不是普通文件（设备、管道或套接字）：请给出文件名")


def _replace(tmp: str, target: Path) -> None:
    """os.replace, tried again after a pause while Windows says another program holds the target."""
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(tmp, target)
            return
        except OSError as exc:
            if delay is None or not held_open(exc):
                raise
            _sleep(delay)


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces `target` only when the block finishes without an exception.

    Any OSError about the file (opening, writing, flushing, replacing) leaves as an OutputError
    naming `target`; no temporary file is left behind."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    _check_target(target)
    mode = _final_mode(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise output_error(target, exc) from None
    guard = _Guarded(os.fdopen(fd, "wb"))
    try:
        try:
            yield cast(BinaryIO, guard)
        except OSError as exc:
            # An error about another file (an input the producer reads) keeps its own name.
            if exc is guard.failure or exc.filename in (None, tmp, str(target)):
                guard.abandon()
                _release(exc)
                raise output_error(target, guard.failure or exc) from None
            raise
        try:
            guard.finish(mode)
        except OSError as exc:
            raise output_error(target, exc) from None
        try:
            _replace(tmp, target)
        except OSError as exc:
            raise replace_error(target, exc) from None
    except BaseException:
        guard.abandon()
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        guard.done = True


def write_atomic(target: Path, data: bytes) -> None:
    with atomic_output(target) as fh:
        fh.write(data)


def write_atomic_with(target: Path, produce: Callable[[BinaryIO], None]) -> None:
    with atomic_output(target) as fh:
        produce(fh)


class InputRefused(ValueError):
    """A file the program does not read: str() names it; `reason` is the why alone."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputTooLarge(InputRefused):
    """A file (or a part of it) is larger than the program reads; the reason states the limit."""


class NotAFile(InputRefused):
    """The path names a device, a FIFO, a socket or a folder: nothing to read as a document."""


def describe_size(limit: int) -> str:
    """1 MiB = "1 MB": round figures for people."""
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if limit >= size and limit % size == 0:
            return f"{limit // size} {unit}"
    return f"{limit:,} bytes"


_NOT_REGULAR = "is not a regular file (a device, a pipe or a socket); give a saved file"


def regular_file_size(path: Path) -> int:
    """The size of `path`, refusing anything but a regular file (NotAFile) before it is opened;
    OSError (FileNotFoundError …) as os.stat raises it."""
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise NotAFile(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise NotAFile(path, _NOT_REGULAR)
    return st.st_size


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file `path`, if it holds at most `limit` of them (InputTooLarge
    otherwise, also when it grows while being read). NotAFile, or OSError as open() raises it."""
    size = regular_file_size(path)
    if size > limit:
        raise InputTooLarge(path, f"the {what} has {size:,} bytes; the limit is {describe_size(limit)}")
    with open(path, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # replaced between stat and open
            raise NotAFile(path, _NOT_REGULAR)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(path, f"the {what} is larger than {describe_size(limit)}, the limit")
    return data


def display_name(path: Path) -> str:
    """The file's name as text that can be stored and printed anywhere: bytes of the name that are
    not UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return os.fsencode(path.name).decode("utf-8", "replace")


def zip_entry_name(info: zipfile.ZipInfo) -> str:
    """The name the maker of a ZIP meant for one of its entries. Windows tools (Explorer's "Send to ▸
    Compressed folder", older WinRAR and 360 zip) write names in the system's code page, GBK on a Chinese
    Windows, without the UTF-8 flag (0x800); Python then reads them as cp437 (`ÉΦ▒╕╝■`). Such a name is
    read again as GBK when its bytes are GBK; anything else is kept as zipfile read it."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name
    try:
        return name.encode("cp437").decode("gbk")
    except UnicodeError:
        return name
