"""The appendix: attachments that are PDFs or images, appended to the application with a bookmark
each. PDFs are merged page by page (pypdf); an image gets a page of its own, scaled to fit."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.pdf.errors import AttachmentError
from desktop.pdf.fonts import register_fonts
from desktop.pdf.names import strip_invisible
from desktop.pdf.styles import LANDSCAPE, MUTED, PORTRAIT
from desktop.pdf.text import clean, fit

_MARGIN = 40.0


@dataclass(frozen=True)
class AppendixItem:
    index: int  # of the attachment in the draft
    label: str  # its name, for messages
    title: str  # the bookmark and the caption
    data: bytes
    kind: str  # "pdf" | "image"


def _refuse(item: AppendixItem, message: str) -> AttachmentError:
    return AttachmentError(item.index, item.label, message)


def _title(item: AppendixItem) -> str:
    """The caption and bookmark: printable, and without direction overrides that would make the
    attachment's name read as another."""
    return clean(strip_invisible(item.title))


def kind_of(data: bytes) -> str | None:
    """"pdf", "image", or None (not appendable), from the file's first bytes."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")):
        return "image"
    return None


def image_page(item: AppendixItem, created_pdf_date: str) -> bytes:
    """One page with the caption on top and the image scaled to the page (never enlarged past 2×)."""
    font = register_fonts()
    try:
        image = ImageReader(io.BytesIO(item.data))
        iw, ih = image.getSize()
    except Exception as exc:  # Pillow raises many kinds for a damaged image
        raise _refuse(item, f"not a readable image ({exc.__class__.__name__})") from None
    size = LANDSCAPE if iw > ih else PORTRAIT
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=size, invariant=1, initialFontName=font, initialFontSize=10)
    canv.setDateFormatter(lambda *_: created_pdf_date)
    width, height = size
    canv.setFont(font, 9)
    canv.setFillColor(MUTED)
    canv.drawString(_MARGIN, height - _MARGIN + 10, fit(_title(item), width - 2 * _MARGIN, 9))
    box_w, box_h = width - 2 * _MARGIN, height - 2 * _MARGIN - 10
    scale = min(box_w / iw, box_h / ih, 2.0)
    w, h = iw * scale, ih * scale
    canv.drawImage(image, (width - w) / 2, _MARGIN + (box_h - h) / 2, w, h, mask="auto")
    canv.showPage()
    canv.save()
    return buf.getvalue()


def _pages(item: AppendixItem, created_pdf_date: str) -> PdfReader:
    data = item.data if item.kind == "pdf" else image_page(item, created_pdf_date)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refuse(item, "the PDF is encrypted; attach an unprotected copy")
        if not reader.pages:
            raise _refuse(item, "the PDF has no pages")
        return reader
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise _refuse(item, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from None


def append_appendix(pdf: bytes, items: list[AppendixItem], heading: str, created: datetime) -> bytes:
    """`pdf` followed by every item, with an outline entry `heading` and one child per item."""
    from desktop.pdf.document import pdf_date

    if not items:
        return pdf
    stamp = pdf_date(created)
    readers = [(item, _pages(item, stamp)) for item in items]
    base = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=base)
    if base.metadata is not None:
        writer.add_metadata(dict(base.metadata.items()))
    # Pages first: an outline entry made before its page exists points nowhere (pypdf does not check).
    firsts = []
    for _, reader in readers:
        firsts.append(len(writer.pages))
        for page in reader.pages:
            writer.add_page(page)
    parent = writer.add_outline_item(title=heading, page_number=firsts[0])
    for (item, _), first in zip(readers, firsts, strict=True):
        writer.add_outline_item(title=_title(item), page_number=first, parent=parent)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
