"""grant-assistant drafts status ID [STATE [--on DATE] [--granted YUAN] [--note TEXT]] | drafts reopen ID

    drafts status ID            where the application is, and every move it made
    drafts status ID STATE      move it: submitted (locks it, a revision kept), entered, approved, rejected
    drafts reopen ID [--note]   unlock a submitted draft for editing (recorded)

Exit 0 done, 2 when the move is refused (the message says which moves are possible) or the draft is missing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.commands.common import EXIT_READY, CommandError, as_of_date, text_arg

Opener = Callable[..., AbstractContextManager[Any]]


def _yuan(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f'expected an amount in yuan such as 1250000.00, got "{text}"') from None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise argparse.ArgumentTypeError(f'expected an amount in yuan with at most two decimals, got "{text}"')
    return value


# app_status.STATES but "draft" (the storage, and SQLAlchemy with it, loads only when the command runs;
# a test holds the two together)
MOVES_TO = ("submitted", "entered", "approved", "rejected")


def register(dsub: argparse._SubParsersAction[argparse.ArgumentParser], opener: Opener, draft_id: Any) -> None:
    a = dsub.add_parser("status", help="where the application is; with STATE, move it there")
    a.add_argument("id", type=draft_id, metavar="ID")
    a.add_argument("state", nargs="?", choices=MOVES_TO, metavar="STATE",
                   help="submitted | entered | approved | rejected")
    a.add_argument("--on", type=as_of_date, default=None, metavar="YYYY-MM-DD", help="the day (default today)")
    a.add_argument("--granted", type=_yuan, default=None, metavar="YUAN", help="the amount granted (approved)")
    a.add_argument("--note", type=text_arg, default=None, help="a note kept with the move")
    a.set_defaults(func=lambda args: run_status(args, opener))
    a = dsub.add_parser("reopen", help="unlock a submitted draft for editing (the reopening is recorded)")
    a.add_argument("id", type=draft_id, metavar="ID")
    a.add_argument("--note", type=text_arg, default=None, help="why it is reopened")
    a.set_defaults(func=lambda args: run_reopen(args, opener))


def run_status(args: argparse.Namespace, opener: Opener) -> int:
    from desktop.services import draft_status as app_status

    try:
        if args.state is None:
            with opener(args) as s:
                state = app_status.state_of(s, draft_id=args.id)
                events = app_status.history(s, draft_id=args.id)
            zh, en = app_status.STATES[state]
            print(f"draft {args.id}: {state} ({zh} / {en})")
            for e in events:
                granted = f"  granted {e.granted:,.2f}" if e.granted is not None else ""
                note = f"  — {e.note}" if e.note else ""
                print(f"  {e.on_date or ''}  {e.state}{granted}{note}")
            return EXIT_READY
        with opener(args, write=True, edit=True) as s:
            app_status.set_state(s, draft_id=args.id, state=args.state, on_date=args.on, granted=args.granted,
                                 note=args.note)
    except app_status.StateRefused as exc:
        raise CommandError(str(exc)) from None
    print(f"draft {args.id}: {args.state}" + (" (locked; a revision was kept)" if args.state == "submitted" else ""))
    return EXIT_READY


def run_reopen(args: argparse.Namespace, opener: Opener) -> int:
    from desktop.services import draft_status as app_status

    try:
        with opener(args, write=True, edit=True) as s:
            app_status.reopen(s, draft_id=args.id, note=args.note)
    except app_status.StateRefused as exc:
        raise CommandError(str(exc)) from None
    print(f"draft {args.id}: reopened for editing (recorded)", file=sys.stdout)
    return EXIT_READY
