"""Services are the only door: nothing in desktop/ui or desktop/commands imports desktop.storage or
desktop.pdf itself (the GUI and the command line reach them through desktop/services)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOORS = ("desktop/ui", "desktop/commands")
BEHIND = ("desktop.storage", "desktop.pdf")
# the open-draft helper turns these three into one open-draft object behind services and removes them
ALLOWED = {"desktop/ui/store.py", "desktop/ui/controller.py", "desktop/ui/session.py"}


def _package(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])


def imported(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, module) of each import in `tree`; relative imports resolved against `package`."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def behind(module: str) -> bool:
    return any(module == b or module.startswith(b + ".") for b in BEHIND)


def offences(files: list[Path]) -> list[str]:
    out = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        first: dict[int, str] = {}
        for line, module in imported(tree, _package(path)):
            if behind(module):
                first.setdefault(line, module)
        out += [f"{rel}:{line}: imports {module}" for line, module in sorted(first.items())]
    return out


def test_ui_and_commands_go_through_services() -> None:
    files = sorted(p for d in DOORS for p in (ROOT / d).rglob("*.py"))
    assert files
    assert offences(files) == []


def test_the_allow_list_names_files_that_exist() -> None:
    for rel in ALLOWED:
        assert (ROOT / rel).is_file(), rel


def test_a_direct_import_is_named_with_file_and_line(tmp_path: Path, monkeypatch) -> None:
    ui = tmp_path / "desktop" / "ui"
    ui.mkdir(parents=True)
    sample = ui / "sample.py"
    sample.write_text(
        "from desktop.services import drafts\n"
        "def f():\n"
        "    from desktop.storage.records import DraftNotFound\n"
        "    from ..pdf import render_report\n"
        "import desktop.pdf.fonts\n"
        "from desktop import storage\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    found = offences([sample])
    assert [f.split(": ")[0] for f in found] == [
        "desktop/ui/sample.py:3", "desktop/ui/sample.py:4", "desktop/ui/sample.py:5", "desktop/ui/sample.py:6"]
    assert "desktop.storage.records" in found[0]
