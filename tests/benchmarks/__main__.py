"""python -m tests.benchmarks [NAME ...] [--scale S]: run the benchmarks, one line per figure."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pkgutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    import tests.benchmarks as pkg

    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("names", nargs="*", help="benchmark modules to run (default: all), e.g. checker")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink inputs (0.01 for a smoke run)")
    args = parser.parse_args()
    modules = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name.startswith("bench_"))
    if args.names:
        modules = [m for m in modules if m.removeprefix("bench_") in args.names or m in args.names]
    for name in modules:
        module = importlib.import_module(f"tests.benchmarks.{name}")
        for figure in module.run(args.scale):
            print(figure.line(), flush=True)
        gc.collect()  # what one benchmark left behind is not walked by the next one's collections
    return 0


if __name__ == "__main__":
    sys.exit(main())
