"""Print the PDF as it is.

Where the system prints PDF itself (CUPS: Linux, macOS), the PDF file goes to the printer as it is:
vectors, every page in its own size and orientation, nothing rasterised (`lp`). Elsewhere (Windows, or a
printer Qt drives itself), each page is drawn through QPainter in its own orientation (a landscape page
prints landscape), at the printer's resolution but no more than MAX_DPI (an A4 page at 300 dpi is about
25 MB as an image; at 1200 dpi it would be 16 times that), one page at a time with a progress callback
that can cancel between pages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300
Progress = Callable[[int, int], bool]  # (pages done, pages in all) -> go on?


def orientation_of(size: QSizeF) -> QPageLayout.Orientation:
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    """The pages to print, 0-based and inclusive: the printer's range, else all."""
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage() - 1, count - 1)
    return first, last


def system_print_command(printer: QPrinter, pdf: Path, count: int) -> list[str] | None:
    """The `lp` command that sends the PDF file to `printer` as vectors, or None where the system cannot
    (Windows, no `lp`, or output to a file)."""
    if sys.platform == "win32" or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    lp = shutil.which("lp")
    if lp is None or not printer.printerName():
        return None
    command = [lp, "-d", printer.printerName(), "-n", str(max(1, printer.copyCount()))]
    first, last = page_range(printer, count)
    if (first, last) != (0, count - 1):
        command += ["-P", f"{first + 1}-{last + 1}"]
    if printer.duplex() != QPrinter.DuplexMode.DuplexNone:
        command += ["-o", "sides=two-sided-long-edge"]
    return [*command, "--", str(pdf)]


def send_to_system(command: list[str]) -> None:
    """Run the print command (in a worker: the window never waits on it); OSError names what failed."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise OSError(f"{Path(command[0]).name}: {(done.stderr or done.stdout).strip() or done.returncode}")


def print_pdf(document: QPdfDocument, printer: QPrinter, progress: Progress | None = None) -> int:
    """Draw each page (or the printer's page range) in its own orientation; pages printed. `progress`
    is called before each page and after the last; False cancels (what was sent is aborted)."""
    first, last = page_range(printer, document.pageCount())
    total = max(0, last - first + 1)
    if total == 0:
        return 0
    printer.setPageOrientation(orientation_of(document.pagePointSize(first)))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for page in range(first, last + 1):
            if progress is not None and progress(printed, total) is False:
                printer.abort()
                return printed
            points = document.pagePointSize(page)
            if printed:
                printer.setPageOrientation(orientation_of(points))
                printer.newPage()
            dpi = printer.resolution()
            area = printer.pageLayout().paintRectPixels(dpi)
            scale = min(area.width() / points.width(), area.height() / points.height())
            target = QSize(int(points.width() * scale), int(points.height() * scale))
            image_scale = min(1.0, MAX_DPI / dpi) if dpi > 0 else 1.0
            image = document.render(page, QSize(max(1, int(target.width() * image_scale)),
                                                max(1, int(target.height() * image_scale))))
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
            printed += 1
        if progress is not None:
            progress(printed, total)
    finally:
        if painter.isActive():
            painter.end()
    return printed
