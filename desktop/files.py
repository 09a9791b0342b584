"""Writing output files whole or not at all (every layer may use it: it imports nothing of ours)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces `target` only when the block finishes without an exception."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(target: Path, data: bytes) -> None:
    with atomic_output(target) as fh:
        fh.write(data)


def write_atomic_with(target: Path, produce: Callable[[BinaryIO], None]) -> None:
    with atomic_output(target) as fh:
        produce(fh)
