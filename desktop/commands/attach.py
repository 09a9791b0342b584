"""grant-assistant [--db PATH|URL] attach ID FILE --kind KIND [--line N]

Copy FILE into the program's file store and add it to stored draft ID: to equipment line N (1-based;
kinds contract, invoice, payment, acceptance, nameplate_photo, customs, other) or, without --line, to
the draft's attachments (business_licence, center_approval, audit_report, credit_report, ...).
Prints the file's SHA-256. Exit 0 done, 2 when it cannot be done (message on stderr, nothing changed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import EXIT_READY
from desktop.commands.stored import open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("attach", help="keep a file (contract, invoice, photo, licence...) with a stored draft")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--kind", required=True, help="what the file is (see the command's description)")
    p.add_argument("--line", type=int, default=None, metavar="N", help="the equipment line it proves (1-based)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.evidence_files import attach_to_stored

    line = None if args.line is None else args.line - 1
    with open_db(args) as db:
        item = attach_to_stored(db, args.id, args.file, kind=args.kind, line=line)
    print(item.sha256)
    return EXIT_READY
