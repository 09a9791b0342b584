"""A grant-draft/2 draft lacking required documents: `export` refuses naming them (exit 1, nothing
written); with --draft it prints the watermarked copy; `validate` reports them as errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop import paths


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=paths.PROJECT_ROOT, capture_output=True, text=True,
        env=env, timeout=120,
    )


def _v2_demo(tmp_path: Path, kinds: list[str]) -> Path:
    data = json.loads(paths.demo_draft_path().read_text(encoding="utf-8"))
    data["format"] = "grant-draft/2"
    data["attachments"] = [{"kind": k, "name": f"{k}.pdf"} for k in kinds]
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_refuses_naming_the_missing_documents_and_draft_copy_prints(tmp_path: Path) -> None:
    path = _v2_demo(tmp_path, ["business_licence", "center_approval", "audit_report", "power_of_attorney"])
    out = tmp_path / "a.pdf"
    refused = _run("export", str(path), "-o", str(out), "--as-of", "2026-06-01", "--lang", "en")
    assert refused.returncode == 1 and not out.exists()
    assert "documents are missing" in refused.stderr and "credit report" in refused.stderr
    assert "business licence" not in refused.stderr
    copy = _run("export", str(path), "-o", str(out), "--as-of", "2026-06-01", "--draft")
    assert copy.returncode == 0 and out.read_bytes().startswith(b"%PDF")


def test_validate_lists_the_missing_documents_as_errors(tmp_path: Path) -> None:
    path = _v2_demo(tmp_path, [])
    done = _run("validate", str(path), "--as-of", "2026-06-01", "--json")
    assert done.returncode == 1
    found = json.loads(done.stdout)["findings"]
    missing = [f for f in found if f["rule"] == "required_document_missing"]
    assert len(missing) == 5 and {f["severity"] for f in missing} == {"error"}
    assert {f["path"] for f in missing} == {"attachments"} and missing[0]["basis"] == "practice"


def test_the_demo_v1_file_validates_as_before() -> None:
    done = _run("validate", str(paths.demo_draft_path()), "--as-of", "2026-06-01", "--json")
    assert not [f for f in json.loads(done.stdout)["findings"] if f["rule"].startswith(("evidence_", "required_doc"))]


def _with_files(tmp_path: Path, kinds: list[str]) -> Path:
    for kind in kinds:
        (tmp_path / f"{kind}.pdf").write_bytes(b"%PDF-1.4 scan of " + kind.encode())
    return _v2_demo(tmp_path, kinds)


def _package(path: Path, out: Path, *lang: str) -> subprocess.CompletedProcess[str]:
    return _run("package", str(path), "-o", str(out), "--as-of", "2026-06-01", *lang, "--no-appendix",
                "--attachments", str(path.parent))


def test_package_refuses_a_final_package_naming_the_missing_documents(tmp_path: Path) -> None:
    path = _with_files(tmp_path, ["business_licence", "audit_report", "credit_report"])
    out = tmp_path / "p.zip"
    refused = _package(path, out, "--lang", "en")
    assert refused.returncode == 1 and not out.exists()
    assert "documents are missing" in refused.stderr
    assert "centre's approval document" in refused.stderr and "power of attorney" in refused.stderr
    assert "credit report" not in refused.stderr.split("missing")[-1]
    zh = _package(path, out)
    assert zh.returncode == 1 and "创新中心认定/批复文件" in zh.stderr and not out.exists()


def test_package_with_every_document_is_not_refused_for_documents(tmp_path: Path) -> None:
    path = _with_files(tmp_path, ["business_licence", "center_approval", "audit_report", "credit_report",
                                  "legal_rep_certificate"])
    out = tmp_path / "p.zip"
    done = _package(path, out, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "documents are missing" not in done.stderr and out.is_file()
