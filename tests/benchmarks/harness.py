"""The benchmark harness: every figure is measured against a baseline taken in the same run.

A benchmark module (tests/benchmarks/bench_*.py) defines `run(scale: float) -> list[Figure]`.
`python -m tests.benchmarks [NAME ...] [--scale S]` runs them and prints one line per figure:

    checker_10k: 41.2 ms  baseline json.loads 17.9 ms  ratio 2.30  target <= 3  OK

Nothing here asserts a time: the machines are shared and noisy. `scale` < 1 shrinks the inputs so
the test suite can prove each benchmark still runs (tests/benchmarks/test_benchmarks_run.py).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    target: str = ""  # "ratio <= 3", "value <= 50", "info"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        assert self.baseline is not None
        return self.value / self.baseline

    def met(self) -> bool | None:
        if not self.target or self.target == "info":
            return None
        what, op, limit_text = self.target.split()
        limit = float(limit_text)
        measured = self.ratio if what == "ratio" else self.value
        if measured is None:
            return None
        return measured <= limit if op == "<=" else measured >= limit

    def line(self) -> str:
        parts = [f"{self.name}: {self.value:.4g} {self.unit}"]
        if self.baseline is not None:
            parts.append(f"baseline {self.baseline_name} {self.baseline:.4g} {self.unit}")
        if self.ratio is not None:
            parts.append(f"ratio {self.ratio:.2f}")
        if self.target:
            parts.append(f"target {self.target}")
        met = self.met()
        if met is not None:
            parts.append("OK" if met else "MISSED")
        if self.note:
            parts.append(f"({self.note})")
        return "  ".join(parts)


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs of fn, in milliseconds (the least disturbed by noise)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def median_of(fn: Callable[[], object], repeat: int = 21) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)
