"""Every window string has its finished Chinese translation in the .ts, and the compiled file is there.

Two readings of desktop/ui find the strings: pyside6-lupdate itself (what the tool would write), and a
walk over the source (`translate(context, "...")`, `QT_TRANSLATE_NOOP(context, "...")`, `self.tr("...")`)
that also catches calls lupdate passes over silently, texts built at run time, and contexts that are not
literal strings (lupdate cannot read those).
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import paths
from desktop.ui.common import translations_tool

UI = paths.PROJECT_ROOT / "desktop" / "ui"
_PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")
Key = tuple[str, str, str]  # context, source, disambiguation


def _messages(ts: Path) -> dict[Key, list[str]]:
    """Every current message of a .ts: its translations ([] when unfinished)."""
    out: dict[Key, list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = [] if kind == "unfinished" or not all(f.strip() for f in forms) else forms
    return out


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls(path: Path) -> tuple[set[Key], list[str]]:
    """The translatable strings of one module, and what is wrong with its translate calls."""
    found: set[Key] = set()
    wrong: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = {id(n): c.name for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for n in ast.walk(c)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        where = f"{path.name}:{node.lineno}"
        if name == "tr" and isinstance(func, ast.Attribute) and node.args:
            context, source, comment = classes.get(id(node), ""), node.args[0], node.args[1:2]
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            context_node, source, comment = node.args[0], node.args[1], node.args[2:3]
            if _text(context_node) is None:
                if _text(source) is not None or isinstance(source, ast.JoinedStr):
                    wrong.append(f"{where}: the context is not a literal string")
                continue
            context = _text(context_node) or ""
        else:
            continue
        if isinstance(source, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute)
                and source.func.attr == "format"):
            wrong.append(f"{where}: the text is built before it is translated; translate, then .format()")
            continue
        text = _text(source)
        if text is not None:
            found.add((context, text, (_text(comment[0]) or "") if comment else ""))
    return found, wrong


def test_every_string_is_translated():
    assert translations_tool.unfinished() == []
    assert translations_tool.TS.with_suffix(".qm").is_file()


def test_every_source_string_has_a_finished_chinese_translation():
    messages = _messages(translations_tool.TS)
    wanted: set[Key] = set()
    wrong: list[str] = []
    for module in sorted(UI.rglob("*.py")):
        found, bad = _calls(module)
        wanted |= found
        wrong += bad
    assert wrong == []
    assert len(wanted) > 200
    missing = sorted(k for k in wanted if not messages.get(k))
    assert missing == [], "run `python -m desktop.ui.common.translations_tool` and translate these"


def test_lupdate_finds_nothing_the_ts_lacks(tmp_path: Path):
    fresh = tmp_path / "fresh.ts"
    try:
        tool = translations_tool._tool("pyside6-lupdate")
    except SystemExit:
        pytest.skip("pyside6-lupdate is not installed")
    subprocess.run([tool, *translations_tool.sources(), "-ts", str(fresh)], check=True, capture_output=True)
    messages = _messages(translations_tool.TS)
    assert sorted(k for k in _messages(fresh) if not messages.get(k)) == []


def test_translations_keep_every_placeholder():
    for (context, source, _), forms in _messages(translations_tool.TS).items():
        for form in forms:
            assert sorted(_PLACEHOLDER.findall(form)) == sorted(_PLACEHOLDER.findall(source)), (context, source)


def test_form_declaration_loads_and_maps_paths():
    from desktop.rules.wizard_form import load_form

    form = load_form()
    assert [s.id for s in form.steps][:3] == ["eligibility", "applicant", "project"]
    assert form.step_of("applicant.city") == 0
    assert form.step_of("applicant.name") == 1
    assert form.step_of("equipment[3].quantity") == form.index_of("equipment")
    assert form.step_of("") == 0
