"""What every page carries: the running header, the draft watermark, and the footer with
"第 x 页 / 共 y 页" (drawn when the page count is known; `extra_pages` are the attachments appended
after the document, counted in its total) and, in the self-check report only, the content fingerprint.

Text that needs the page count (the attachment list's page numbers) is drawn late as well: a flowable
calls `canvas.draw_late(fn)` and `fn(canvas, own_pages)` runs when the pages are written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from desktop.pdf.fonts import FONT, text_width
from desktop.pdf.progress import Tally
from desktop.pdf.strings import WATERMARK, t, tf
from desktop.pdf.styles import (
    FOOTER_Y,
    HEADER_Y_FROM_TOP,
    MUTED,
    RULE,
    WATERMARK_INK,
)
from desktop.pdf.text import clean, fit


@dataclass(frozen=True)
class PageDecor:
    lang: str
    applicant: str
    project: str
    fingerprint: str | None
    created: str  # PDF date string, D:YYYYMMDDHHmmSS+00'00'
    watermark: bool
    margin_left: float
    margin_right: float
    watermark_text: str = WATERMARK
    extra_pages: int = 0

    def margins(self, page_width: float) -> tuple[float, float]:
        if page_width > 700:  # landscape pages have narrower, symmetric margins
            return 51.0, page_width - 51.0
        return self.margin_left, page_width - self.margin_right

    def header(self, canv: Canvas, doc: Any) -> None:
        """Running header (not on the cover): applicant left, project right, a rule beneath."""
        if canv.getPageNumber() == 1:
            return
        width, height = canv._pagesize
        left, right = self.margins(width)
        y = height - HEADER_Y_FROM_TOP
        half = (right - left) / 2 - 8
        canv.saveState()
        canv.setFont(FONT, 8)
        canv.setFillColor(MUTED)
        canv.drawString(left, y, fit(clean(self.applicant), half, 8))
        canv.drawRightString(right, y, fit(clean(self.project), half, 8))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, y - 4, right, y - 4)
        canv.restoreState()

    def watermark_page(self, canv: Canvas, doc: Any) -> None:
        if not self.watermark:
            return
        width, height = canv._pagesize
        size = 34.0
        while text_width(self.watermark_text, size) > 0.9 * (width**2 + height**2) ** 0.5 and size > 12:
            size -= 2
        canv.saveState()
        canv.setFillColor(WATERMARK_INK)
        canv.setFillAlpha(0.16)
        canv.setFont(FONT, size)
        canv.translate(width / 2, height / 2)
        canv.rotate(35 if width < height else 25)
        canv.drawCentredString(0, -size / 3, self.watermark_text)
        canv.restoreState()
        canv.saveState()
        canv.setFillColor(WATERMARK_INK)
        canv.setFont(FONT, 8)
        left, right = self.margins(width)
        canv.drawCentredString(width / 2, height - HEADER_Y_FROM_TOP + 11, self.watermark_text)
        canv.restoreState()

    def footer(self, canv: Canvas, page: int, total: int) -> None:
        width, _ = canv._pagesize
        left, right = self.margins(width)
        canv.saveState()
        canv.setFont(FONT, 8)
        canv.setFillColor(MUTED)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, FOOTER_Y + 10, right, FOOTER_Y + 10)
        canv.drawCentredString(width / 2, FOOTER_Y, tf("page", self.lang, "  ", x=page, y=total))
        if self.fingerprint:
            canv.drawRightString(right, FOOTER_Y, f"{t('fingerprint', self.lang)} {self.fingerprint}")
        canv.restoreState()


def canvas_maker(decor: PageDecor, progress: Tally) -> type[Canvas]:
    """A Canvas class that holds pages back until the end, then adds each footer with the total."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = FONT
            kwargs["initialFontSize"] = 10
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._marks: list[tuple[str, dict[str, Any]]] = []
            self._late: list[Callable[[Canvas, int], None]] = []
            self.setDateFormatter(lambda *_: decor.created)

        def bookmarkPage(self, key: str, **kw: Any) -> str:  # noqa: N802 - ReportLab's name
            # A destination names the page being written; pages are held back, so bookmarks are too.
            self._marks.append((key, kw))
            return key

        def draw_late(self, fn: Callable[[Canvas, int], None]) -> None:
            """`fn(canvas, own_pages)` draws on this page once the page count is known."""
            self._late.append(fn)

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._held.append(dict(self.__dict__))
            self._marks = []
            self._late = []
            self._startPage()
            progress.advance(0)

        def save(self) -> None:
            own = len(self._held)
            total = own + decor.extra_pages
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                for key, kw in state["_marks"]:
                    Canvas.bookmarkPage(self, key, **kw)
                for fn in state["_late"]:
                    fn(self, own)
                decor.footer(self, number, total)
                Canvas.showPage(self)
            self._held = []
            Canvas.save(self)

    return NumberedCanvas
