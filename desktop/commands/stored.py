"""What the commands on stored drafts share: the database --db names, opened for one command (the one
opener of the commands; `drafts.py` opens its transactions inside it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from desktop.commands.common import CommandError

if TYPE_CHECKING:  # storage loads only when such a command runs
    from desktop.services.database import Database


@contextmanager
def open_db(args: argparse.Namespace) -> Iterator[Database]:
    """The database; its problems and the usual refusals (no such draft, not in the trash) become
    messages with exit code 2."""
    from desktop.services.database import REFUSALS, DatabaseError, open_named

    try:
        db = open_named(args.db)
    except DatabaseError as exc:
        raise CommandError(str(exc)) from None
    try:
        for warning in db.warnings:
            print(f"grant-assistant: warning: {warning}", file=sys.stderr)
        yield db
    except REFUSALS as exc:
        raise CommandError(str(exc)) from None
    finally:
        db.close()
