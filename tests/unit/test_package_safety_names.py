"""Names inside the submission package: no control or direction characters, valid on Windows, at most
255 bytes in UTF-8 (number included) with the extension kept, so `unzip` and Python extract them
anywhere."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import unicodedata
import warnings
import zipfile
from pathlib import Path

import pytest

from desktop.domain.model import Attachment
from desktop.pdf import AttachmentFile, build_package
from desktop.pdf.names import INVISIBLE, safe_file_name
from desktop.pdf.package import archive_name
from desktop.services.exporting import resolve_attachments
from tests.unit.pdf_helpers import CREATED, checked, demo

CHINESE_160 = "广东省制造业创新中心研发设备购置发票及验收报告" * 7  # 161 characters, 483 bytes
HOSTILE_NAMES = [
    CHINESE_160[:160] + ".pdf",
    "x" * 300 + ".pdf",
    "invoice\u202efdp.exe",
    "in\u200bvo\u200fice\u2066\u2069\ufeff.pdf",
    "a\x00b\x1fc\x7fd\x85e\u2028.png",
    'a<b>c:d"e/f\\g|h?i*j.txt',
    "trailing dots... .",
    "CON",
    "con.txt",
    "Lpt1.tar.gz",
    "aux .pdf",
    "COM9",
    "…" * 90,  # no extension, 270 bytes
    "report." + "x" * 60,  # a long "extension" is part of the name
    "e\u0301" * 130 + ".pdf",  # combining marks must not be cut from their letter
]
_WINDOWS_BAD = set('<>:"/\\|?*')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def _check_component(name: str, original: str) -> None:
    assert 0 < len(name.encode("utf-8")) <= 255, name
    assert not INVISIBLE.search(name)
    assert not _WINDOWS_BAD & set(name)
    assert not name.endswith((".", " "))
    assert name.split(".", 1)[0].rstrip(" ").lower() not in _RESERVED
    ext = original.rsplit(".", 1)[-1] if "." in original else ""
    if ext and len(ext) <= 10 and ext.isascii() and ext.isalnum():
        assert name.endswith("." + ext), (name, original)


@pytest.mark.parametrize("raw", HOSTILE_NAMES)
@pytest.mark.parametrize("prefix", ["", "01-", "123-"])
def test_safe_file_name(raw: str, prefix: str) -> None:
    name = safe_file_name(raw, prefix=prefix)
    assert name.startswith(prefix)
    _check_component(name, raw)
    assert not unicodedata.combining(name[len(prefix)]) if len(name) > len(prefix) else True


def test_the_reported_chinese_name_keeps_pdf_and_fits() -> None:
    item = AttachmentFile(0, Attachment(name=CHINESE_160[:160] + ".pdf"), b"")
    name = archive_name(item)
    last = name.split("/")[-1]
    assert name.startswith("attachments/01-广东省") and last.endswith(".pdf")
    assert 250 <= len(last.encode()) <= 255  # shortened only as much as needed


def test_short_names_are_kept_as_they_were() -> None:
    for raw in ("invoice-001.pdf", "营业执照.png", "notes.txt", ".hidden", "a.b.c.pdf"):
        assert safe_file_name(raw, prefix="01-") == "01-" + raw


def test_reserved_names_get_an_underscore() -> None:
    assert safe_file_name("CON") == "_CON"
    assert safe_file_name("nul.tar.gz") == "_nul.tar.gz"
    assert safe_file_name("Com1.pdf") == "_Com1.pdf"
    assert safe_file_name("console.pdf") == "console.pdf"
    assert safe_file_name("...") == "file" and safe_file_name("") == "file"


def _hostile_package(folder: Path) -> bytes:
    draft = demo()
    for i, raw in enumerate(HOSTILE_NAMES):
        data = f"file {i}".encode()
        stored = f"f{i}.bin"
        (folder / stored).write_bytes(data)
        draft.attachments.append(Attachment(kind="other", name=raw, path=stored, size=len(data),
                                            sha256=hashlib.sha256(data).hexdigest()))
    files = resolve_attachments(draft, base_dir=folder)
    return build_package(draft, checked(draft), files, created=CREATED, appendix=False)


def _check_tree(root: Path) -> list[str]:
    found = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    for rel in found:
        for part in Path(rel).parts:
            assert len(part.encode()) <= 255 and not INVISIBLE.search(part), part
    return found


def test_python_extracts_every_name(tmp_path: Path) -> None:
    data = _hostile_package(tmp_path)
    out = tmp_path / "out"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [n for n in zf.namelist() if n.startswith("attachments/")]
        zf.extractall(out)
    assert len(names) == len(HOSTILE_NAMES)
    for name, raw in zip(names, HOSTILE_NAMES, strict=True):
        _check_component(name.split("/", 1)[1], raw)
    extracted = _check_tree(out)
    assert len([n for n in extracted if n.startswith("attachments/")]) == len(HOSTILE_NAMES)


def test_unzip_extracts_every_name(tmp_path: Path) -> None:
    unzip = shutil.which("unzip")
    if unzip is None:
        warnings.warn("unzip is not installed: the package was NOT checked with unzip (apt-get install -y unzip)",
                      stacklevel=1)
        pytest.skip("UNZIP MISSING: the package was not checked with unzip (apt-get install -y unzip)")
    package = tmp_path / "p.zip"
    package.write_bytes(_hostile_package(tmp_path))
    out = tmp_path / "out"
    r = subprocess.run([unzip, "-q", str(package), "-d", str(out)], capture_output=True, timeout=60,
                       env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    extracted = _check_tree(out)
    assert len([n for n in extracted if n.startswith("attachments/")]) == len(HOSTILE_NAMES)
    assert any(n.endswith(".pdf") and "广东省" in n for n in extracted)


def test_appendix_bookmarks_lose_direction_characters(tmp_path: Path) -> None:
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canv = Canvas(buf, invariant=1)
    canv.showPage()
    canv.save()
    (tmp_path / "a.pdf").write_bytes(buf.getvalue())
    draft = demo()
    draft.attachments.append(Attachment(kind="other", name="invoice\u202efdp.exe", path="a.pdf"))
    data = build_package(draft, checked(draft), resolve_attachments(draft, base_dir=tmp_path), created=CREATED)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pdf = PdfReader(io.BytesIO(zf.read("application.pdf")))
    children = next(item for item in pdf.outline if isinstance(item, list))
    assert [c.title for c in children if not isinstance(c, list)] == ["附件1 其他（invoicefdp.exe）"]
