"""Application notices: the shipped ones (seeds/notices/) and the user's (the data folder's notices/),
found by id, added after strict validation, and applied to the pack a draft is checked against."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop import paths
from desktop.domain.model import Draft
from desktop.files import write_atomic
from desktop.rules.notice import Notice, apply_notice, check_against_pack, load_notice_file, parse_notice
from desktop.rules.pack import Pack
from desktop.rules.yamlnodes import PackError, read_yaml_text
from desktop.services.packs import get_pack


class UnknownNotice(PackError):
    """The draft names a notice this installation does not have."""


@dataclass(frozen=True, slots=True)
class NoticeEntry:
    notice: Notice
    shipped: bool


def _files() -> list[tuple[Path, bool]]:
    out: list[tuple[Path, bool]] = []
    for folder, shipped in ((paths.notices_dir(), True), (paths.user_notices_dir(), False)):
        if folder.is_dir():
            out.extend((p, shipped) for p in sorted(folder.glob("*.yaml")))
    return out


@cache
def _load(path: str, mtime_ns: int) -> Notice:
    return load_notice_file(Path(path))


def _read(path: Path) -> Notice:
    notice = _load(str(path), path.stat().st_mtime_ns)
    if notice.id != path.stem:
        raise PackError(f'{path}: the notice says its id is "{notice.id}"; the file must be named {notice.id}.yaml')
    return notice


def list_notices() -> tuple[list[NoticeEntry], list[str]]:
    """Every notice that can be used, and the problems of the files that cannot (one message each)."""
    entries: list[NoticeEntry] = []
    problems: list[str] = []
    for path, shipped in _files():
        try:
            notice = _read(path)
            check_against_pack(notice, get_pack(notice.program))
        except PackError as exc:
            problems.append(str(exc))
            continue
        entries.append(NoticeEntry(notice, shipped))
    return entries, problems


def get_notice(notice_id: str) -> Notice:
    """The notice `notice_id` names: the user's copy before the shipped one."""
    for folder in (paths.user_notices_dir(), paths.notices_dir()):
        path = folder / f"{notice_id}.yaml"
        if path.is_file():
            return _read(path)
    known = ", ".join(e.notice.id for e in list_notices()[0]) or "none"
    raise UnknownNotice(f'no application notice "{notice_id}" (notices available: {known})')


def pack_for(draft: Draft) -> Pack:
    """The pack the draft is checked against: its program's, read through its notice when it names one."""
    pack = get_pack(draft.program)
    if draft.notice is None:
        return pack
    notice = get_notice(draft.notice)
    check_against_pack(notice, pack)
    return _applied(pack, notice)


_APPLIED: dict[tuple[int, int], tuple[Pack, Notice, Pack]] = {}


def _applied(pack: Pack, notice: Notice) -> Pack:
    """apply_notice, once per (pack, notice) read (both are cached by their files' times)."""
    key = (id(pack), id(notice))
    kept = _APPLIED.get(key)
    if kept is not None and kept[0] is pack and kept[1] is notice:
        return kept[2]
    if len(_APPLIED) > 32:
        _APPLIED.clear()
    applied = apply_notice(pack, notice)
    _APPLIED[key] = (pack, notice, applied)
    return applied


def check_notice_text(text: str, source: str) -> Notice:
    """The notice in `text`, validated strictly and against the pack it names (PackError naming `source`)."""
    notice = parse_notice(text, source)
    check_against_pack(notice, get_pack(notice.program))
    return notice


def check_notice_file(path: Path) -> Notice:
    notice = load_notice_file(path)
    check_against_pack(notice, get_pack(notice.program))
    return notice


def add_notice_text(text: str, source: str, replace: bool = False) -> tuple[Notice, Path]:
    """Validate and keep a notice in the user's notices folder (written whole or not at all)."""
    notice = check_notice_text(text, source)
    if (paths.notices_dir() / f"{notice.id}.yaml").is_file():
        raise PackError(f'{source}: a notice shipped with the program already has the id "{notice.id}"; give yours '
                        "another id")
    target = paths.user_notices_dir() / f"{notice.id}.yaml"
    if target.exists() and not replace:
        raise PackError(f'{source}: you already added a notice "{notice.id}" ({target}); give another id, or '
                        "replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))
    return notice, target


def add_notice_file(path: Path, replace: bool = False) -> tuple[Notice, Path]:
    text = read_yaml_text(path, "the notice")
    return add_notice_text(text, str(path), replace)
