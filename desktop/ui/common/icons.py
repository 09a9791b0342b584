"""The program's own icons (resources/icons/*.svg, drawn for it)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop import paths

MARKS = ("complete", "warnings", "errors", "open")


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / f"{name}.svg"))


def step_mark(mark: str) -> QIcon:
    return icon(f"step-{mark}")
