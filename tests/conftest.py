"""Test setup shared by every suite: offscreen Qt, a private data folder, the packaged seeds."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# hypothesis keeps caches (its Unicode tables) in a folder: not in the work tree
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(os.environ.get("TMPDIR", "/tmp"), "grant-assistant-hypothesis")
)

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from desktop import paths  # noqa: E402

# No example database in the work tree (the top level holds only what the project ships).
settings.register_profile("project", database=None)
settings.load_profile("project")

AS_OF = date(2026, 6, 1)

# the throwaway PostgreSQL server: fixtures backend, backend_db, pg_url; loud skips without one
pytest_plugins = ["tests.pg_support"]


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(home))
    monkeypatch.delenv("GRANT_ASSISTANT_DB", raising=False)


@pytest.fixture
def demo_path() -> Path:
    return paths.demo_draft_path()
