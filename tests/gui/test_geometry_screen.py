"""The windows on real (offscreen) screens of 1366×768 and 1024×700, each in a process of its own: Qt reads
the screen's size when it starts, so it cannot be changed inside the test process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def _inside(outer: list[int], inner: list[int]) -> bool:
    x, y, w, h = outer
    a, b, c, d = inner
    return x <= a and y <= b and a + c <= x + w and b + d <= y + h


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 700)])
def test_windows_fit_a_screen_of_that_size(tmp_path, width: int, height: int) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "screen", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "GRANT_ASSISTANT_HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "tests.gui.geometry_child", str(tmp_path)], capture_output=True,
                          env=env, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    available = report["available"]
    assert available[2:] == [width, height]  # the child did run on a screen of that size
    assert _inside(available, report["drafts"])
    for step in report["steps"]:
        for part in ("frame", "back", "next", "status"):
            assert _inside(available, step[part]), (step["step"], part, step[part], available)
