"""Finding the rule pack a draft names."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from desktop import paths
from desktop.rules.pack import Pack, PackError, load_pack_file


def available_programs() -> list[str]:
    return sorted(p.stem for p in paths.programs_dir().glob("*.yaml"))


@cache
def _load(path: str, mtime_ns: int) -> Pack:
    return load_pack_file(Path(path))


class UnknownProgram(PackError):
    """The draft names a program this installation has no rule pack for."""


_PROGRAM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def get_pack(program: str) -> Pack:
    """The pack `program` names, read once (again only if the file changed)."""
    path = paths.programs_dir() / f"{program}.yaml"
    if not _PROGRAM_ID.fullmatch(program) or not path.is_file():
        known = ", ".join(available_programs()) or "none"
        raise UnknownProgram(f'no rule pack for program "{program}" (packs available: {known})')
    pack = _load(str(path), path.stat().st_mtime_ns)
    if pack.id != program:
        raise PackError(f'{path}: the pack says its id is "{pack.id}", not "{program}"')
    return pack
