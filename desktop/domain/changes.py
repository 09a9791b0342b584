"""Edits to a draft as values: applied by the GUI's undo stack and by the database alike.

Each change can be applied to a Draft (mutating it) and knows its inverse for that draft, taken
before it is applied. Paths are those of the exchange format: `applicant.name`,
`applicant.contact.phone`, `project.requested_subsidy`, `equipment[3].quantity`, `title`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from desktop.domain.fieldpath import ANY, FieldPath, FieldPathError, line_text
from desktop.domain.model import Attachment, Draft, EquipmentLine


def _walk(draft: Draft, path: str) -> tuple[Any, str]:
    """The object holding the last part of `path`, and that part's attribute name."""
    try:
        steps = FieldPath.parse(path).steps
    except FieldPathError:
        raise KeyError(path) from None
    if not steps or steps[-1].index is not None:
        raise KeyError(path)
    obj: Any = draft
    for step in steps[:-1]:
        if not hasattr(obj, step.name) or step.index == ANY:
            raise KeyError(path)
        obj = getattr(obj, step.name)
        if step.index is not None:
            obj = obj[step.index]
    last = steps[-1].name
    if not hasattr(obj, last):
        raise KeyError(path)
    return obj, last


def get_value(draft: Draft, path: str) -> Any:
    obj, name = _walk(draft, path)
    return getattr(obj, name)


def set_value(draft: Draft, path: str, value: Any) -> None:
    obj, name = _walk(draft, path)
    setattr(obj, name, value)


@dataclass(frozen=True, slots=True)
class SetValue:
    """One scalar value: a field of the applicant, the project, a line, or the title."""

    path: str
    value: Any

    def apply(self, draft: Draft) -> None:
        set_value(draft, self.path, self.value)

    def inverse(self, draft: Draft) -> SetValue:
        return SetValue(self.path, get_value(draft, self.path))


@dataclass(frozen=True, slots=True)
class InsertLines:
    """Lines inserted at `index` (len(equipment) appends)."""

    index: int
    lines: tuple[EquipmentLine, ...]

    def apply(self, draft: Draft) -> None:
        draft.equipment[self.index:self.index] = [copy.copy(line) for line in self.lines]
        relink(draft, self)

    def inverse(self, draft: Draft) -> RemoveLines:
        return RemoveLines(tuple(range(self.index, self.index + len(self.lines))))

    def new_index(self, old: int) -> int | None:
        return old + len(self.lines) if old >= self.index else old


@dataclass(frozen=True, slots=True)
class RemoveLines:
    """Lines removed; `indexes` ascending."""

    indexes: tuple[int, ...]

    def apply(self, draft: Draft) -> None:
        for i in sorted(self.indexes, reverse=True):
            del draft.equipment[i]
        relink(draft, self)

    def inverse(self, draft: Draft) -> RestoreLines:
        links = tuple(tuple(a.lines) for a in draft.attachments)
        return RestoreLines(tuple((i, copy.copy(draft.equipment[i])) for i in sorted(self.indexes)), links)

    def new_index(self, old: int) -> int | None:
        if old in self.indexes:
            return None  # the line is gone: so is the link to it
        return old - sum(1 for i in self.indexes if i < old)


@dataclass(frozen=True, slots=True)
class RestoreLines:
    """Lines put back at their former indexes (the inverse of RemoveLines)."""

    items: tuple[tuple[int, EquipmentLine], ...]
    # the attachments' links as they were before the removal, put back as they were
    links: tuple[tuple[int, ...], ...] | None = None

    def apply(self, draft: Draft) -> None:
        for i, line in sorted(self.items, key=lambda item: item[0]):
            draft.equipment.insert(i, copy.copy(line))
        relink(draft, self)

    def inverse(self, draft: Draft) -> RemoveLines:
        return RemoveLines(tuple(sorted(i for i, _ in self.items)))

    def new_index(self, old: int) -> int | None:
        for target in sorted(i for i, _ in self.items):  # the old lines fill the places between the targets
            if target <= old:
                old += 1
            else:
                break
        return old


@dataclass(frozen=True, slots=True)
class ReplaceLine:
    """One whole line replaced (an edit of several cells at once)."""

    index: int
    line: EquipmentLine

    def apply(self, draft: Draft) -> None:
        draft.equipment[self.index] = copy.copy(self.line)

    def inverse(self, draft: Draft) -> ReplaceLine:
        return ReplaceLine(self.index, copy.copy(draft.equipment[self.index]))


@dataclass(frozen=True, slots=True)
class MoveLines:
    """`count` lines starting at `start` moved so that the first of them ends up at `dest`."""

    start: int
    count: int
    dest: int

    def apply(self, draft: Draft) -> None:
        block = draft.equipment[self.start:self.start + self.count]
        del draft.equipment[self.start:self.start + self.count]
        draft.equipment[self.dest:self.dest] = block
        relink(draft, self)

    def inverse(self, draft: Draft) -> MoveLines:
        return MoveLines(self.dest, self.count, self.start)

    def new_index(self, old: int) -> int | None:
        start, count, dest = self.start, self.count, self.dest
        if start <= old < start + count:
            return dest + (old - start)
        rest = old if old < start else old - count  # its index once the block is taken out
        return rest + count if rest >= dest else rest


@dataclass(frozen=True, slots=True)
class SetAttachments:
    """The whole attachment list (it is short; every attachment edit replaces it)."""

    attachments: tuple[Attachment, ...]

    def apply(self, draft: Draft) -> None:
        draft.attachments = [copy.deepcopy(a) for a in self.attachments]

    def inverse(self, draft: Draft) -> SetAttachments:
        return SetAttachments(tuple(copy.deepcopy(a) for a in draft.attachments))


LineOrderChange = InsertLines | RemoveLines | RestoreLines | MoveLines


def relinked(links: list[int], change: LineOrderChange, before: tuple[int, ...] | None = None) -> list[int]:
    """An attachment's line links after `change` reordered the lines (links to removed lines dropped).
    `before`: the links recorded before a removal, which a RestoreLines puts back as they were."""
    if isinstance(change, RestoreLines) and before is not None:
        return list(before)
    out = []
    for i in links:
        j = change.new_index(i)
        if j is not None:
            out.append(j)
    return out


def relink(draft: Draft, change: LineOrderChange) -> None:
    """Keep every attachment linked to the same lines when lines are inserted, removed or moved."""
    saved = change.links if isinstance(change, RestoreLines) else None
    usable = saved is not None and len(saved) == len(draft.attachments)
    for k, attachment in enumerate(draft.attachments):
        if attachment.lines or usable:
            attachment.lines = relinked(attachment.lines, change, saved[k] if usable and saved else None)


Change = SetValue | InsertLines | RemoveLines | RestoreLines | ReplaceLine | MoveLines | SetAttachments


def line_path(index: int, field_name: str) -> str:
    return line_text(index, field_name)
