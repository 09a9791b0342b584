"""grant-assistant [--db PATH|URL] drafts list|show|import|export|delete|restore|purge|revisions

    drafts list [--json] [--search S] [--status S] [--trash]
    drafts show ID [--json]          --json: the draft itself in the exchange format
    drafts import FILE.json          prints the new draft's id alone on stdout
    drafts export ID -o FILE.json    the exchange format, written whole or not at all
    drafts delete ID | restore ID    to the trash and back
    drafts purge ID                  for good (only from the trash)
    drafts revisions ID [--json]

Exit 0 done, 2 when the database, the file or the draft cannot be used (message on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # sqlmodel loads only when a drafts command runs
    from sqlmodel import Session

from desktop.commands import common
from desktop.commands.common import EXIT_READY, CommandError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("drafts", help="list, show, import, export and manage the stored drafts")
    dsub = p.add_subparsers(dest="drafts_command", metavar="ACTION", required=True)

    a = dsub.add_parser("list", help="the stored drafts, most recently changed first")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a.add_argument("--search", type=common.text_arg, metavar="S",
                   help="only drafts whose title or applicant contains S")
    a.add_argument("--status", type=common.status_arg, metavar="S",
                   help="only drafts with this status (ready, blocked, unchecked)")
    a.add_argument("--trash", action="store_true", help="the drafts in the trash instead")
    a.set_defaults(func=run_list)

    a = dsub.add_parser("show", help="one draft: its summary, or with --json the draft file itself")
    a.add_argument("id", type=common.draft_id, metavar="ID")
    a.add_argument("--json", action="store_true", help="print the draft in the exchange format")
    a.set_defaults(func=run_show)

    a = dsub.add_parser("import", help="store a draft file as a new draft; prints its id")
    a.add_argument("file", type=common.path_arg, metavar="FILE.json")
    a.set_defaults(func=run_import)

    a = dsub.add_parser("export", help="write a stored draft to a file in the exchange format")
    a.add_argument("id", type=common.draft_id, metavar="ID")
    a.add_argument("-o", "--output", type=common.path_arg, required=True, metavar="FILE.json")
    a.set_defaults(func=run_export)

    for name, text in (
        ("delete", "move a draft to the trash"),
        ("restore", "take a draft out of the trash"),
        ("purge", "delete a draft in the trash for good"),
    ):
        a = dsub.add_parser(name, help=text)
        a.add_argument("id", type=common.draft_id, metavar="ID")
        a.set_defaults(func=run_trash, action=name)

    a = dsub.add_parser("revisions", help="the kept revisions of a draft, newest first")
    a.add_argument("id", type=common.draft_id, metavar="ID")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a.set_defaults(func=run_revisions)


@contextmanager
def _session(args: argparse.Namespace, write: bool = False) -> Iterator[Session]:
    """One transaction on the database --db names; storage errors become messages (exit 2)."""
    from desktop import paths
    from desktop.storage import repository as repo
    from desktop.storage.database import DatabaseError, open_database

    try:
        db = open_database(paths.database_location(args.db))
    except DatabaseError as exc:
        raise CommandError(str(exc)) from None
    try:
        for warning in db.warnings:
            print(f"grant-assistant: warning: {warning}", file=sys.stderr)
        with db.session(write=write) as session:
            yield session
    except (repo.DraftNotFound, repo.NotInTrash, repo.ConflictError, repo.RevisionNotFound) as exc:
        raise CommandError(str(exc)) from None
    finally:
        db.close()


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds").replace("+00:00", "Z")


def _money(value: Any) -> str | None:
    from desktop.domain.money import money_str

    return money_str(value)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run_list(args: argparse.Namespace) -> int:
    from desktop.storage import repository as repo

    with _session(args) as s:
        found = repo.list_drafts(s, search=args.search, status=args.status, trash=args.trash)
    if args.json:
        _print_json([
            {"id": d.id, "title": d.title, "applicant": d.applicant, "status": d.status,
             "max_subsidy": _money(d.max_subsidy), "updated": _when(d.updated_at)}
            for d in found
        ])
        return EXIT_READY
    out = [f"{d.id:>5}  {d.status:<9}  {_when(d.updated_at)}  {_money(d.max_subsidy) or '—':>14}  "
           f"{d.title or '(untitled)'} — {d.applicant or '(no applicant)'}" for d in found]
    sys.stdout.write("".join(line + "\n" for line in out) or "(no drafts)\n")
    return EXIT_READY


def run_show(args: argparse.Namespace) -> int:
    from desktop.domain.exchange import dumps
    from desktop.storage import repository as repo

    with _session(args) as s:
        stored = repo.get_draft(s, draft_id=args.id)
        summary = {d.id: d for d in repo.list_drafts(s, trash=stored.deleted_at is not None)}[args.id]
    if args.json:
        sys.stdout.write(dumps(stored.draft))
        return EXIT_READY
    d = stored.draft
    rows = [
        ("id", str(stored.id)), ("title", d.title or ""), ("applicant", d.applicant.name or ""),
        ("program", d.program), ("status", summary.status), ("errors", str(summary.errors)),
        ("warnings", str(summary.warnings)), ("max subsidy", _money(summary.max_subsidy) or "—"),
        ("requested", _money(summary.requested) or "—"), ("lines", str(len(d.equipment))),
        ("attachments", str(len(d.attachments))), ("version", str(stored.version)),
        ("created", _when(stored.created_at) or ""), ("updated", _when(stored.updated_at) or ""),
        ("in the trash since", _when(stored.deleted_at) or "—"),
    ]
    sys.stdout.write("".join(f"{k + ':':<20}{v}\n" for k, v in rows))
    return EXIT_READY


def run_import(args: argparse.Namespace) -> int:
    from desktop.services.drafts import import_draft

    with _session(args, write=True) as s:
        stored = import_draft(s, args.file)
    print(stored.id)
    return EXIT_READY


def run_export(args: argparse.Namespace) -> int:
    from desktop.services.drafts import export_draft

    target: Path = args.output
    with _session(args, write=True) as s:
        try:
            export_draft(s, args.id, target)
        except OSError as exc:
            raise CommandError(f"{target}: cannot write the file ({exc.strerror or exc})") from None
    return EXIT_READY


def run_trash(args: argparse.Namespace) -> int:
    from desktop.storage import repository as repo

    action = {"delete": repo.delete_draft, "restore": repo.restore_draft, "purge": repo.purge_draft}[args.action]
    with _session(args, write=True) as s:
        action(s, draft_id=args.id)
    return EXIT_READY


def run_revisions(args: argparse.Namespace) -> int:
    from desktop.storage import repository as repo

    with _session(args) as s:
        found = repo.list_revisions(s, draft_id=args.id)
    if args.json:
        _print_json([
            {"id": r.id, "created": _when(r.created_at), "reason": r.reason, "label": r.label, "version": r.version}
            for r in found
        ])
        return EXIT_READY
    out = [f"{r.id:>5}  {_when(r.created_at)}  {r.reason:<8} v{r.version:<5} {r.label or ''}".rstrip() for r in found]
    sys.stdout.write("".join(line + "\n" for line in out) or "(no revisions)\n")
    return EXIT_READY
