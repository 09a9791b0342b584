"""Attachments stay linked to the same lines when lines are inserted, removed, restored or moved."""

from __future__ import annotations

import copy
import random

import pytest

from desktop.domain.changes import Change, InsertLines, MoveLines, RemoveLines
from desktop.domain.exchange import dumps
from desktop.domain.model import Attachment, Draft, EquipmentLine


def _draft(n: int) -> Draft:
    d = Draft(equipment=[EquipmentLine(name=f"L{i}") for i in range(n)])
    d.attachments = [
        Attachment(name="a", lines=[0, 2, n - 1]),
        Attachment(name="b", lines=[]),
        Attachment(name="c", lines=[1, 4]),
    ]
    return d


def _linked_names(d: Draft) -> list[list[str | None]]:
    return [[d.equipment[i].name for i in a.lines] for a in d.attachments]


def _random_change(rng: random.Random, d: Draft, k: int) -> Change:
    n = len(d.equipment)
    pick = rng.randrange(3)
    if pick == 0 or n < 4:
        fresh = tuple(EquipmentLine(name=f"new{k}.{j}") for j in range(rng.randint(1, 3)))
        return InsertLines(rng.randint(0, n), fresh)
    if pick == 1:
        return RemoveLines(tuple(sorted(rng.sample(range(n), rng.randint(1, 2)))))
    count = rng.randint(1, 3)
    start = rng.randint(0, n - count)
    return MoveLines(start, count, rng.randint(0, n - count))


@pytest.mark.parametrize("seed", range(6))
def test_links_follow_lines_and_undo_restores_them(seed: int) -> None:
    rng = random.Random(seed)
    d = _draft(10)
    history: list[tuple[Change, str]] = []
    for k in range(40):
        change = _random_change(rng, d, k)
        before_names = _linked_names(d)
        before_text = dumps(d)
        inverse = change.inverse(d)
        removed = {d.equipment[i].name for i in change.indexes} if isinstance(change, RemoveLines) else set()
        change.apply(d)
        after = _linked_names(d)
        assert after == [[x for x in names if x not in removed] for names in before_names], change
        history.append((inverse, before_text))
    for undo, before_text in reversed(history):  # undo everything, step by step
        undo.apply(d)
        assert dumps(d) == before_text


def test_removed_line_drops_its_link_and_restore_puts_it_back() -> None:
    d = _draft(6)
    removal = RemoveLines((2,))
    restore = removal.inverse(d)
    removal.apply(d)
    assert d.attachments[0].lines == [0, 4]
    restore.apply(d)
    assert d.attachments[0].lines == [0, 2, 5]
    assert copy.deepcopy(d) == d
