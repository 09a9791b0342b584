"""What the frozen program bundles besides its code: read by grant-assistant.spec at build time, and by
the tests and benchmarks (tests/packaging, tests/benchmarks/bench_freeze.py) that check the build.

Standard library and `packaging` only: it runs inside PyInstaller's spec and inside the test suite.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

NAME = "grant-assistant"
ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGING = ROOT / "resources" / "packaging"
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.I)
SKIPPED_RESOURCES = ("screenshots", "packaging")  # the README's pictures; this folder


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _needed(requirement: str) -> str | None:
    req = Requirement(requirement)
    if req.marker is not None and not req.marker.evaluate({"extra": ""}):
        return None  # an optional extra's, or another platform's
    return req.name


def runtime_distributions(root: str = NAME) -> list[metadata.Distribution]:
    """The distributions the program needs at run time: its dependencies, transitively, without extras."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[_key(name)] = dist
        todo += [n for n in map(_needed, dist.requires or []) if n]
    seen.pop(_key(root), None)
    return sorted(seen.values(), key=lambda d: str(d.metadata["Name"]).lower())


def tree(source: Path, target: str, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every file under `source`, caches and `skip`ped folders left out."""
    found = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.is_dir() or "__pycache__" in rel.parts or path.suffix == ".pyc" or rel.parts[0] in skip:
            continue
        found.append((str(path), str(Path(target) / rel.parent)))
    return found


def python_licence() -> Path | None:
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for candidate in (Path(sys.base_prefix) / "LICENSE.txt", Path(sys.base_prefix) / "lib" / version / "LICENSE.txt",
                      Path("/usr/lib") / version / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None


def licences() -> list[tuple[str, str]]:
    """Each bundled distribution's licence files, Python's, the font's, and the Qt / PySide6 notices
    (PySide6's wheels carry no licence file: the LGPL and GPL texts are kept in resources/packaging)."""
    found = []
    for dist in runtime_distributions():
        folder = f"licenses/{dist.metadata['Name']}"
        for file in dist.files or []:
            if LICENCE_FILE.search(file.name) and ".dist-info" in str(file):
                found.append((str(file.locate()), folder))
    python = python_licence()
    if python is not None:
        found.append((str(python), "licenses/Python"))
    # each bundled font's licence under the font's own name (wqy-microhei.*.txt, uming.*.txt ...)
    font_folders = {"wqy-microhei": "WenQuanYi-Micro-Hei", "uming": "AR-PL-UMing"}
    for p in sorted((ROOT / "resources" / "fonts").glob("*.txt")):
        found.append((str(p), f"licenses/{font_folders.get(p.name.split('.', 1)[0], p.name.split('.', 1)[0])}"))
    found += [(str(p), "licenses/Qt-PySide6") for p in sorted((PACKAGING / "licenses").glob("*.txt"))]
    found.append((str(PACKAGING / "THIRD-PARTY.txt"), "licenses"))
    return found


def data_files() -> list[tuple[str, str]]:
    """Everything read at run time, where desktop/paths.py (and storage/schema.py) look for it when frozen."""
    return (
        tree(ROOT / "resources", "resources", skip=SKIPPED_RESOURCES)
        + tree(ROOT / "seeds", "seeds")
        + tree(ROOT / "forms", "forms")
        + tree(ROOT / "desktop" / "storage" / "migrations", "desktop/storage/migrations")
        + licences()
    )


def installed_size() -> int:
    """Bytes the runtime distributions take in the virtual environment (the frozen build's baseline)."""
    total = 0
    for dist in [*runtime_distributions(), metadata.distribution(NAME)]:
        for file in dist.files or []:
            path = Path(str(file.locate()))
            if path.is_file():
                total += path.stat().st_size
    return total
