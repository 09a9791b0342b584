"""A strict YAML reader: every value keeps its line, duplicate keys are refused.

PyYAML's own constructors guess types (a date, a float) and keep the last of two duplicate keys; a rule
pack wants neither. Here mappings, sequences and scalars stay nodes and the caller converts each value
where it knows its type, so every message can name the file and the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

import yaml

from desktop.domain.lang import Bilingual

T = TypeVar("T")


class PackError(ValueError):
    """A rule pack cannot be used. The message names the file and the line."""


class Node:
    def __init__(self, node: yaml.Node, source: str) -> None:
        self._node = node
        self.source = source

    @property
    def line(self) -> int:
        return int(self._node.start_mark.line) + 1

    def fail(self, message: str) -> PackError:
        return PackError(f"{self.source}, line {self.line}: {message}")

    # --- mappings
    def mapping(self, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, Node]:
        if not isinstance(self._node, yaml.MappingNode):
            raise self.fail("expected a mapping (key: value lines)")
        out: dict[str, Node] = {}
        allowed = set(required) | set(optional)
        for key_node, value_node in self._node.value:
            key = Node(key_node, self.source)
            name = key.text()
            if name in out:
                raise key.fail(f'duplicate key "{name}"')
            if name not in allowed:
                raise key.fail(f'unknown key "{name}"; expected one of {", ".join(sorted(allowed))}')
            out[name] = Node(value_node, self.source)
        missing = [k for k in required if k not in out]
        if missing:
            raise self.fail("missing " + ", ".join(missing))
        return out

    def free_mapping(self) -> dict[str, Node]:
        """A mapping whose keys the caller checks (ids, levels)."""
        if not isinstance(self._node, yaml.MappingNode):
            raise self.fail("expected a mapping (key: value lines)")
        out: dict[str, Node] = {}
        for key_node, value_node in self._node.value:
            key = Node(key_node, self.source)
            name = key.text()
            if name in out:
                raise key.fail(f'duplicate key "{name}"')
            out[name] = Node(value_node, self.source)
        return out

    def items(self) -> Iterator[Node]:
        if not isinstance(self._node, yaml.SequenceNode):
            raise self.fail("expected a list (lines starting with -)")
        for child in self._node.value:
            yield Node(child, self.source)

    def keyed_items(self, required: tuple[str, ...], what: str, optional: tuple[str, ...] = ()
                    ) -> Iterator[tuple[str, dict[str, Node]]]:
        """A list of mappings, each with an "id" (first of `required`) no other item repeats: (id, mapping)."""
        seen: set[str] = set()
        for item in self.items():
            m = item.mapping(required, optional)
            key = m["id"].text()
            if key in seen:
                raise m["id"].fail(f'{what} "{key}" is listed twice')
            seen.add(key)
            yield key, m

    def bilingual(self, filled: bool = False) -> Bilingual:
        """A {zh, en} mapping; `filled`: both must hold text (kept stripped)."""
        m = self.mapping(("zh", "en"))
        if not filled:
            return Bilingual(m["zh"].text(), m["en"].text())
        zh, en = m["zh"].text().strip(), m["en"].text().strip()
        if not zh or not en:
            raise self.fail("give both the Chinese (zh) and the English (en) text")
        return Bilingual(zh, en)

    # --- scalars
    def text(self) -> str:
        if not isinstance(self._node, yaml.ScalarNode):
            raise self.fail("expected a single value")
        return str(self._node.value)

    def is_null(self) -> bool:
        return isinstance(self._node, yaml.ScalarNode) and self._node.value in ("", "~", "null", "None")

    def convert(self, what: str, fn: Callable[[str], T]) -> T:
        raw = self.text()
        try:
            return fn(raw)
        except (ValueError, InvalidOperation):
            raise self.fail(f'expected {what}, got "{raw}"') from None

    def date(self) -> date:
        def parse(s: str) -> date:
            if len(s) != 10:
                raise ValueError(s)
            return date.fromisoformat(s)

        return self.convert("a date written YYYY-MM-DD", parse)

    def decimal(self) -> Decimal:
        def parse(s: str) -> Decimal:
            d = Decimal(s)
            if not d.is_finite():
                raise ValueError(s)
            return d

        return self.convert("a decimal number", parse)

    def boolean(self) -> bool:
        def parse(s: str) -> bool:
            if s in ("true", "True", "yes"):
                return True
            if s in ("false", "False", "no"):
                return False
            raise ValueError(s)

        return self.convert("true or false", parse)

    def choice(self, allowed: tuple[str, ...]) -> str:
        value = self.text()
        if value not in allowed:
            raise self.fail(f'expected one of {", ".join(allowed)}, got "{value}"')
        return value


def parse_root(text: str, source: str) -> Node:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(f"{source}{where}: not valid YAML: {problem}") from None
    if node is None:
        raise PackError(f"{source}: the file is empty")
    return Node(node, source)


def read_yaml_text(path: Path, what: str) -> str:
    """The file's text, or PackError naming the file and why (`what` says what it is: "the rule pack")."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError(f"{path}: cannot read {what} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise PackError(f"{path}: {what} is not UTF-8 text") from None
