"""The appendix: attachments that are PDFs or images, appended to the application with a bookmark
each. PDFs are merged page by page (pypdf); an image gets a page of its own, scaled to fit."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from reportlab.lib.colors import white
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.pdf.errors import AttachmentError
from desktop.pdf.fonts import register_fonts, text_width
from desktop.pdf.names import strip_invisible
from desktop.pdf.styles import INK, LANDSCAPE, MUTED, PORTRAIT
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


def read_appendix(items: list[AppendixItem], created: datetime) -> list[tuple[AppendixItem, PdfReader]]:
    """Each item with its pages (an image made a page of its own); AttachmentError names one that
    cannot be read."""
    from desktop.pdf.document import pdf_date

    stamp = pdf_date(created)
    return [(item, _pages(item, stamp)) for item in items]


def _stamps(sizes: list[tuple[float, float]], labels: list[str], first: int, total: int, lang: str,
            created: datetime) -> PdfReader:
    """One overlay page per appended page: its label (附件N) at the top right and the document's
    footer (第 x 页 / 共 N 页), each on a white ground so a full-page scan does not hide it."""
    from desktop.pdf.document import pdf_date
    from desktop.pdf.strings import tf
    from desktop.pdf.styles import FOOTER_Y

    font = register_fonts()
    buf = io.BytesIO()
    canv = Canvas(buf, invariant=1, initialFontName=font, initialFontSize=10)
    canv.setDateFormatter(lambda *_: pdf_date(created))
    for n, ((width, height), label) in enumerate(zip(sizes, labels, strict=True)):
        canv.setPageSize((width, height))
        size = 12.0
        w = text_width(label, size) + 12
        canv.setFillColor(white)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)
        canv.rect(width - _MARGIN - w, height - _MARGIN + 2, w, size + 10, stroke=1, fill=1)
        canv.setFillColor(INK)
        canv.setFont(font, size)
        canv.drawString(width - _MARGIN - w + 6, height - _MARGIN + 8, label)
        footer = tf("page", lang, "  ", x=first + n, y=total)
        fw = text_width(footer, 8) + 8
        canv.setFillColor(white)
        canv.rect((width - fw) / 2, FOOTER_Y - 3, fw, 12, stroke=0, fill=1)
        canv.setFillColor(MUTED)
        canv.setFont(font, 8)
        canv.drawCentredString(width / 2, FOOTER_Y, footer)
        canv.showPage()
    canv.save()
    return PdfReader(io.BytesIO(buf.getvalue()))


def append_appendix(
    pdf: bytes, readers: list[tuple[AppendixItem, PdfReader]], heading: str, created: datetime, lang: str = "zh",
    labels: list[str] | None = None,
) -> bytes:
    """`pdf` followed by every item's pages, each stamped with its label (附件N) and numbered in the
    whole document's pages; an outline entry `heading` with one child per item."""
    if not readers:
        return pdf
    base = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=base)
    if base.metadata is not None:
        writer.add_metadata(dict(base.metadata.items()))
    own = len(base.pages)
    labels = labels or [item.title for item, _ in readers]
    # Pages first: an outline entry made before its page exists points nowhere (pypdf does not check).
    firsts: list[int] = []
    added = []
    page_labels: list[str] = []
    for (_, reader), label in zip(readers, labels, strict=True):
        firsts.append(len(writer.pages))
        for page in reader.pages:
            added.append(writer.add_page(page))
            page_labels.append(label)
    for page in added:
        page.transfer_rotation_to_content()
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in added]
    overlay = _stamps(sizes, page_labels, own + 1, own + len(added), lang, created)
    for page, stamp in zip(added, overlay.pages, strict=True):
        left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
        if left or bottom:
            page.merge_translated_page(stamp, left, bottom)
        else:
            page.merge_page(stamp)
    parent = writer.add_outline_item(title=heading, page_number=firsts[0])
    for (item, _), first in zip(readers, firsts, strict=True):
        writer.add_outline_item(title=_title(item), page_number=first, parent=parent)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
