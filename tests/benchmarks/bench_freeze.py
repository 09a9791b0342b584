"""The frozen program (resources/packaging/grant-assistant.spec) against the same steps run from the
virtual environment: the build's size, and the time from process start to exit of a first start (an
empty data folder and settings; the file cache warm) for `validate` and for the desktop program with
`--smoke-test` (the demo draft opened in the wizard, painted, quit).

The full run builds the spec afresh into a temporary folder (and reports how long that took), unless
GRANT_ASSISTANT_FROZEN names a build. The smoke run of the test suite uses a build only if one exists
(GRANT_ASSISTANT_FROZEN, or dist/ from `make dist`); without one it measures the virtual environment's
side alone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import Figure
from tests.packaging import frozen

AS_OF = "2026-06-01"


def _venv_program() -> list[str]:
    script = Path(sys.executable).parent / "grant-assistant"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "desktop"]


def _timed(command: list[str], home: Path) -> float:
    """Milliseconds from spawn to exit of one first start (a fresh data folder and settings)."""
    home.mkdir(parents=True, exist_ok=True)
    env = frozen.clean_env(home)
    t0 = time.perf_counter()
    out = subprocess.run(command, cwd=home.parent, env=env, capture_output=True, text=True, encoding="utf-8",
                         errors="replace", timeout=300, check=False)
    elapsed = (time.perf_counter() - t0) * 1000
    if out.returncode != 0:
        raise RuntimeError(f"{command[0]} {command[1:]} failed: {frozen.describe(out)}")
    return elapsed


def _best(command: list[str], tmp: Path, tag: str, repeat: int) -> float:
    times = []
    for i in range(repeat):
        times.append(_timed(command, tmp / f"{tag}-{i}" / "home"))
    return min(times)


def run(scale: float) -> list[Figure]:
    smoke = scale < 0.5
    repeat = 1 if smoke else 5
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        draft = tmp / "demo.json"
        draft.write_bytes((frozen.ROOT / "seeds" / "demo-draft.json").read_bytes())
        steps = {"validate": ["validate", str(draft), "--as-of", AS_OF], "gui_smoke": ["--smoke-test"]}
        venv = _venv_program()
        build_seconds: float | None = None
        folder = frozen.existing_build() if smoke else frozen.given_build()
        if folder is None and not smoke:
            folder, build_seconds = frozen.build(tmp / "freeze")
        if folder is None:  # the smoke run without a build: the baseline's cheapest step, to prove it runs
            ms = _best([*venv, *steps["validate"]], tmp, "venv-validate", repeat)
            return [Figure("venv_start_validate", ms, "ms", target="info",
                           note="no frozen build here: `make dist` or GRANT_ASSISTANT_FROZEN")]

        for args in steps.values():
            _timed([*venv, *args], tmp / "warm" / "home")  # the file cache warm for the baseline too

        figures: list[Figure] = []
        exe = str(frozen.program(folder))
        for args in steps.values():
            _timed([exe, *args], tmp / "warm-frozen" / "home")
        size_mb = frozen.folder_size(folder) / 1e6
        figures.append(Figure("frozen_size", size_mb, "MB", "runtime packages in the venv",
                              frozen.bundle_contents().installed_size() / 1e6, "info", str(folder)))
        for step, args in steps.items():
            base = _best([*venv, *args], tmp, f"venv-{step}", repeat)
            ms = _best([exe, *args], tmp, f"frozen-{step}", repeat)
            figures.append(Figure(f"frozen_start_{step}", ms, "ms", f"venv {step}", base, "ratio <= 1.5",
                                  "first start: empty data folder; file cache warm"))
        if build_seconds is not None:
            figures.append(Figure("frozen_build", build_seconds, "s", target="info",
                                  note="pyinstaller, one folder, from scratch"))
        return figures
