"""The frozen program, built once per test session (or the build GRANT_ASSISTANT_FROZEN names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging import frozen


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = frozen.given_build()
    if given is not None:
        assert frozen.program(given).is_file(), f"GRANT_ASSISTANT_FROZEN names no build: {given}"
        return given
    folder, _seconds = frozen.build(tmp_path_factory.mktemp("freeze"))
    return folder
