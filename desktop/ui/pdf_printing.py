"""Print the pages of a loaded QPdfDocument on a QPrinter (the same pages the preview shows)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Render each page (or the printer's page range) at the printer's resolution; pages printed."""
    count = document.pageCount()
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage() - 1, count - 1)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = printer.resolution()
        area = printer.pageLayout().paintRectPixels(dpi)
        for page in range(first, last + 1):
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(page, size)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed
