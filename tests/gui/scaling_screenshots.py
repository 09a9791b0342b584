"""The windows at Windows' display scaling of 125 % and 150 % on a 1920×1080 screen (the usual laptop
settings): `.venv/bin/python -m tests.gui.scaling_screenshots OUTDIR` runs tests/gui/scaling_child.py once
per factor (Qt reads the factor when it starts) and writes `scaled-125-stepN-zh.png`,
`scaled-150-stepN-zh.png` and the drafts window, in 64 colours to keep them small. The README's folder of
screenshots (resources/screenshots) holds these."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

FACTORS = ("1.25", "1.5")
SCREEN = (1920, 1080)


def run_child(factor: str, work: Path, shots: Path | None = None) -> tuple[subprocess.CompletedProcess[str], Any]:
    """The child's report at `factor` on an offscreen screen of SCREEN (and its screenshots in `shots`)."""
    work.mkdir(parents=True, exist_ok=True)
    config = work / "screens.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "screen", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1], "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": factor,
           "GRANT_ASSISTANT_HOME": str(work / "home"), "XDG_CONFIG_HOME": str(work / "config")}
    args = [sys.executable, "-m", "tests.gui.scaling_child", str(work), *([str(shots)] if shots else [])]
    done = subprocess.run(args, capture_output=True, env=env, text=True, encoding="utf-8", timeout=300,
                          cwd=Path(__file__).resolve().parents[2])
    lines = done.stdout.strip().splitlines()
    return done, (json.loads(lines[-1]) if done.returncode == 0 and lines else None)


def compress(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(png, optimize=True)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for factor in FACTORS:
        done, report = run_child(factor, Path(tempfile.mkdtemp(prefix="grant-scaled-")), out)
        if report is None:
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
    for png in sorted(out.glob("scaled-*-zh.png")):
        compress(png)
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
