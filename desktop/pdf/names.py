"""File names that are safe to write into a ZIP and to extract anywhere.

A name comes from a draft, so from anybody: it may hold control characters, direction overrides that
make `invoice‮fdp.exe` read as `invoiceexe.pdf`, characters Windows refuses, a reserved device name, or
more bytes than a file system allows (255 bytes per name on Linux and macOS, `unzip` fails past it).
`safe_file_name` removes the invisible characters, replaces the forbidden ones, and shortens the name
to a number of UTF-8 bytes, keeping its extension."""

from __future__ import annotations

import re
import unicodedata

NAME_MAX_BYTES = 255  # NAME_MAX on Linux and macOS; Windows allows 255 UTF-16 units, which is more
_EXT_MAX_BYTES = 32  # a longer "extension" is part of the name, not a type

# C0 and C1 controls, DEL, the zero-width and direction marks (U+200B-U+200F, U+061C), the line and
# paragraph separators, the embeddings and overrides (U+202A-U+202E), the isolates (U+2066-U+2069)
# and the byte-order mark: invisible, or changing how the rest of the name reads.
INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RUNS_FORBIDDEN = re.compile(r'[<>:"/\\|?*]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)


def strip_invisible(text: str) -> str:
    """`text` without control, zero-width and direction characters."""
    return INVISIBLE.sub("", text)


def _fit(text: str, limit: int) -> str:
    """The longest start of `text` whose UTF-8 encoding has at most `limit` bytes (whole characters,
    no combining mark left without its letter)."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    cut = data[:max(limit, 0)].decode("utf-8", errors="ignore")
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    return cut


def _split_extension(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem.strip(" .") or not ext or " " in ext or len(ext.encode()) + 1 > _EXT_MAX_BYTES:
        return name, ""
    return stem, "." + ext


def safe_file_name(raw: str, *, prefix: str = "", max_bytes: int = NAME_MAX_BYTES, fallback: str = "file") -> str:
    """`prefix` + a cleaned `raw` (its last path component), at most `max_bytes` bytes in UTF-8.

    Invisible characters go; `<>:"/\\|?*` become `_`; leading spaces and trailing dots and spaces go;
    a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without extension) gets a `_`
    in front; a name too long loses characters from the end of its stem, never its extension."""
    text = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    text = _WINDOWS_FORBIDDEN.sub("_", strip_invisible(text)).strip(" ").rstrip(". ")
    if not text.strip("."):
        text = fallback
    stem, ext = _split_extension(text)
    if not prefix and _RESERVED.match(stem.split(".", 1)[0].rstrip(" ")):
        stem = "_" + stem
    room = max_bytes - len(prefix.encode()) - len(ext.encode())
    short = _fit(stem, room).rstrip(". ")
    if not short:
        short = _fit(fallback, room)
    name = prefix + short + ext
    if len(name.encode()) > max_bytes:  # only when the prefix itself leaves no room for the extension
        name = _fit(name, max_bytes).rstrip(". ") or _fit(fallback, max_bytes)
    return name


PROPOSED_MAX_BYTES = 150  # room left for the folder (Windows' 260-character paths) and the temporary file


def proposed_file_name(title: str | None, extension: str, *, fallback: str) -> str:
    """The name a save dialog proposes for `title` (a draft's title, a company's name): valid on every
    platform (`safe_file_name`), each run of characters Windows forbids (slashes included: the title is
    not a path) one `_`, no leading dot (a hidden file on Linux and macOS), then `extension`."""
    text = _RUNS_FORBIDDEN.sub("_", strip_invisible(title or "")).strip(" ._")
    room = PROPOSED_MAX_BYTES - len(extension.encode())
    stem = safe_file_name(text, max_bytes=room, fallback=fallback) if text else fallback
    return stem + extension

