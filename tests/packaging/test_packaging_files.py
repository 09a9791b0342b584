"""The packaging files, checked without building: the frozen resource lookup (desktop/paths.py), what
the spec bundles, the CI workflow's jobs, the Windows installer script, `make dist`, the extras.

The workflow and the installer have not run (they need Windows and macOS runners and Inno Setup): these
tests hold them to the spec, the command line and the layout they rely on.
"""

from __future__ import annotations

import importlib
import re
import sys
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop import paths
from desktop.cli import build_parser
from desktop.storage import schema
from tests.packaging import frozen

ROOT = frozen.ROOT
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
ISS = frozen.PACKAGING / "grant-assistant.iss"
SPEC_PATH = "resources/packaging/grant-assistant.spec"


@pytest.fixture
def reload_paths(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """desktop.paths read again under the attributes the test sets on sys; read back as it was at the end."""
    yield lambda: importlib.reload(paths)
    monkeypatch.undo()
    importlib.reload(paths)
    assert paths.PROJECT_ROOT == ROOT


def test_frozen_program_reads_what_it_ships_from_the_bundle(monkeypatch, reload_paths, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("GRANT_ASSISTANT_SEEDS", raising=False)
    p = reload_paths()
    assert p.FROZEN
    assert tmp_path == p.PROJECT_ROOT
    assert p.demo_draft_path() == tmp_path / "seeds" / "demo-draft.json"
    assert p.programs_dir() == tmp_path / "seeds" / "programs"
    assert p.cjk_font_path() == tmp_path / "resources" / "fonts" / "wqy-microhei.ttc"
    assert p.translations_dir() == tmp_path / "resources" / "translations"
    assert p.forms_dir() == tmp_path / "forms"
    assert p.schema_path(1) == tmp_path / "resources" / "schema" / "grant-draft-1.schema.json"
    assert p.schema_path() == tmp_path / "resources" / "schema" / "grant-draft-2.schema.json"
    monkeypatch.setenv("GRANT_ASSISTANT_SEEDS", str(tmp_path / "mine"))
    assert p.programs_dir() == tmp_path / "mine" / "programs"  # the override still wins


def test_frozen_without_meipass_reads_beside_the_program(monkeypatch, reload_paths, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "grant-assistant"))
    assert tmp_path == reload_paths().PROJECT_ROOT


def test_not_frozen_reads_from_the_checkout() -> None:
    assert not paths.FROZEN and paths.PROJECT_ROOT == ROOT
    assert paths.cjk_font_path().is_file() and paths.demo_draft_path().is_file()


def _bundled() -> dict[str, Path]:
    """bundle path (relative, posix) -> source file, as the spec collects them."""
    files = frozen.bundle_contents().data_files()
    return {(Path(folder) / Path(src).name).as_posix(): Path(src) for src, folder in files}


def test_everything_paths_points_at_is_bundled_at_the_same_place() -> None:
    bundled = _bundled()
    wanted = [paths.demo_draft_path(), paths.cjk_font_path(), paths.schema_path(), paths.forms_dir() / "wizard.yaml",
              paths.translations_dir() / "grant_assistant_zh.qm", *paths.programs_dir().glob("*.yaml"),
              *(paths.resources_dir() / "icons").glob("*.svg"), schema.MIGRATIONS / "env.py",
              schema.MIGRATIONS / "script.py.mako", *(schema.MIGRATIONS / "versions").glob("*.py")]
    for file in wanted:
        rel = file.relative_to(ROOT).as_posix()
        assert bundled.get(rel) == file, f"{rel} is not bundled"
    assert not [k for k in bundled if "screenshots" in k or "__pycache__" in k or k.startswith("tests/")]


def test_licences_of_what_is_bundled() -> None:
    bundled = _bundled()
    dists = frozen.bundle_contents().runtime_distributions()
    names = {re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower() for d in dists}
    assert {"pyside6-essentials", "reportlab", "sqlalchemy", "alembic", "pypdf", "openpyxl"} <= names
    assert not {"pytest", "pyinstaller", "mypy", "grant-assistant"} & names
    for rel in ("licenses/Qt-PySide6/LGPL-3.0.txt", "licenses/Qt-PySide6/GPL-3.0.txt", "licenses/THIRD-PARTY.txt",
                "licenses/WenQuanYi-Micro-Hei/wqy-microhei.LICENSE.txt",
                "licenses/AR-PL-UMing/uming.LICENSE.txt", "licenses/reportlab/LICENSE"):
        assert rel in bundled, rel
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in bundled["licenses/Qt-PySide6/LGPL-3.0.txt"].read_text("utf-8")


def test_spec_builds_both_programs_from_the_shared_list() -> None:
    text = (ROOT / SPEC_PATH).read_text("utf-8")
    compile(text, SPEC_PATH, "exec")
    assert "data_files()" in text and 'collect_submodules("desktop"' in text
    assert 'program(f"{NAME}-gui"' in text and "program(NAME, console=True)" in text
    assert "collect_submodules(\"alembic.ddl\")" in text


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def test_workflow_builds_the_same_spec_and_runs_the_same_smoke_test_on_windows_and_macos() -> None:
    data = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "workflow_dispatch" in triggers
    (job,) = data["jobs"].values()
    assert set(job["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest"}
    assert job["runs-on"] == "${{ matrix.os }}" and job["env"]["QT_QPA_PLATFORM"] == "offscreen"
    steps = _steps(job)
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", s["uses"]) for s in steps if "uses" in s)
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11"
    runs = [" ".join(s.get("run", "").split()) for s in steps]
    assert any(f"-m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller {SPEC_PATH}" in r
               for r in runs)
    smoke = next(r for r in runs if "pytest tests/packaging" in r)
    assert 'GRANT_ASSISTANT_FROZEN="$GITHUB_WORKSPACE/dist/grant-assistant"' in smoke
    installer = next(s for s in steps if "ISCC.exe" in s.get("run", ""))
    assert installer["if"] == "runner.os == 'Windows'"
    assert "resources\\packaging\\grant-assistant.iss" in installer["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert "-windows-setup.exe" in upload["with"]["path"] and upload["with"]["if-no-files-found"] == "error"


def test_workflow_passes_yamllint() -> None:
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    config = YamlLintConfig("{extends: default, rules: {line-length: {max: 120}, document-start: disable, "
                            "truthy: {check-keys: false}}}")
    problems = list(linter.run(WORKFLOW.read_text("utf-8"), config, str(WORKFLOW)))
    assert not problems, [f"{p.line}:{p.column} {p.message}" for p in problems]


def _iss() -> tuple[str, dict[str, str]]:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 (the Chinese names) only with a BOM"
    text = raw.decode("utf-8-sig")
    setup = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return text, dict(line.split("=", 1) for line in setup.splitlines() if "=" in line)


def test_installer_is_per_user_and_installs_the_build_folder() -> None:
    text, setup = _iss()
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', text))
    assert setup["PrivilegesRequired"] == "lowest" and "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"] == "{autopf}\\{#AppName}"  # %LOCALAPPDATA%\Programs without admin rights
    uuid.UUID(setup["AppId"].strip("{}"))
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert defines["AppVersion"] == version
    assert setup["SourceDir"] == "..\\.." and (ISS.parent / "../..").resolve() == ROOT
    assert (ROOT / setup["SetupIconFile"].replace("\\", "/")).is_file()
    assert f'Source: "dist\\{frozen.NAME}\\*"; DestDir: "{{app}}"' in text
    assert defines["AppExe"] == frozen.program(Path("."), gui=True).name.removesuffix(".exe") + ".exe"
    assert re.search(r'^Name: "\{autoprograms\}\\[^"]*"; Filename: "\{app\}\\\{#AppExe\}"', text, re.M)


def test_installer_adds_open_with_for_drafts_without_taking_json() -> None:
    text, setup = _iss()
    assert setup["ChangesAssociations"] == "yes"
    registry = [line for line in text.splitlines() if line.startswith("Root:")]
    assert all(line.startswith("Root: HKA;") for line in registry)  # the user's own hive when not admin
    command = next(line for line in registry if "shell\\open\\command" in line)
    assert 'ValueData: """{app}\\{#AppExe}"" --open ""%1"""' in command
    assert any('Subkey: "Software\\Classes\\.json\\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"' in line
               for line in registry)
    assert not any('Subkey: "Software\\Classes\\.json";' in line for line in registry)  # .json's default is kept
    assert not any(".zip" in line for line in registry)
    args = build_parser().parse_args(["--open", "C:\\Users\\财务\\草稿.json"])  # what the association runs
    assert args.open == Path("C:\\Users\\财务\\草稿.json") and args.command is None


def test_make_dist_gitignore_and_extras() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = makefile.split("\ndist:", 1)[1].split("\n\n", 1)[0]
    assert SPEC_PATH in recipe and "--distpath dist" in recipe and "--workpath build/pyinstaller" in recipe
    ignored = (ROOT / ".gitignore").read_text("utf-8").split()
    assert "build/" in ignored and "dist/" in ignored
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    assert any(r.startswith("pyinstaller>=") for r in extras["freeze"])
    assert any(r.startswith("pyinstaller-hooks-contrib") for r in extras["freeze"])
    assert "grant-assistant[freeze]" in extras["test"]  # .ci/bootstrap installs .[test]: the build is possible
