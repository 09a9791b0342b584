"""Growth with the draft's size: `validate` and `export` of a 330,000-line draft against 10,000 lines.

Both run the command as a user does, each in a fresh process (the same start-up for both sizes; in one
long-lived process the large run is measured cold and the small one warm, and the machine's noise
decides). The target is linear growth: 33 times the lines may take at most 40 times as long. In the
test suite's smoke run (scale < 0.5) the drafts are 100 and 400 lines (4 times: cheap, and still a ratio
of the same kind).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from desktop.domain.exchange import dumps
from tests.benchmarks.drafts import big_draft
from tests.benchmarks.harness import Figure, best_of


def _command(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "desktop", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"grant-assistant {' '.join(args)} exited {done.returncode}: {done.stderr[-500:]!r}")


def run(scale: float = 1.0) -> list[Figure]:
    small_n = max(100, int(10_000 * scale))
    factor = 33 if scale >= 0.5 else 4
    big_n = small_n * factor
    target = f"ratio <= {40 if factor == 33 else 5}"
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = {}
        for n in (small_n, big_n):
            paths[n] = folder / f"draft-{n}.json"
            paths[n].write_text(dumps(big_draft(n)), encoding="utf-8")
        out = str(folder / "out.pdf")
        times = {}
        for kind in ("validate", "export"):
            for n in (small_n, big_n):
                args = [kind, str(paths[n]), "--as-of", "2026-06-01"]
                if kind == "validate":
                    args.append("--json")
                else:
                    args += ["-o", out, "--draft"]
                repeat = 3 if n == small_n else 1
                times[kind, n] = best_of(lambda a=args: _command(*a), repeat)  # type: ignore[misc]
            figures.append(Figure(
                f"{kind}_{big_n}_lines", times[kind, big_n], "ms", f"{kind} {small_n} lines", times[kind, small_n],
                target, note=f"{factor}x the lines; {times[kind, big_n] * 1000 / big_n:.0f} us a line against "
                f"{times[kind, small_n] * 1000 / small_n:.0f}",
            ))
    return figures
