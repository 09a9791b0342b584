"""No two modules of desktop import each other, directly or round a loop (imports inside functions
count too: a lazy import only hides a cycle; imports for the type checker alone do not). Read with ast;
a package's __init__ is left out of the graph (importing desktop.x.y runs desktop/x/__init__.py, which
is no dependency of the code)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.unit.test_arch_doors import ROOT, _package, imported


def _modules() -> dict[str, Path]:
    out = {}
    for path in (ROOT / "desktop").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def _running(tree: ast.Module) -> ast.Module:
    """The module without its `if TYPE_CHECKING:` blocks: imports for the type checker never run."""
    for node in ast.walk(tree):
        for name in ("body", "orelse"):
            block = getattr(node, name, None)
            if isinstance(block, list):
                block[:] = [n for n in block if not (isinstance(n, ast.If) and ast.unparse(n.test).endswith(
                    "TYPE_CHECKING"))]
    return tree


def graph() -> dict[str, set[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        if path.name == "__init__.py":
            continue
        tree = _running(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        targets = set()
        for _line, module in imported(tree, _package(path)):
            if module in modules and modules[module].name != "__init__.py" and module != name:
                targets.add(module)
        edges[name] = targets
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


# cycles there already when this test was written (each through lazy imports inside functions), left to
# the helpers who own those modules; the list may only shrink: any other cycle fails
KNOWN = [
    ["desktop.storage.draft_files", "desktop.storage.records", "desktop.storage.revisions", "desktop.storage.team",
     "desktop.storage.whole"],
    ["desktop.ui.common.editors", "desktop.ui.common.value_editors"],
]


def test_desktop_has_no_new_import_cycles() -> None:
    edges = graph()
    assert "desktop.importers.sources" not in edges["desktop.importers.xlsx_source"]
    new = [c for c in cycles(edges) if not any(set(c) <= set(k) for k in KNOWN)]
    assert new == []


def test_the_known_cycles_are_still_there() -> None:
    """A cycle broken meanwhile leaves the list, so it cannot come back unseen."""
    found = cycles(graph())
    for known in KNOWN:
        assert any(set(c) & set(known) for c in found), f"{known} is no cycle any more: take it off KNOWN"


def test_a_cycle_is_found() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
