"""Regenerate the interface translations: `python -m desktop.ui.common.translations_tool`.

1. pyside6-lupdate reads every `self.tr(...)`, `translate(context, ...)` (QCoreApplication's or
   `step_text.texts(lang)`'s) and `QT_TRANSLATE_NOOP(context, ...)` in desktop/ui/ and updates
   resources/translations/grant_assistant_zh.ts (translations already there are kept). It reads only
   literal contexts and texts, and skips a plural call whose count is not a plain name: write
   `translate("Ctx", "%n lines", "", n)`, and `.format()` placeholders after translating, never an f-string;
2. translate the new entries in that file (Qt Linguist: `pyside6-linguist`, or any text editor);
3. pyside6-lrelease compiles it to grant_assistant_zh.qm, which the program loads.

`--check` only reports entries without a translation (exit 1 if any), for the test suite.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop import paths

TS = paths.translations_dir() / "grant_assistant_zh.ts"


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    folder = paths.PROJECT_ROOT / "desktop" / "ui"
    return sorted(str(p) for p in folder.rglob("*.py"))


def unfinished(ts: Path = TS) -> list[str]:
    root = ET.parse(ts).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            if kind == "unfinished" or not translation.text:
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.common.translations_tool")
    parser.add_argument("--check", action="store_true", help="only list untranslated entries")
    args = parser.parse_args(argv)
    if not args.check:
        TS.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(TS)], check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    missing = unfinished()
    for entry in missing:
        print(f"untranslated: {entry}")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
