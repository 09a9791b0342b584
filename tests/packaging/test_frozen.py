"""The frozen program (PyInstaller, one folder) on a first start: an empty data folder, offscreen.

Built once per session from resources/packaging/grant-assistant.spec (a minute or two; see conftest.py).
On a team database too, when the throwaway PostgreSQL server of .ci/run is there (GRANT_ASSISTANT_TEST_PG).
Each command runs from the frozen folder, never from this checkout: what it reads must be in the bundle.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.packaging import frozen
from tests.unit.ledgers import write_text

pytestmark = pytest.mark.slow
AS_OF = "2026-06-01"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def _cli(app: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return frozen.run(app, *args, env=frozen.clean_env(home, **env), cwd=home.parent)


def _fonts(pdf: Path) -> dict[str, bool]:
    """Each font of the PDF and whether it is embedded: pdffonts (poppler-utils; .ci/bootstrap installs
    it), or where it is not at hand outside Linux (the Windows runner) the font descriptors read by pypdf."""
    if shutil.which("pdffonts") or sys.platform.startswith("linux"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True, timeout=60)
        rows = [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
        return {row[0]: row[-5] == "yes" for row in rows}  # columns from the end: ID, object, uni, sub, emb
    from pypdf import PdfReader

    found: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_demo_validate_export_and_package(frozen_app: Path, home: Path, tmp_path: Path) -> None:
    draft, pdf, package = tmp_path / "demo.json", tmp_path / "申报书.pdf", tmp_path / "package.zip"
    out = _cli(frozen_app, home, "demo", "-o", str(draft))
    assert out.returncode == 0, frozen.describe(out)
    assert json.loads(draft.read_text("utf-8"))["format"] == "grant-draft/1"

    out = _cli(frozen_app, home, "validate", str(draft), "--as-of", AS_OF, "--json")
    assert out.returncode == 0, frozen.describe(out)
    report = json.loads(out.stdout)
    assert report["status"] == "ready" and report["program"] == "gd-ai-robotics-2025"
    assert report["totals"]["max_subsidy"] == "4548149.44"

    out = _cli(frozen_app, home, "validate", str(draft), "--as-of", AS_OF, "--lang", "zh")
    assert out.returncode == 0 and "4,548,149.44" in out.stdout, frozen.describe(out)

    out = _cli(frozen_app, home, "export", str(draft), "-o", str(pdf), "--as-of", AS_OF, "--lang", "bilingual")
    assert out.returncode == 0, frozen.describe(out)
    assert pdf.read_bytes().startswith(b"%PDF")
    fonts = _fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    assert any("WenQuanYi" in name for name in fonts), fonts

    out = _cli(frozen_app, home, "package", str(draft), "-o", str(package), "--as-of", AS_OF)
    assert out.returncode == 0, frozen.describe(out)
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
    assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".json") and n != "manifest.json" for n in names)
    assert manifest


def test_refusals_keep_their_exit_codes_and_say_why(frozen_app: Path, home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "grant-draft/1", "program": "gd-ai-robotics-2025",
                                  "equipment": [{"quantity": "abc"}]}), encoding="utf-8")
    out = _cli(frozen_app, home, "validate", str(broken))
    assert out.returncode == 2, frozen.describe(out)
    assert "equipment[0].quantity" in out.stderr and "Traceback" not in out.stderr

    blocked = tmp_path / "blocked.json"
    data = json.loads((frozen.ROOT / "seeds" / "demo-draft.json").read_text("utf-8"))
    data["applicant"]["credit_code"] = "123"
    blocked.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = _cli(frozen_app, home, "validate", str(blocked), "--as-of", AS_OF)
    assert out.returncode == 1, frozen.describe(out)


def test_import_lines_from_workbook_and_csv(frozen_app: Path, home: Path, tmp_path: Path) -> None:
    draft, book, back = tmp_path / "demo.json", tmp_path / "lines.xlsx", tmp_path / "again.json"
    assert _cli(frozen_app, home, "demo", "-o", str(draft)).returncode == 0
    out = _cli(frozen_app, home, "export-lines", str(draft), "-o", str(book), "--lang", "zh")
    assert out.returncode == 0, frozen.describe(out)
    empty = tmp_path / "empty.json"
    data = json.loads(draft.read_text("utf-8"))
    lines = data.pop("equipment")
    empty.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = _cli(frozen_app, home, "import-lines", str(empty), str(book), "-o", str(back))
    assert out.returncode == 0, frozen.describe(out)
    assert json.loads(back.read_text("utf-8"))["equipment"] == lines

    csv = write_text(tmp_path / "台账.csv", [
        ["设备名称", "数量", "不含税单价", "购置日期", "发票号码"],
        ["激光测振仪", "1", "￥1234567.50", "2025年10月15日", "25442000000012345679"],
        ["示波器", "两台", "80000", "2025-11-02", "25442000000012345680"],
    ])
    out = _cli(frozen_app, home, "import-lines", str(empty), str(csv), "-o", str(back), "--lang", "en")
    assert out.returncode == 1, frozen.describe(out)  # one bad row: reported, the good one written
    assert 'row 3, column B (数量): found "两台"' in out.stdout + out.stderr, frozen.describe(out)
    assert [line["name"] for line in json.loads(back.read_text("utf-8"))["equipment"]] == ["激光测振仪"]


def test_database_created_and_upgraded_on_first_start(frozen_app: Path, home: Path, tmp_path: Path) -> None:
    out = _cli(frozen_app, home, "drafts", "list", "--json")
    assert out.returncode == 0, frozen.describe(out)
    assert json.loads(out.stdout) == []
    assert (home / "data" / "drafts.sqlite3").is_file()
    draft = tmp_path / "demo.json"
    assert _cli(frozen_app, home, "demo", "-o", str(draft)).returncode == 0
    assert _cli(frozen_app, home, "drafts", "import", str(draft)).returncode == 0
    out = _cli(frozen_app, home, "drafts", "list", "--json")
    assert [row["status"] for row in json.loads(out.stdout)] == ["ready"], frozen.describe(out)


@pytest.mark.parametrize("gui", [False, True], ids=["console", "gui"])
def test_desktop_program_opens_the_demo_and_quits(frozen_app: Path, home: Path, gui: bool) -> None:
    env = frozen.clean_env(home, LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8")
    out = frozen.run(frozen_app, "--smoke-test", env=env, cwd=home.parent, gui=gui)
    assert out.returncode == 0, frozen.describe(out)
    if not gui or sys.platform.startswith("linux"):  # windowed on Windows and macOS: no stdout there
        assert "（演示）" in out.stdout, frozen.describe(out)  # the demo draft's title
        assert "Qt translations found: yes" in out.stdout, frozen.describe(out)
        if sys.platform.startswith("linux"):  # LANG chooses the language here: our translations were loaded
            assert "— 研发设备补助申报助手" in out.stdout, frozen.describe(out)
    assert "Traceback" not in out.stderr
    listed = _cli(frozen_app, home, "drafts", "list", "--json")
    assert len(json.loads(listed.stdout)) == 1, frozen.describe(listed)  # the demo draft, stored
    assert not (home / "data" / "logs" / "errors.log").exists()


def test_bundle_holds_plugins_translations_and_licences(frozen_app: Path) -> None:
    files = {p.relative_to(frozen_app).as_posix() for p in frozen_app.rglob("*") if p.is_file()}

    def has(*parts: str) -> bool:
        return any(all(part in f for part in parts) for f in files)

    assert has("imageformats/", "svg") and has("imageformats/", "jpeg")  # SVG icons, images in packages
    assert has("iconengines/", "svg")
    assert has("Qt6Pdf") and has("Qt6PdfWidgets") and has("Qt6PrintSupport")  # export preview, printing
    assert has("platforms/", "offscreen") and has("translations/qtbase_zh_CN.qm")
    assert has("resources/fonts/wqy-microhei.ttc") and has("resources/translations/grant_assistant_zh.qm")
    assert has("seeds/programs/gd-ai-robotics-2025.yaml") and has("seeds/demo-draft.json") and has("forms/wizard.yaml")
    assert has("desktop/storage/migrations/env.py") and has("desktop/storage/migrations/versions/r0001")
    for licence in ("licenses/Python/LICENSE.txt", "licenses/Qt-PySide6/LGPL-3.0.txt",
                    "licenses/Qt-PySide6/GPL-3.0.txt",
                    "licenses/WenQuanYi-Micro-Hei/wqy-microhei.LICENSE.txt",
                "licenses/AR-PL-UMing/uming.LICENSE.txt", "licenses/THIRD-PARTY.txt"):
        assert has(licence), licence
    assert has("licenses/reportlab/", "LICENSE") and has("licenses/SQLAlchemy/", "LICENSE")
    assert not has("resources/screenshots") and not has("tests/")


def _frozen_modules(app: Path) -> set[str]:
    """The Python modules in the frozen program's archive (PYZ inside the console program)."""
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    package = CArchiveReader(str(frozen.program(app)))
    name = next(n for n in package.toc if n.endswith(".pyz"))
    return set(package.open_embedded_archive(name).toc)


def test_bundle_holds_the_team_database_driver_and_keyring_backends(frozen_app: Path) -> None:
    files = {p.relative_to(frozen_app).as_posix() for p in frozen_app.rglob("*") if p.is_file()}
    modules = _frozen_modules(frozen_app)
    assert {"psycopg", "psycopg.pq.pq_ctypes", "sqlalchemy.dialects.postgresql.psycopg"} <= modules
    if sys.platform.startswith("linux"):  # psycopg[binary]: its C wrapper and its own libpq, no system one
        assert any("psycopg_binary/pq." in f for f in files), sorted(f for f in files if "psycopg" in f)
        assert any("libpq" in f for f in files)
    assert {"keyring.backends.fail", "keyring.backends.chainer", "keyring.backends.SecretService",
            "keyring.backends.Windows", "keyring.backends.macOS"} <= modules
    assert any("/keyring-" in f and f.endswith("entry_points.txt") for f in files)  # how it finds them


def test_the_frozen_command_line_on_a_team_database(frozen_app: Path, home: Path, tmp_path: Path) -> None:
    """`drafts list --db postgresql+psycopg://…` through the frozen program, on the throwaway server."""
    from tests import pg_support

    url = pg_support.fresh_url(migrated=False)  # the frozen program migrates it itself
    try:
        draft = tmp_path / "demo.json"
        assert _cli(frozen_app, home, "demo", "-o", str(draft)).returncode == 0
        binary = {"PSYCOPG_IMPL": "binary"}  # the bundled wrapper and libpq, whatever the system has
        out = _cli(frozen_app, home, "--db", url, "drafts", "import", str(draft), **binary)
        assert out.returncode == 0 and out.stdout.strip() == "1", frozen.describe(out)
        out = _cli(frozen_app, home, "--db", url, "drafts", "list", "--json", **binary)
        assert out.returncode == 0, frozen.describe(out)
        assert [row["id"] for row in json.loads(out.stdout)] == [1]
        assert "backups of a server database are the server's" in out.stderr, frozen.describe(out)
        assert not (home / "data" / "drafts.sqlite3").exists()  # nothing went to a local database
    finally:
        pg_support.drop(url)
