"""Field paths (`equipment[3].quantity`) are read and written only by desktop/domain/fieldpath.py.

A regex over line indexes, an f-string writing `equipment[{i}]` or a literal `"equipment["` to cut a path
apart anywhere else in desktop/ fails this test, naming the file and line; use FieldPath, line_text,
path_text, line_of, list_place or pattern_of instead.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {"desktop/domain/fieldpath.py"}

_INDEX_REGEX = re.compile(r"\\\[\(?(\?:)?\\d|(equipment|attachments)\\\[")
_LISTS = r"(equipment|attachments|invoices|payments|files|financials|indicators)"
_WRITTEN = re.compile(_LISTS + r"\[(\]\.)?\{")  # `equipment[{i}]`, and the catalogue's `equipment[].{name}`
_CUT = {"equipment[", "attachments[", "equipment[].", "attachments[]."}


def _strings(tree: ast.AST) -> Iterator[tuple[int, str, bool]]:
    """(line, text, is an f-string) of every string in a module; an f-string's fields read as `{}`."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
                           for v in node.values)
            inside.update(id(v) for v in node.values)
            yield node.lineno, text, True
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside:
            yield node.lineno, node.value, False


def problems_in(source: str, name: str) -> list[str]:
    out: list[str] = []
    for line, text, formatted in sorted(_strings(ast.parse(source))):
        if _INDEX_REGEX.search(text):
            out.append(f"{name}:{line}: a regex over field-path indexes ({text!r}); use FieldPath.parse")
        elif formatted and _WRITTEN.search(text):
            out.append(f"{name}:{line}: an f-string writes a field path ({text!r}); use line_text or path_text")
        elif text in _CUT:
            out.append(f"{name}:{line}: {text!r} cuts a field path apart by hand; use FieldPath, line_of or "
                       "list_place")
    return out


def test_field_paths_are_parsed_and_written_only_by_their_module() -> None:
    found: list[str] = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name not in ALLOWED:
            found += problems_in(path.read_text(encoding="utf-8"), name)
    assert not found, "field paths handled outside desktop/domain/fieldpath.py:\n" + "\n".join(found)


def test_the_scan_finds_each_kind_of_hand_made_path() -> None:
    source = '''
import re
_LINE = re.compile(r"^equipment\\[(\\d+)\\]\\.(\\w+)$")
_INDEX = re.compile(r"\\[\\d+\\]")
def f(i, j, base, path):
    a = f"equipment[{i}].quantity"
    b = f"{base}.invoices[{j}]"
    c = path.startswith("equipment[")
    d = path.removeprefix("equipment[].")
    e = f"equipment[].{path}"
    return {"equipment[].name": 1, "title": f"{i} [{j}]"}
'''
    found = problems_in(source, "desktop/x.py")
    assert [p.split(": ", 1)[0] for p in found] == [
        "desktop/x.py:3", "desktop/x.py:4", "desktop/x.py:6", "desktop/x.py:7", "desktop/x.py:8", "desktop/x.py:9",
        "desktop/x.py:10"]
    assert "regex" in found[0] and "f-string" in found[2] and "by hand" in found[4]
