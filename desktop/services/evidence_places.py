"""Where evidence files go on a draft's lines, without the database: checking that each (file, line,
kind) can go where it is placed, and the lines with the stored files added. The file store's types are
reached from here too, so a window that only places files loads no database code."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from desktop.domain import choices
from desktop.domain.model import Draft, EquipmentLine, LineFile
from desktop.storage.files_store import FileStore as FileStore
from desktop.storage.files_store import StoreError as StoreError
from desktop.storage.files_store import store_beside as store_beside


def check_place(draft: Draft, line: int, kind: str) -> None:
    if kind not in choices.LINE_FILE_KINDS:
        raise StoreError(
            f"{kind}: not a kind of line evidence; use one of " + ", ".join(choices.LINE_FILE_KINDS),
            f"{kind}：不是设备证明材料的类别，可选 " + "、".join(choices.LINE_FILE_KINDS),
        )
    if not 0 <= line < len(draft.equipment):
        raise StoreError(
            f"line {line + 1}: the draft has {len(draft.equipment)} line(s)",
            f"第 {line + 1} 行：草稿只有 {len(draft.equipment)} 行",
        )


def check_places(draft: Draft, placed: Sequence[tuple[Path, int, str]]) -> None:
    """StoreError naming the first (path, line index, kind) that cannot go where it is placed."""
    for _, line, kind in placed:
        check_place(draft, line, kind)


def lines_adding(
    draft: Draft, placed: Sequence[tuple[Path, int, str]], stored: Sequence[tuple[str, int]]
) -> dict[int, EquipmentLine]:
    """The lines the placed files go to, by index: each a copy of the draft's line with its new files
    (digest and size as stored) after the old ones. The draft itself is not changed."""
    out: dict[int, EquipmentLine] = {}
    for (path, line, kind), (digest, size) in zip(placed, stored, strict=True):
        target = out.get(line)
        if target is None:
            target = out[line] = copy.copy(draft.equipment[line])
        target.files = [*target.files, LineFile(kind, digest, path.name, size)]
    return out
