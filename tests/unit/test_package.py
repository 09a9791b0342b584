"""The submission package: contents, manifest, appendix with bookmarks, reproducibility, refusals."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.model import Attachment, Draft
from desktop.pdf import AttachmentError, build_package, render_application
from desktop.services.exporting import creation_time, resolve_attachments
from tests.unit.pdf_helpers import CREATED, checked, demo


def _pdf_bytes(pages: int) -> bytes:
    buf = io.BytesIO()
    canv = Canvas(buf, invariant=1)
    for _ in range(pages):
        canv.showPage()
    canv.save()
    return buf.getvalue()


def _png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (300, 120), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def _with_files(folder: Path) -> Draft:
    files = {"invoice-001.pdf": _pdf_bytes(2), "licence.png": _png_bytes(), "notes.txt": b"plain text\n"}
    draft = demo()
    for name, data in files.items():
        (folder / name).write_bytes(data)
        draft.attachments.append(
            Attachment(kind="other", name=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        )
    return draft


def _build(draft: Draft, folder: Path, **kw: object) -> bytes:
    files = resolve_attachments(draft, search_dir=folder)
    return build_package(draft, checked(draft), files, created=CREATED, **kw)  # type: ignore[arg-type]


def test_package_holds_everything_with_a_true_manifest(tmp_path: Path) -> None:
    draft = _with_files(tmp_path)
    data = _build(draft, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        assert names[:3] == ["application.pdf", "self-check-report.pdf", "draft.json"]
        assert "attachments/03-notes.txt" in names
        listed = {f["name"]: f for f in manifest["files"]}
        assert set(listed) == set(names) - {"manifest.json"}
        for name, entry in listed.items():
            body = zf.read(name)
            assert entry["size"] == len(body)
            assert entry["sha256"] == hashlib.sha256(body).hexdigest()
        assert all(info.date_time == (2026, 6, 1, 0, 0, 0) for info in zf.infolist())
        pdf = PdfReader(io.BytesIO(zf.read("application.pdf")))
    titles = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert titles[-1] == "附件"
    children = next(item for item in pdf.outline if isinstance(item, list))
    assert [c.title for c in children if not isinstance(c, list)] == [
        "附件1 其他（invoice-001.pdf）", "附件2 其他（licence.png）",
    ]
    assert manifest["draft_sha256"] and manifest["status"] == "ready"


def test_package_is_reproducible(tmp_path: Path) -> None:
    draft = _with_files(tmp_path)
    assert _build(draft, tmp_path) == _build(draft, tmp_path)


def test_missing_attachment_names_it(tmp_path: Path) -> None:
    draft = demo()
    draft.attachments.append(Attachment(name="absent.pdf"))
    with pytest.raises(AttachmentError, match="absent.pdf"):
        resolve_attachments(draft, search_dir=tmp_path)


def test_sha256_mismatch_names_it(tmp_path: Path) -> None:
    (tmp_path / "invoice.pdf").write_bytes(b"%PDF-1.4 changed")
    draft = demo()
    draft.attachments.append(Attachment(name="invoice.pdf", sha256="0" * 64))
    with pytest.raises(AttachmentError, match="invoice.pdf.*SHA-256"):
        resolve_attachments(draft, search_dir=tmp_path)


def test_attachment_found_by_path_relative_to_the_draft(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(b"x")
    draft = demo()
    draft.attachments.append(Attachment(name="whatever", path="sub/a.txt"))
    [found] = resolve_attachments(draft, base_dir=tmp_path)
    assert found.data == b"x"


def test_damaged_pdf_attachment_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    draft = demo()
    draft.attachments.append(Attachment(name="broken.pdf"))
    with pytest.raises(AttachmentError, match="broken.pdf"):
        _build(draft, tmp_path)


def test_creation_time() -> None:
    day = CREATED.date()
    assert creation_time(day, {}) == CREATED
    assert creation_time(day, {"SOURCE_DATE_EPOCH": "0"}).year == 1970
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        creation_time(day, {"SOURCE_DATE_EPOCH": "soon"})


def test_appendix_bookmarks_lead_to_their_pages_and_images_fit_the_page(tmp_path: Path) -> None:
    draft = _with_files(tmp_path)
    big = io.BytesIO()
    Image.new("RGB", (4000, 3000), (30, 30, 200)).save(big, format="PNG")
    (tmp_path / "photo.png").write_bytes(big.getvalue())
    draft.attachments.append(Attachment(kind="other", name="photo.png", sha256=hashlib.sha256(big.getvalue())
                                        .hexdigest(), size=len(big.getvalue())))
    with zipfile.ZipFile(io.BytesIO(_build(draft, tmp_path))) as zf:
        pdf = PdfReader(io.BytesIO(zf.read("application.pdf")))
    body = len(PdfReader(io.BytesIO(render_application(draft, checked(draft), created=CREATED))).pages)
    top = [item for item in pdf.outline if not isinstance(item, list)]
    children = [c for c in next(item for item in pdf.outline if isinstance(item, list)) if not isinstance(c, list)]
    assert pdf.get_destination_page_number(top[-1]) == body  # the appendix heading opens its first page
    assert [pdf.get_destination_page_number(c) for c in children] == [body, body + 2, body + 3]
    assert len(pdf.pages) == body + 4
    for index in (body + 2, body + 3):  # each image on a page of its own, inside the margins
        page = pdf.pages[index]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        content = page.get_contents()
        assert content is not None
        w, _, _, h, x, y = _cm(content.get_data())
        assert x >= 39 and y >= 39 and x + w <= width - 39 and y + h <= height - 39
    assert float(pdf.pages[body + 3].mediabox.width) > float(pdf.pages[body + 3].mediabox.height)  # landscape


def _cm(stream: bytes) -> tuple[float, float, float, float, float, float]:
    """The last transformation before the image is drawn: (w, 0, 0, h, x, y)."""
    found = re.findall(rb"([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm\s*/\S+ Do", stream)
    assert found, stream[:400]
    w, h, x, y = (float(v) for v in found[-1])
    return w, 0.0, 0.0, h, x, y
