"""grant-assistant [--db PATH|URL] auditor-list ID -o OUT.xlsx | auditor-evidence ID -o OUT.zip

    auditor-list ID -o OUT.xlsx       支出明细及票据清单: one row per counted line with every contract,
                                      invoice and payment reference, in a fixed column order
    auditor-evidence ID -o OUT.zip    the counted lines' files by line and kind, the applicant's documents,
                                      the list above and a SHA256SUMS manifest

Both check the stored draft first (--as-of, default today) to know which lines count. Exit 0 done, 2 when
the database, the draft or the output cannot be used (nothing written then). Files the draft refers to
but the program does not keep are named on stderr and in MISSING.txt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import EXIT_READY, CommandError, add_as_of
from desktop.commands.stored import open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    a = sub.add_parser("auditor-list", help="a stored draft's expense and voucher list (支出明细及票据清单), .xlsx")
    a.add_argument("id", type=int, metavar="ID")
    a.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx")
    add_as_of(a)
    a.set_defaults(func=run, what="list")
    a = sub.add_parser("auditor-evidence", help="a stored draft's evidence files by line and kind, with SHA256SUMS")
    a.add_argument("id", type=int, metavar="ID")
    a.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.zip")
    add_as_of(a)
    a.set_defaults(func=run, what="evidence")


def run(args: argparse.Namespace) -> int:
    from desktop.files import write_atomic
    from desktop.services import drafts as drafts_service
    from desktop.services.auditor import expense_list_bytes, write_evidence_zip
    from desktop.services.evidence import assess_stored
    from desktop.services.evidence_files import store_of

    with open_db(args) as db:
        with db.session() as s:
            draft = drafts_service.get_draft(s, draft_id=args.id).draft
            assessment = assess_stored(s, args.id, draft, args.as_of)
        try:
            if args.what == "list":
                write_atomic(args.output, expense_list_bytes(draft, assessment))
                missing: list[str] = []
            else:
                missing = write_evidence_zip(draft, assessment, store_of(db), args.output)
        except OSError as exc:
            raise CommandError(f"{args.output}: cannot write the file ({exc.strerror or exc})") from None
    for entry in missing:
        print(f"grant-assistant: warning: {args.output}: not kept by the program, attach it again: {entry}",
              file=sys.stderr)
    print(args.output)
    return EXIT_READY
