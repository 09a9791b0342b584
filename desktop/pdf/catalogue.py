"""附件目录: 附件1…N with each document's name and, when the attachments are appended to the PDF,
the pages they take in the whole document (drawn when the page count is known)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from desktop.domain import choices
from desktop.domain.lang import Lang
from desktop.domain.model import Draft
from desktop.pdf.blocks import TextBlock
from desktop.pdf.fonts import FONT, text_width
from desktop.pdf.names import strip_invisible
from desktop.pdf.official import form_table, zh_text
from desktop.pdf.strings import t, tf
from desktop.pdf.styles import INK, Styles


def attachment_title(draft: Draft, index: int, lang: str) -> str:
    """What the list calls attachment `index`: its kind, and the file's name."""
    att = draft.attachments[index]
    one = Lang.parse(lang).one
    kind = choices.label(choices.ATTACHMENT_KINDS, att.kind, one) if att.kind else ""
    name = zh_text(strip_invisible(att.name or att.path or "")).strip()
    if kind and name:
        return one.choose(f"{kind}（{name}）", f"{kind} ({name})")
    return kind or name


class PageRange(Flowable):  # type: ignore[misc]
    """A cell whose text is the pages an appended attachment takes: own pages + `offset` + 1 …"""

    def __init__(self, offset: int | None, count: int, lang: str, size: float) -> None:
        super().__init__()
        self.offset, self.count, self.lang, self.size = offset, count, lang, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.size * 1.4
        return self.width, self.height

    def text(self, own_pages: int) -> str:
        if self.offset is None:
            return t("att_apart", self.lang, " / ")
        first = own_pages + self.offset + 1
        last = first + self.count - 1
        if last == first:
            return tf("att_page_one", self.lang, " / ", a=first)
        return tf("att_pages_range", self.lang, " / ", a=first, b=last)

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(self.width / 2, self.size * 0.3)
        late = getattr(self.canv, "draw_late", None)

        def draw(canv: Any, own_pages: int) -> None:
            text = self.text(own_pages)
            canv.saveState()
            canv.setFillColor(INK)
            canv.setFont(FONT, self.size)
            canv.drawString(x - text_width(text, self.size) / 2, y, text)
            canv.restoreState()

        if late is not None:
            late(draw)
        else:  # a plain canvas (a test): the document's own pages are unknown
            draw(self.canv, 0)


def attachment_list(
    draft: Draft, lang: str, width: float, st: Styles, appended: Sequence[tuple[int, int] | None] | None
) -> list[Flowable]:
    """`appended`: (first page after the document's own, page count) per attachment in draft order,
    or None for an attachment that is not appended; None for the whole list when nothing is."""
    title = TextBlock(st.part_title, t("part_attachments", lang, "\n"), align="centre")
    if not draft.attachments:
        return [title, TextBlock(st.body, t("att_none", lang, " "))]
    rows: list[list[object]] = [[t(k, lang, "\n") for k in ("att_no", "att_name", "att_pages")]]
    for i in range(len(draft.attachments)):
        where = appended[i] if appended is not None else None
        cell = PageRange(where[0] if where else None, where[1] if where else 0, lang, st.cell.fontSize)
        rows.append([tf("att_label", lang, "\n", n=i + 1), attachment_title(draft, i, lang), cell])
    w = width
    table = form_table(rows, [w * 0.16, w * 0.58, w * 0.26], st, header_rows=1, aligns=["centre", "left", "centre"])
    return [title, table]
