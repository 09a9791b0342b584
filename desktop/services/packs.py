"""Finding the rule pack a draft names."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from desktop import paths
from desktop.rules.pack import Pack, PackError, parse_pack, read_pack_text
from desktop.rules.track import base_of, parse_track


def available_programs() -> list[str]:
    return sorted(p.stem for p in paths.programs_dir().glob("*.yaml"))


@cache
def _load(path: str, mtime_ns: int) -> Pack:
    text = read_pack_text(Path(path))
    base = base_of(text, path)
    if base is None:
        return parse_pack(text, path)
    if base == Path(path).stem:
        raise PackError(f"{path}: a track pack cannot be its own base")
    return parse_track(text, path, get_pack(base))  # a track pack: what differs from its base


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
