"""grant-assistant [--db PATH|URL] drafts export-all | copy-db (the team database's commands)

    drafts export-all -o FILE.zip         every draft, its revisions and files in one ZIP (grant-export/1);
                                          a server database's backups are the server's: this is ours
    drafts copy-db --from URL --to URL    copy every draft with revisions and files (SQLite <-> PostgreSQL),
                                          checked by counts and SHA-256 afterwards
    drafts review ID [--by NAME]          mark a draft for review (by whom and when recorded, with a revision)
    drafts approve ID [--by NAME]         record it as approved for submission; `drafts unmark ID` clears it
    drafts team [--json]                  who changed each draft last, its review step, who is editing it now

Exit 0 done (1 when damaged drafts were left out: named on stderr), 2 when a database or file cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from desktop.commands.common import EXIT_BLOCKED, EXIT_READY, CommandError
from desktop.commands.stored import open_db


def register(dsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    a = dsub.add_parser("export-all", help="every draft with its revisions and files in one ZIP")
    a.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.zip")
    a.set_defaults(func=run_export_all)
    a = dsub.add_parser("copy-db", help="copy every draft with revisions and files to another database")
    a.add_argument("--from", dest="source", required=True, metavar="URL", help="the database to copy from")
    a.add_argument("--to", dest="target", required=True, metavar="URL", help="the database the drafts are added to")
    a.set_defaults(func=run_copy_db)
    for name, state, text in (
        ("review", "review", "mark a draft for review"),
        ("approve", "approved", "record a draft as approved for submission"),
        ("unmark", None, "clear a draft's review step"),
    ):
        a = dsub.add_parser(name, help=text)
        a.add_argument("id", type=int, metavar="ID")
        a.add_argument("--by", metavar="NAME", help="the name recorded (default: the database user or settings)")
        a.set_defaults(func=run_review, state=state)
    a = dsub.add_parser("team", help="who changed each draft last, its review step, who is editing it now")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a.set_defaults(func=run_team)


def _skipped(skipped: list[str]) -> int:
    for item in skipped:
        print(f"grant-assistant: warning: damaged draft left out: {item}", file=sys.stderr)
    return EXIT_BLOCKED if skipped else EXIT_READY


def run_export_all(args: argparse.Namespace) -> int:
    from desktop.services.evidence_files import store_of
    from desktop.services.team_export import export_all

    with open_db(args) as db:
        try:
            done = export_all(db, store_of(db), args.output)
        except OSError as exc:
            raise CommandError(f"{args.output}: cannot write the file ({exc.strerror or exc})") from None
    for digest in done.missing:
        print(f"grant-assistant: warning: file {digest[:16]}… is used but not in the file store", file=sys.stderr)
    print(f"{args.output}: {done.drafts} drafts, {done.revisions} revisions, {done.files} files")
    return _skipped(done.skipped)


def run_copy_db(args: argparse.Namespace) -> int:
    from desktop.services.database import DatabaseError, StoreError, open_at
    from desktop.services.db_copy import CopyError, copy_database
    from desktop.services.evidence_files import store_of

    for option, value in (("--from", args.source), ("--to", args.target)):
        if not value.strip():
            raise CommandError(f"{option}: name a database (a drafts file or a postgresql+psycopg:// URL)")
    if "://" not in args.source and not Path(args.source).expanduser().is_file():
        raise CommandError(f"--from {args.source}: no drafts database there (nothing was copied or created)")
    if args.source == args.target:
        raise CommandError("--from and --to name the same database: nothing to copy")
    try:
        with open_at(args.source) as source, open_at(args.target) as target:
            report = copy_database(source, store_of(source), target, store_of(target))
    except (DatabaseError, CopyError, StoreError) as exc:
        raise CommandError(str(exc)) from None
    for digest in report.missing_files:
        print(f"grant-assistant: warning: file {digest[:16]}… is used but not in the source's file store",
              file=sys.stderr)
    print(f"copied {report.drafts} drafts, {report.revisions} revisions, {report.files} files; "
          "checked by counts and SHA-256")
    return _skipped(report.skipped)


def _when(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def run_review(args: argparse.Namespace) -> int:
    from desktop.services import team
    from desktop.services.database import DatabaseError

    with open_db(args) as db:
        try:
            db.refuse_edit()
        except DatabaseError as exc:
            raise CommandError(str(exc)) from None
        with db.session(write=True) as s:
            who = team.set_review(s, draft_id=args.id, state=args.state, author=args.by)
    said = {"review": "marked for review", "approved": "approved for submission", None: "review step cleared"}
    print(f"draft {args.id}: {said[args.state]} by {who}")
    return EXIT_READY


def run_team(args: argparse.Namespace) -> int:
    from desktop.services import team

    with open_db(args) as db, db.session() as s:
        found = team.team_info(s)
    rows = [
        {"id": i, "updated_by": t.updated_by, "review": t.review_state, "review_by": t.review_by,
         "review_at": _when(t.review_at), "editing": t.editing.holder if t.editing else None,
         "editing_since": _when(t.editing.since) if t.editing else None}
        for i, t in sorted(found.items())
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_READY
    for r in rows:
        review = f"{r['review']} by {r['review_by']} at {r['review_at']}" if r["review"] else "—"
        editing = f"editing: {r['editing']} since {r['editing_since']}" if r["editing"] else ""
        print(f"{r['id']:>5}  changed by {r['updated_by'] or '?'}  review: {review}  {editing}".rstrip())
    if not rows:
        print("(no drafts)")
    return EXIT_READY
