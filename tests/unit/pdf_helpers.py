"""Shared helpers for the PDF tests: the demo draft, rendering, reading the PDF back."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from desktop import paths
from desktop.domain.model import Draft
from desktop.pdf import render_application
from desktop.rules.assessment import Assessment
from desktop.services.checking import assess, read_draft_file
from tests.conftest import AS_OF
from tests.unit.builders import cycled_lines

CREATED = datetime(2026, 6, 1, tzinfo=UTC)


def demo() -> Draft:
    return read_draft_file(paths.demo_draft_path())


def checked(draft: Draft) -> Assessment:
    return assess(draft, AS_OF)


def render(draft: Draft, **kw: object) -> bytes:
    kw.setdefault("created", CREATED)
    return render_application(draft, checked(draft), **kw)  # type: ignore[arg-type]


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page index) of each top-level outline entry."""
    out = []
    for item in reader.outline:
        if isinstance(item, list):
            continue
        page = reader.get_destination_page_number(item)
        out.append((str(item.title), -1 if page is None else page))
    return out


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text without whitespace or zero-width spaces (pypdf splits lines where the PDF wraps them)."""
    return "".join(text.split()).replace("\u200b", "")


def pdffonts_rows(pdf: bytes, tmp: Path) -> list[str] | None:
    exe = shutil.which("pdffonts")
    if exe is None:
        return None
    path = tmp / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


def many_lines(n: int) -> Draft:
    draft = demo()
    draft.equipment = cycled_lines(draft.equipment[:13], n, deep=True)
    return draft
