"""Making user text safe to print: no control characters, no missing glyphs, no unbreakable runs."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from desktop.pdf.fonts import covered, register_fonts, text_width

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_ZWSP = "\u200b"
# Punctuation that must not begin a line (Chinese typesetting): it hangs on, or pulls a character down.
NO_LINE_START = "，。、；：！？）》」』】〕〉”’…%,.;:!?)]}·"
# A token is a Latin word (a run of non-space, non-CJK characters), a run of spaces, or one character.
_CJK = "\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"[^\s{_CJK}]+|\s+|.", re.S)
# A run of 41+ Latin-like characters has no break point of its own (CJK text breaks anywhere).
_RUN = re.compile(rf"[^\s{_CJK}]{{41,}}")


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


def _soften(match: re.Match[str]) -> str:
    run = match.group(0)
    return _ZWSP.join(run[i : i + 20] for i in range(0, len(run), 20))


def para(value: object) -> str:
    """User text as Paragraph markup: cleaned, XML-escaped, long runs given break points."""
    text = clean(value)
    if len(text) > 40:
        text = _RUN.sub(_soften, text)
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
                tok, line = line[-1] + tok, line[:-1]
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
