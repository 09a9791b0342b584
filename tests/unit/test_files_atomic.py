"""desktop/files.py: whole or nothing, the target named in every message, the user's umask, no noise."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.files import (
    InputTooLarge,
    NotAFile,
    OutputError,
    atomic_output,
    read_limited,
    write_atomic,
    write_atomic_with,
)
from desktop.importers.xlsx_export import write_lines_xlsx
from tests.unit.builders import line


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
def test_new_file_follows_the_umask(tmp_path: Path, umask: None, mask: int, mode: int) -> None:
    os.umask(mask)
    target = tmp_path / "out.pdf"
    write_atomic(target, b"data")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_bytes() == b"data"
    assert _leftovers(tmp_path) == []


def test_replaced_file_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o604)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert target.read_bytes() == b"new"


class _FullDisk:
    """A file object that takes `room` bytes and then fails as a full disk does."""

    def __init__(self, real: Any, room: int) -> None:
        self.real, self.room = real, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return int(self.real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file atomic_output opens has 1,000 bytes of room."""
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kw: Any) -> Any:
        return _FullDisk(real_fdopen(fd, mode, *args, **kw), 1000)

    monkeypatch.setattr("desktop.files.os.fdopen", fdopen)


def test_full_disk_names_the_target_and_leaves_nothing(tmp_path: Path, full_disk: None) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the old file")
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"x" * 5000)
    assert str(caught.value) == f"the disk is full, nothing was written to {target}"
    assert ".part" not in str(caught.value)
    assert caught.value.filename == str(target)
    assert target.read_bytes() == b"the old file"
    assert _leftovers(tmp_path) == []


def test_failure_the_producer_swallowed_still_fails(tmp_path: Path, full_disk: None) -> None:
    def produce(fh: Any) -> None:
        with contextlib.suppress(OSError):  # a careless writer
            fh.write(b"x" * 5000)

    with pytest.raises(OutputError, match="the disk is full"):
        write_atomic_with(tmp_path / "a.bin", produce)
    assert not (tmp_path / "a.bin").exists()
    assert _leftovers(tmp_path) == []


def test_workbook_on_a_full_disk_makes_no_exception_ignored_noise(
    tmp_path: Path, full_disk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    noise: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", noise.append)
    target = tmp_path / "lines.xlsx"
    with pytest.raises(OutputError, match="the disk is full"), atomic_output(target) as fh:
        write_lines_xlsx([line(name=f"设备 {i}") for i in range(2000)], fh)
    import gc

    gc.collect()
    assert noise == []
    assert sys.unraisablehook == noise.append  # the hook the caller had is back
    assert not target.exists() and _leftovers(tmp_path) == []


def test_zipfile_left_open_on_failure_is_quiet(
    tmp_path: Path, full_disk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    noise: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", noise.append)
    kept: list[zipfile.ZipFile] = []
    with pytest.raises(OutputError), atomic_output(tmp_path / "a.zip") as fh:
        archive = zipfile.ZipFile(fh, "w")
        kept.append(archive)  # outlives the block, as a writer held elsewhere would
        archive.writestr("big", os.urandom(5000))
    del archive
    kept.clear()
    import gc

    gc.collect()
    assert noise == []


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing" / "out.pdf", "does not exist"),
        (lambda d: d, "is a folder"),
    ],
)
def test_other_failures_name_the_target(tmp_path: Path, make: Any, expected: str) -> None:
    target = make(tmp_path)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"x")
    assert str(caught.value).startswith(f"{target}: ")
    assert expected in str(caught.value)
    assert ".part" not in str(caught.value)


def test_a_fifo_or_device_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(Path("/dev/null"), b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_error_about_another_file_keeps_its_name(tmp_path: Path) -> None:
    def produce(fh: Any) -> None:
        open(tmp_path / "input-that-is-missing.png", "rb")  # noqa: SIM115

    with pytest.raises(FileNotFoundError) as caught:
        write_atomic_with(tmp_path / "out.zip", produce)
    assert "input-that-is-missing.png" in str(caught.value)
    assert not isinstance(caught.value, OutputError)
    assert _leftovers(tmp_path) == []


def test_read_limited(tmp_path: Path) -> None:
    small = tmp_path / "a.json"
    small.write_bytes(b"x" * 100)
    assert read_limited(small, 100) == b"x" * 100
    with pytest.raises(InputTooLarge, match="100 bytes; the limit is 99 bytes"):
        read_limited(small, 99)
    with pytest.raises(NotAFile, match="not a regular file"):
        read_limited(Path("/dev/zero"), 1000)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(NotAFile, match="not a regular file"):
        read_limited(fifo, 1000)  # refused before open(), which would wait for a writer
    with pytest.raises(NotAFile, match="folder"):
        read_limited(tmp_path, 1000)


def test_messages_exist_in_chinese(tmp_path: Path, full_disk: None) -> None:
    target = tmp_path / "申报书.pdf"
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"x" * 5000)
    assert caught.value.text("zh") == f"磁盘已满，未写入 {target}"
    assert caught.value.text("en") == str(caught.value)
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path, b"x")
    assert caught.value.text("zh") == f"{tmp_path}：这是文件夹：请给出文件名"
