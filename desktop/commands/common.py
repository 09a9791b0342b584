"""What the sub-commands share: exit codes, argument types, error output.

Every value read from the command line is checked by its argparse type, so a bad one stops with a
usage message and exit code 2 before anything is opened: ids are whole numbers 1 … 2^63-1 (what the
database holds), statuses one of the known ones, dates real dates written YYYY-MM-DD, and text is
text (bytes the terminal's encoding cannot decode are refused by name).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from desktop.domain.lang import UI_LANGS

EXIT_READY = 0
EXIT_BLOCKED = 1
EXIT_UNREADABLE = 2

ID_LIMIT = 2**63 - 1
STATUSES = ("ready", "blocked", "unchecked")
_DIGITS = re.compile(r"[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CommandError(Exception):
    """A failure to report on stderr (no traceback) with exit code 2."""


def _undecodable(text: str) -> bool:
    """True when `text` holds bytes the terminal's encoding could not decode (Python keeps them as
    lone surrogates) or a NUL: nothing a file name, a search or a number can be made of."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if _undecodable(text) else text


def text_arg(text: str) -> str:
    if _undecodable(text):
        raise argparse.ArgumentTypeError(
            f'"{_shown(text)}" is not text: it holds bytes that are not UTF-8 (or a NUL); type it again'
        )
    return text


def draft_id(text: str) -> int:
    """A draft or revision id: a whole number from 1 to 2^63-1."""
    value = text.strip()
    digits = value.lstrip("0")
    if not _DIGITS.fullmatch(value) or not digits or len(digits) > 19 or int(digits) > ID_LIMIT:
        raise argparse.ArgumentTypeError(
            f'expected a draft id, a whole number from 1 to {ID_LIMIT}, got "{_shown(text)}" '
            "(see `grant-assistant drafts list`)"
        )
    return int(value)


def path_arg(text: str) -> Path:
    """A file name as the command line gives it (bytes that are not UTF-8 are kept: they name the file)."""
    if "\x00" in text or not text:
        raise argparse.ArgumentTypeError("expected a file name, got an empty one" if not text else
                                         f'"{_shown(text)}" is not a file name (it holds a NUL)')
    return Path(text)


def status_arg(text: str) -> str:
    if text not in STATUSES:
        raise argparse.ArgumentTypeError(f'expected one of {", ".join(STATUSES)}, got "{_shown(text)}"')
    return text


def as_of_date(text: str) -> date:
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'expected a real date written YYYY-MM-DD, got "{_shown(text)}"'
        ) from None


def add_lang(parser: argparse.ArgumentParser, choices: tuple[str, ...] = UI_LANGS) -> None:
    parser.add_argument("--lang", choices=choices, default="zh", help="language of messages (default zh)")


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of", type=as_of_date, default=None, metavar="YYYY-MM-DD",
        help="check the draft as on this day (default: today)",
    )


def fail(message: str) -> int:
    print(f"grant-assistant: {message}", file=sys.stderr)
    return EXIT_UNREADABLE
