"""What the sub-commands share: exit codes, argument types, error output."""

from __future__ import annotations

import argparse
import sys
from datetime import date

EXIT_READY = 0
EXIT_BLOCKED = 1
EXIT_UNREADABLE = 2


class CommandError(Exception):
    """A failure to report on stderr (no traceback) with exit code 2."""


def as_of_date(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'expected a date written YYYY-MM-DD, got "{text}"') from None


def add_lang(parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("zh", "en")) -> None:
    parser.add_argument("--lang", choices=choices, default="zh", help="language of messages (default zh)")


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of", type=as_of_date, default=None, metavar="YYYY-MM-DD",
        help="check the draft as on this day (default: today)",
    )


def fail(message: str) -> int:
    print(f"grant-assistant: {message}", file=sys.stderr)
    return EXIT_UNREADABLE
