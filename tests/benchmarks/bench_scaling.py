"""Growth with the draft's size: `validate` and `export` of a 330,000-line draft against 10,000 lines.

Both run the command itself (in this process, output to a scratch folder). The target is linear growth:
33 times the lines may take at most 40 times as long. In the test suite's smoke run (scale < 0.5) the
drafts are 100 and 400 lines (4 times: cheap, and still a ratio of the same kind).
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from desktop.cli import main
from desktop.domain.exchange import dumps
from tests.benchmarks.drafts import big_draft
from tests.benchmarks.harness import Figure, best_of


def _command(*args: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    if code not in (0, 1):
        raise RuntimeError(f"grant-assistant {' '.join(args)} exited {code}")


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
                target, note=f"{factor}x the lines; linear growth",
            ))
    return figures
