"""What the equipment step's commands do to the draft, as session changes (one undo step each)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.domain.changes import Change, InsertLines, MoveLines, RemoveLines, ReplaceLine
from desktop.domain.model import EquipmentLine
from desktop.services import tsv

if TYPE_CHECKING:
    from desktop.ui.wizard.session import DraftSession


def apply_all(session: DraftSession, changes: Sequence[Change], text: str) -> None:
    """Several changes as one undo step."""
    if not changes:
        return
    if len(changes) == 1:
        session.apply(changes[0], text)
        return
    session.undo_stack.beginMacro(text)
    try:
        for change in changes:
            session.apply(change, text)
    finally:
        session.undo_stack.endMacro()


def new_line(template: EquipmentLine | None = None) -> EquipmentLine:
    """A fresh line: the usual values of this program, or those of the line above for the choices."""
    line = EquipmentLine(kind="hardware", use="rd", condition="new", quantity=1, currency="CNY")
    if template is not None:
        line.kind = template.kind
        line.supplier, line.purchase_date = template.supplier, template.purchase_date
    return line


def insert(session: DraftSession, at: int, text: str) -> int:
    lines = session.draft.equipment
    at = max(0, min(at, len(lines)))
    template = lines[at - 1] if at > 0 and lines else None
    session.apply(InsertLines(at, (new_line(template),)), text)
    return at


def duplicate(session: DraftSession, rows: list[int], text: str) -> list[int]:
    """Copies of `rows` inserted after the last of them; the new rows."""
    if not rows:
        return []
    lines = session.draft.equipment
    at = max(rows) + 1
    session.apply(InsertLines(at, tuple(copy.copy(lines[r]) for r in sorted(rows))), text)
    return list(range(at, at + len(rows)))


def remove(session: DraftSession, rows: list[int], text: str) -> None:
    if rows:
        session.apply(RemoveLines(tuple(sorted(set(rows)))), text)


def move(session: DraftSession, rows: list[int], delta: int, text: str) -> list[int]:
    """Move the first contiguous run of `rows` by `delta` (-1 up, +1 down); the rows it now occupies."""
    if not rows:
        return []
    rows = sorted(set(rows))
    start = rows[0]
    count = 1
    while count < len(rows) and rows[count] == start + count:
        count += 1
    dest = start + delta
    if dest < 0 or dest + count > len(session.draft.equipment):
        return list(range(start, start + count))
    session.apply(MoveLines(start, count, dest), text)
    return list(range(dest, dest + count))


def clear_cells(session: DraftSession, cells: dict[int, list[str]], text: str) -> None:
    """Empty the given fields of each row (one ReplaceLine per row, one undo step)."""
    lines = session.draft.equipment
    changes: list[Change] = []
    for row, fields in sorted(cells.items()):
        line = tsv.line_with(lines[row], dict.fromkeys(fields))
        if line != lines[row]:
            changes.append(ReplaceLine(row, line))
    apply_all(session, changes, text)


def paste_changes(
    lines: list[EquipmentLine], block: str | tsv.PastePlan, at_row: int, first_field: int
) -> tuple[list[Change], list[tsv.CellProblem], int]:
    """The changes a pasted block makes from (at_row, first_field), the cells that did not read, and
    how many lines it appends. Rows over existing lines replace those cells; the rest become new lines
    at the end. A block with a header row is mapped by the header's names (see tsv.plan_paste), one
    without by position from `first_field`. Bad cells are left empty and reported by table line and
    column name."""
    plan = block if isinstance(block, tsv.PastePlan) else tsv.plan_paste(block, first_field)
    if plan.header is None:
        values, problems = tsv.rows_to_values(plan.rows, first_field, first_line=at_row + 1)
    else:
        values, problems = tsv.rows_to_values(plan.rows, columns=plan.columns, first_line=at_row + 1)
    changes: list[Change] = []
    new: list[EquipmentLine] = []
    for k, vals in enumerate(values):
        target = at_row + k
        if target < len(lines):
            replaced = tsv.line_with(lines[target], vals)
            if replaced != lines[target]:
                changes.append(ReplaceLine(target, replaced))
        else:
            base = new_line() if plan.header is None and first_field > 0 else None
            new.append(tsv.line_with(base, vals))
    if new:
        changes.append(InsertLines(len(lines), tuple(new)))
    # problems on appended lines are numbered as the lines they became
    return changes, problems, len(new)
