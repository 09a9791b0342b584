"""export and package through a real subprocess: exit codes 0 / 1 / 2, nothing left behind on failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from desktop import paths

ROOT = paths.PROJECT_ROOT


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True, text=True, env=full_env,
        timeout=120,
    )


def _blocked(tmp_path: Path) -> Path:
    data = json.loads(paths.demo_draft_path().read_text(encoding="utf-8"))
    data["applicant"]["credit_code"] = "123"
    path = tmp_path / "blocked.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_export_ok_and_reproducible(tmp_path: Path) -> None:
    out1, out2 = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (out1, out2):
        r = _run("export", str(paths.demo_draft_path()), "-o", str(out), "--as-of", "2026-06-01", "--lang", "en")
        assert r.returncode == 0, r.stderr
    assert out1.read_bytes() == out2.read_bytes()
    assert out1.read_bytes().startswith(b"%PDF")


def test_export_blocked_exit_1_and_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    r = _run("export", str(_blocked(tmp_path)), "-o", str(out), "--as-of", "2026-06-01")
    assert r.returncode == 1
    assert "--draft" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists() and not _leftovers(tmp_path)
    r = _run("export", str(_blocked(tmp_path)), "-o", str(out), "--as-of", "2026-06-01", "--draft")
    assert r.returncode == 0, r.stderr
    assert out.exists()


def test_export_unreadable_or_unwritable_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out.pdf"
    r = _run("export", str(bad), "-o", str(out))
    assert r.returncode == 2 and "bad.json" in r.stderr and "Traceback" not in r.stderr
    r = _run("export", str(paths.demo_draft_path()), "-o", str(tmp_path / "no" / "x.pdf"), "--as-of", "2026-06-01")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = _run("export", str(paths.demo_draft_path()), "-o", str(out), "--as-of", "2026-06-01",
             env={"SOURCE_DATE_EPOCH": "later"})
    assert r.returncode == 2 and "SOURCE_DATE_EPOCH" in r.stderr
    assert not out.exists() and not _leftovers(tmp_path)


def test_package_ok_and_missing_attachment(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "licence.txt").write_text("licence", encoding="utf-8")
    data = json.loads(paths.demo_draft_path().read_text(encoding="utf-8"))
    data["attachments"] = [{"kind": "business_licence", "name": "licence.txt"}]
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "p.zip"
    r = _run("package", str(draft), "-o", str(out), "--as-of", "2026-06-01", "--attachments", str(tmp_path / "files"))
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(out) as zf:
        assert "attachments/01-licence.txt" in zf.namelist()
    out.unlink()
    data["attachments"].append({"kind": "invoice", "name": "gone.pdf"})
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = _run("package", str(draft), "-o", str(out), "--as-of", "2026-06-01", "--attachments", str(tmp_path / "files"))
    assert r.returncode == 2 and "gone.pdf" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists() and not _leftovers(tmp_path)
    r = _run("package", str(_blocked(tmp_path)), "-o", str(out), "--as-of", "2026-06-01")
    assert r.returncode == 1 and not out.exists()


def test_export_report_is_the_self_check_apart_from_the_application(tmp_path: Path) -> None:
    from tests.unit.pdf_helpers import page_texts, squash

    app, report = tmp_path / "app.pdf", tmp_path / "report.pdf"
    demo_path = str(paths.demo_draft_path())
    assert _run("export", demo_path, "-o", str(app), "--as-of", "2026-06-01").returncode == 0
    done = _run("export", demo_path, "-o", str(report), "--as-of", "2026-06-01", "--report")
    assert done.returncode == 0, done.stderr
    app_text = squash("".join(page_texts(app.read_bytes())))
    report_text = squash("".join(page_texts(report.read_bytes())))
    assert "自查报告" in report_text and "gd-ai-robotics-2025" in report_text and "依据" in report_text
    assert "自查报告" not in app_text and "gd-ai-robotics-2025" not in app_text
    # a blocked draft: no application, but its report is written (exit 1), never watermarked
    blocked_report = tmp_path / "blocked-report.pdf"
    done = _run("export", str(_blocked(tmp_path)), "-o", str(blocked_report), "--as-of", "2026-06-01", "--report")
    assert done.returncode == 1 and blocked_report.is_file()
    assert "DRAFT" not in squash("".join(page_texts(blocked_report.read_bytes())))
    both = _run("export", demo_path, "-o", str(tmp_path / "x.pdf"), "--report", "--draft")
    assert both.returncode == 2 and "--report" in both.stderr and not (tmp_path / "x.pdf").exists()


def test_package_carries_the_report_beside_the_application(tmp_path: Path) -> None:
    out = tmp_path / "p.zip"
    done = _run("package", str(paths.demo_draft_path()), "-o", str(out), "--as-of", "2026-06-01")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert "self-check-report.pdf" in names and "application.pdf" in names
    roles = {f["name"]: f["role"] for f in manifest["files"]}
    assert roles["self-check-report.pdf"] == "self_check_report"
