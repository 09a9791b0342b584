"""Each benchmark still runs (on tiny inputs); no time is asserted here."""

from __future__ import annotations

import importlib
import math
import pkgutil

import pytest

import tests.benchmarks as pkg

MODULES = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name.startswith("bench_"))


@pytest.mark.parametrize("name", MODULES)
def test_benchmark_runs_small(name: str) -> None:
    module = importlib.import_module(f"tests.benchmarks.{name}")
    figures = module.run(0.01)
    assert figures
    for f in figures:
        assert math.isfinite(f.value)
        assert f.line().startswith(f.name)
