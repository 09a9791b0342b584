"""Making user text safe to print: no control characters, no missing glyphs, no unbreakable runs."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from desktop.pdf.fonts import covered, register_fonts, text_width

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
# Punctuation that must not begin a line (Chinese typesetting): it hangs on, or pulls a character down.
NO_LINE_START = "，。、；：！？）》」』】〕〉”’…%,.;:!?)]}·"
# A token is a Latin word (a run of non-space, non-CJK characters), a run of spaces, or one character.
_CJK = "\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"[^\s{_CJK}]+|\s+|.", re.S)
_LAST = re.compile(rf"(?:[^\s{_CJK}]+|.)$", re.S)


def clean(value: object) -> str:
    """Printable text for any value: None is empty, control characters go, and a character the
    font cannot draw is written as its code point ([U+1F600]) rather than as an empty box."""
    if value is None:
        return ""
    text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if text.isascii():
        return text
    cmap = covered()
    if all(ord(c) in cmap for c in text):
        return text
    return "".join(c if ord(c) in cmap or c == "\n" else f"[U+{ord(c):04X}]" for c in text)


def para(value: object) -> str:
    """User text as Paragraph markup: cleaned and XML-escaped.

    No break points are added: every style wraps the CJK way, which cuts a word longer than the line
    between characters by itself, and an invisible zero-width space would travel with the text when
    a reader copies a SHA-256, an invoice number or an e-mail address out of the PDF."""
    text = clean(value)
    return escape(text, {'"': "&quot;"}).replace("\n", "<br/>")


def wrap_lines(text: str, width: float, size: float) -> list[str]:
    """Greedy line breaking of cleaned text into lines no wider than `width` (points).

    Breaks at spaces and between CJK characters; a word wider than the line is cut between
    characters, so nothing ever overflows its cell.
    """
    register_fonts()
    out: list[str] = []
    for part in text.split("\n"):
        if text_width(part, size) <= width:
            out.append(part)
            continue
        line = ""
        used = 0.0
        for tok in _TOKEN.findall(part):
            w = text_width(tok, size)
            if used + w <= width:
                line += tok
                used += w
                continue
            if tok in NO_LINE_START and len(line) > 1:
                tok, line = _pull_down(line, tok, width, size)
                w = text_width(tok, size)
            if line.strip():
                out.append(line.rstrip())
            line, used = "", 0.0
            if tok.isspace():
                continue
            if w <= width:
                line, used = tok, w
                continue
            for ch in tok:
                cw = text_width(ch, size)
                if used + cw > width and line:
                    out.append(line)
                    line, used = "", 0.0
                line += ch
                used += cw
        if line.strip() or not out:
            out.append(line.rstrip())
    return out or [""]


def _pull_down(line: str, mark: str, width: float, size: float) -> tuple[str, str]:
    """(`mark` with what must go down with it, what stays): the last word or character of `line`
    goes down with a mark that cannot start a line, and so does the one before when that is such a
    mark too (》） after a word). A word too wide to move lends only its last characters."""
    moved, rest = mark, line
    while moved[0] in NO_LINE_START:
        m = _LAST.search(rest)
        if m is None or m.start() == 0:
            break
        rest, moved = rest[: m.start()], m.group(0) + moved
    if moved[0] not in NO_LINE_START and rest.strip() and text_width(moved, size) <= width:
        return moved, rest
    moved, rest = mark, line
    while moved[0] in NO_LINE_START and len(rest) > 1:
        rest, moved = rest[:-1], rest[-1] + moved
    return moved, rest


def clip_lines(text: str, width: float, size: float, most: int) -> list[str]:
    """`text` wrapped to `width`, at most `most` lines: the last one ends with an ellipsis when
    something was left out (for places with fixed room: the cover, the signature block)."""
    lines = wrap_lines(text, width, size)
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    kept[-1] = fit(kept[-1] + lines[most], width, size)
    if not kept[-1].endswith("…"):
        kept[-1] = fit(kept[-1] + "……", width, size)
    return kept


def fit(text: str, width: float, size: float) -> str:
    """`text` shortened with an ellipsis to fit on one line of `width` points."""
    register_fonts()
    if text_width(text, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid] + "…", size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"
