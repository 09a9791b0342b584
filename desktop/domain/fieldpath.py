"""Field paths of the exchange format (`equipment[3].quantity`, `attachments[2]`, `applicant.contact.phone`,
`equipment[3].invoices[0].date`): the one place they are parsed and written.

A path is a row of steps, each a name with an optional index; `[]` (an index left out, as in the field
catalogue's `equipment[].name`) stands for any line. The empty path is the draft as a whole. Findings and
changes carry paths as plain strings: `path_text` writes one cheaply, `FieldPath.parse` reads one (cached).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ANY = -1  # the index of `equipment[]`: any line
EQUIPMENT = "equipment"
ATTACHMENTS = "attachments"

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(0|[1-9][0-9]*)?\])?")
_INDEX = re.compile(r"\[\d+\]")


class FieldPathError(ValueError):
    """A text that is not a field path; the message names the text and what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    index: int | None = None  # None: no brackets; ANY: `[]`


def path_text(*parts: str | int) -> str:
    """A path written from its parts: names (or already written paths) joined with dots, an int as the
    index of the part before it. `path_text("equipment", 3, "invoices", 0, "date")` is
    `equipment[3].invoices[0].date`; `path_text(base, "quantity")` adds a field to a written path; ANY
    writes `[]` (`path_text("equipment", ANY, "name")` is the catalogue's `equipment[].name`)."""
    out = ""
    for part in parts:
        if part.__class__ is str:
            out = f"{out}.{part}" if out else part
        elif part.__class__ is int and part >= 0 and out and out[-1] != "]":
            out = f"{out}[{part}]"
        elif part == ANY and out and out[-1] != "]":
            out += "[]"
        else:
            raise FieldPathError(f"field path {out!r}: an index ({part}) must follow a name and be 0 or more")
    return out


def line_text(index: int, *fields: str | int) -> str:
    """`equipment[index]`, or a field under it: `line_text(3, "quantity")` is `equipment[3].quantity`,
    `line_text(ANY, "name")` the catalogue's `equipment[].name`."""
    # the checker writes one for every line it checks: the plain case is one f-string
    head = f"equipment[{index}]" if index.__class__ is int and index >= 0 else path_text(EQUIPMENT, index)
    return path_text(head, *fields) if fields else head


_LINE_HEAD = re.compile(r"equipment\[(0|[1-9][0-9]*)\](?:\.|\Z)")


def line_of(path: str) -> int | None:
    """The equipment line a path is in (`3` for `equipment[3].quantity` and `equipment[3]`); None for any
    other path. Only the head `equipment[i]` is read (the PDF asks this of every finding, thousands)."""
    m = _LINE_HEAD.match(path)
    return None if m is None else int(m.group(1))


def list_place(path: str, collection: str) -> tuple[int | None, str | None] | None:
    """(index, field) of `collection` (None, None), `collection[i]` (i, None) or `collection[i].field`
    (i, field), the places a list's table can show; None for any other path, a malformed one included."""
    parsed = FieldPath.parse_or_none(path)
    steps = () if parsed is None else parsed.steps
    if not steps or len(steps) > 2 or steps[0].name != collection or steps[0].index == ANY:
        return None
    if len(steps) == 1:
        return steps[0].index, None
    if steps[0].index is None or steps[1].index is not None:
        return None
    return steps[0].index, steps[1].name


def path_under(path: str, prefix: str) -> bool:
    """`FieldPath.is_under` on texts: `equipment[3].quantity` is under `equipment`; the empty prefix holds
    only the empty path; a malformed text is under nothing and holds nothing."""
    parsed, holder = FieldPath.parse_or_none(path), FieldPath.parse_or_none(prefix)
    return parsed is not None and holder is not None and parsed.is_under(holder)


def pattern_of(path: str) -> str:
    """The path with its indexes taken out, the key of the field catalogue: `equipment[12].name` ->
    `equipment[].name`."""
    return _INDEX.sub("[]", path)


@dataclass(frozen=True, slots=True)
class FieldPath:
    """A parsed path: made by `parse`, `of`, `line_field` and `child`, which check it; `str()` writes it back
    as the very text it was read from."""

    steps: tuple[Step, ...] = ()

    # ---- making
    @staticmethod
    def parse(text: str) -> FieldPath:
        """The path a text writes; FieldPathError naming the text and the bad part if it writes none."""
        return _parse(text)

    @staticmethod
    def parse_or_none(text: str) -> FieldPath | None:
        """The path a text writes, None if it writes none (for texts that may be anything)."""
        try:
            return _parse(text)
        except FieldPathError:
            return None

    @classmethod
    def of(cls, *parts: str | int) -> FieldPath:
        """`FieldPath.of("equipment", 3, "quantity")`: names and the indexes that follow them."""
        return _parse(path_text(*parts))

    @classmethod
    def line_field(cls, collection: str, index: int, *fields: str) -> FieldPath:
        """`FieldPath.line_field("equipment", 3, "quantity")` is `equipment[3].quantity`."""
        return _parse(path_text(collection, index, *fields))

    def child(self, name: str, index: int | None = None) -> FieldPath:
        """This path with one more step."""
        return FieldPath(self.steps + (_checked_step(name, index, str(self)),))

    # ---- reading
    def __str__(self) -> str:
        return ".".join(
            s.name if s.index is None else f"{s.name}[]" if s.index == ANY else f"{s.name}[{s.index}]"
            for s in self.steps
        )

    @property
    def head(self) -> str:
        """The first step's name (`equipment` for `equipment[3].quantity`); '' for the empty path."""
        return self.steps[0].name if self.steps else ""

    @property
    def leaf(self) -> str:
        """The last step's name (`quantity` for `equipment[3].quantity`); '' for the empty path."""
        return self.steps[-1].name if self.steps else ""

    @property
    def leaf_index(self) -> int | None:
        """The last step's index (`2` for `attachments[2]`, None for `attachments[2].kind`)."""
        return self.steps[-1].index if self.steps else None

    @property
    def line(self) -> int | None:
        """The equipment line the path is in (`3` for `equipment[3].quantity`), else None."""
        return self.index_in(EQUIPMENT)

    def index_in(self, collection: str) -> int | None:
        """The index of the path's first step when that step is `collection[i]`, else None."""
        if not self.steps:
            return None
        first = self.steps[0]
        if first.name != collection or first.index is None or first.index == ANY:
            return None
        return first.index

    @property
    def fields(self) -> str:
        """What follows the first step (`quantity` for `equipment[3].quantity`, `invoices[0].date` for
        `equipment[3].invoices[0].date`); '' when nothing does."""
        return str(FieldPath(self.steps[1:]))

    @property
    def pattern(self) -> str:
        """The path with its indexes left out (`equipment[].name`): the key of the field catalogue."""
        return str(FieldPath(tuple(s if s.index is None else Step(s.name, ANY) for s in self.steps)))

    def is_under(self, other: FieldPath | str) -> bool:
        """True for the path itself and the paths inside it: `equipment[3].quantity` is under `equipment`,
        `equipment[3]` and itself, not under `equipment[4]`; the empty path holds only the empty path."""
        prefix = other if isinstance(other, FieldPath) else _parse(other)
        n = len(prefix.steps)
        if n == 0:
            return not self.steps
        if n > len(self.steps) or self.steps[:n - 1] != prefix.steps[:n - 1]:
            return False
        mine, theirs = self.steps[n - 1], prefix.steps[n - 1]
        return mine.name == theirs.name and (theirs.index is None or theirs.index == mine.index)

    def moved_to(self, index: int) -> FieldPath:
        """The same path in another line of its first step's list (`equipment[3].x` -> `equipment[5].x`)."""
        if not self.steps or self.steps[0].index is None:
            raise FieldPathError(f"field path {str(self)!r}: not in a list, so it cannot move to index {index}")
        return FieldPath((_checked_step(self.steps[0].name, index, str(self)),) + self.steps[1:])


def _checked_step(name: str, index: int | None, where: str) -> Step:
    if _STEP.fullmatch(name) is None or "[" in name:
        raise FieldPathError(f"field path {where!r}: {name!r} is not a field name (letters, digits and _)")
    if index is not None and index < 0 and index != ANY:
        raise FieldPathError(f"field path {where!r}: the index of {name!r} must be 0 or more, not {index}")
    return Step(name, index)


@lru_cache(maxsize=8192)
def _parse(text: str) -> FieldPath:
    if not isinstance(text, str):
        raise FieldPathError(f"field path {text!r}: expected a text such as 'equipment[3].quantity'")
    if text == "":
        return FieldPath()
    steps: list[Step] = []
    for part in text.split("."):
        m = _STEP.fullmatch(part)
        if m is None:
            raise FieldPathError(
                f"field path {text!r}: {part!r} is not a step (a name such as 'quantity', optionally with an "
                "index such as 'equipment[3]'; write it as in 'equipment[3].quantity')")
        if m.group(2) is not None:
            steps.append(Step(m.group(1), int(m.group(2))))
        else:
            steps.append(Step(m.group(1), ANY if part.endswith("[]") else None))
    return FieldPath(tuple(steps))
