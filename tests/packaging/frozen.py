"""The frozen program for the tests and benchmarks: built from resources/packaging/grant-assistant.spec
(the same command as `make dist`), or an existing build named by GRANT_ASSISTANT_FROZEN (the CI
workflow builds first, then points the tests at its folder)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "resources" / "packaging"
SPEC = PACKAGING / "grant-assistant.spec"
NAME = "grant-assistant"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT_S = 1800  # measured: 3 min 40 s on 2 shared cores (December 2026)


def bundle_contents() -> ModuleType:
    """resources/packaging/bundle_contents.py, the list of what the spec bundles."""
    spec = importlib.util.spec_from_file_location("bundle_contents", PACKAGING / "bundle_contents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def given_build() -> Path | None:
    """A build named by GRANT_ASSISTANT_FROZEN (the folder holding the programs), if any."""
    named = os.environ.get("GRANT_ASSISTANT_FROZEN")
    return Path(named) if named else None


def existing_build() -> Path | None:
    """The named build, else the one `make dist` left in dist/, else None."""
    folder = given_build() or ROOT / "dist" / NAME
    return folder if program(folder).is_file() else None


def program(folder: Path, gui: bool = False) -> Path:
    return folder / f"{NAME}{'-gui' if gui else ''}{EXE_SUFFIX}"


def build(into: Path) -> tuple[Path, float]:
    """Build the spec into `into`/dist (work files in `into`/work); the program folder and seconds taken."""
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(into / "dist"),
         "--workpath", str(into / "work"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False,
    )
    seconds = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"the freeze build failed ({out.returncode}):\n{out.stderr[-4000:]}")
    return into / "dist" / NAME, seconds


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a first start: an empty data folder and settings, offscreen, no overrides."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GRANT_ASSISTANT_") and k not in ("SOURCE_DATE_EPOCH", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", GRANT_ASSISTANT_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), APPDATA=str(home / "appdata"), HOME=str(home), **extra)
    return env


def run(folder: Path, *args: str, env: dict[str, str], cwd: Path, gui: bool = False,
        timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program(folder, gui)), *args], cwd=cwd, env=env, capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=timeout, check=False,
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def describe(out: subprocess.CompletedProcess[Any]) -> str:
    return f"exit {out.returncode}\nstdout: {out.stdout[-2000:]}\nstderr: {out.stderr[-2000:]}"
