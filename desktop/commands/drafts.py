"""grant-assistant [--db PATH|URL] drafts list|show|import|export|delete|restore|purge|revisions|status|reopen

    drafts list [--json] [--search S] [--status S] [--trash]
    drafts show ID [--json]          --json: the draft itself in the exchange format
    drafts import FILE.json          prints the new draft's id alone on stdout
    drafts export ID -o FILE.json    the exchange format, written whole or not at all
    drafts delete ID | restore ID    to the trash and back
    drafts purge ID                  for good (only from the trash)
    drafts revisions ID [--json]
    drafts export-all | copy-db      everything in one ZIP; copy to another database (drafts_team.py)
    drafts status ID [STATE]         where the application is / move it (drafts_status.py)
    drafts reopen ID                 unlock a submitted draft (recorded)

Exit 0 done, 2 when the database, the file or the draft cannot be used (message on stderr); 1 when the
list holds damaged drafts (the readable ones are listed) or a damaged draft's raw values were exported.
A database that can only be read (read-only file or folder) lists, shows and exports; changes are
refused (exit 2).
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
from desktop.commands.common import EXIT_BLOCKED, EXIT_READY, CommandError


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

    from desktop.commands import drafts_status

    drafts_status.register(dsub, _session, common.draft_id)

    a = dsub.add_parser("revisions", help="the kept revisions of a draft, newest first")
    a.add_argument("id", type=common.draft_id, metavar="ID")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a.set_defaults(func=run_revisions)

    from desktop.commands import drafts_team

    drafts_team.register(dsub)


@contextmanager
def _session(args: argparse.Namespace, write: bool = False, edit: bool = False) -> Iterator[Session]:
    """One transaction on the database --db names; storage errors become messages (exit 2). `edit`: the
    command changes drafts, refused plainly when the database could only be opened read-only."""
    from sqlalchemy.exc import DBAPIError

    from desktop.commands.stored import open_db
    from desktop.services.database import DatabaseError, unreadable

    with open_db(args) as db:
        try:
            if db.read_only:
                if edit:
                    db.refuse_edit()
                print(f"grant-assistant: note: {db.read_only_note('en')}", file=sys.stderr)
            with db.session(write=write and not db.read_only) as session:
                yield session
        except DatabaseError as exc:
            raise CommandError(str(exc)) from None
        except DBAPIError as exc:  # met while reading (a page damaged past what quick_check saw, a lock, a full disk)
            raise CommandError(unreadable(db, exc)[0]) from None


def _read_only(session: Session) -> bool:
    return bool(session.connection().exec_driver_sql("PRAGMA query_only").scalar())


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds").replace("+00:00", "Z")


def _money(value: Any) -> str | None:
    from desktop.domain.money import money_str

    return money_str(value)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _damaged_note(damaged: list[Any]) -> None:
    ids = ", ".join(str(d.id) for d in damaged)
    print(
        f"grant-assistant: {len(damaged)} stored draft(s) cannot be read (id {ids}); the others are listed. "
        "`drafts export ID -o FILE.json` writes a damaged draft's raw stored values, `drafts purge ID` "
        "removes it for good",
        file=sys.stderr,
    )


def run_list(args: argparse.Namespace) -> int:
    """Exit 0; 1 when some rows are damaged (the readable ones are still listed)."""
    from desktop.services import drafts as drafts_service

    with _session(args) as s:
        found = drafts_service.list_drafts(s, search=args.search, status=args.status, trash=args.trash)
        if s.connection().dialect.name != "sqlite":
            from desktop.services.team_export import BACKUP_NOTE_EN

            print(f"grant-assistant: note: {BACKUP_NOTE_EN}", file=sys.stderr)
    damaged = [d for d in found if d.damaged]
    if args.json:
        _print_json([
            {"id": d.id, "damaged": d.damaged} if d.damaged else
            {"id": d.id, "title": d.title, "applicant": d.applicant, "status": d.status,
             "max_subsidy": _money(d.max_subsidy), "updated": _when(d.updated_at)}
            for d in found
        ])
    else:
        out = [
            f"{d.id:>5}  damaged    (cannot be read: {d.damaged})" if d.damaged else
            f"{d.id:>5}  {d.status:<9}  {_when(d.updated_at)}  {_money(d.max_subsidy) or '—':>14}  "
            f"{d.title or '(untitled)'} — {d.applicant or '(no applicant)'}"
            for d in found
        ]
        sys.stdout.write("".join(line + "\n" for line in out) or "(no drafts)\n")
    if damaged:
        _damaged_note(damaged)
        return EXIT_BLOCKED
    return EXIT_READY


def run_show(args: argparse.Namespace) -> int:
    from desktop.domain.exchange import dumps
    from desktop.services import drafts as drafts_service

    with _session(args) as s:
        summary = drafts_service.draft_summary(s, draft_id=args.id)
        stored = drafts_service.get_draft(s, draft_id=args.id)
    if args.json:
        sys.stdout.write(dumps(stored.draft))
        return EXIT_READY
    d = stored.draft
    status = summary.status if not summary.damaged else f"unknown (its list row cannot be read: {summary.damaged})"
    rows = [
        ("id", str(stored.id)), ("title", d.title or ""), ("applicant", d.applicant.name or ""),
        ("program", d.program), ("status", status), ("errors", str(summary.errors)),
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

    with _session(args, write=True, edit=True) as s:
        stored = import_draft(s, args.file)
    print(stored.id)
    return EXIT_READY


def run_export(args: argparse.Namespace) -> int:
    """Exit 0; 1 when the draft is damaged and its raw stored values were written instead (not a draft
    file: damaged.RAW_FORMAT); no "export" revision is kept in a read-only database."""
    from desktop.services.database import DamagedDraft
    from desktop.services.drafts import export_draft, export_raw

    target: Path = args.output
    with _session(args, write=True) as s:
        try:
            try:
                export_draft(s, args.id, target, keep_revision=not _read_only(s))
            except DamagedDraft as exc:
                export_raw(s, args.id, target)
                print(
                    f"grant-assistant: {exc.reason}: draft {args.id} cannot be read, so its raw stored values "
                    f"were written to {target} (not a draft file; nothing else was changed)",
                    file=sys.stderr,
                )
                return EXIT_BLOCKED
        except OSError as exc:
            raise CommandError(f"{target}: cannot write the file ({exc.strerror or exc})") from None
    return EXIT_READY


def run_trash(args: argparse.Namespace) -> int:
    from desktop.services import drafts as drafts_service

    if args.action == "purge":  # with the stored evidence files no other draft uses
        from desktop.commands.stored import open_db
        from desktop.services.evidence_files import purge_with_files

        with open_db(args) as db:
            purge_with_files(db, args.id)
        return EXIT_READY

    action = {"delete": drafts_service.delete_draft, "restore": drafts_service.restore_draft,
              "purge": drafts_service.purge_draft}[args.action]
    with _session(args, write=True, edit=True) as s:
        action(s, draft_id=args.id)
    return EXIT_READY


def run_revisions(args: argparse.Namespace) -> int:
    from desktop.services import drafts as drafts_service

    with _session(args) as s:
        found = drafts_service.list_revisions(s, draft_id=args.id)
    if args.json:
        _print_json([
            {"id": r.id, "created": _when(r.created_at), "reason": r.reason, "label": r.label, "version": r.version,
             "author": r.author}
            for r in found
        ])
        return EXIT_READY
    out = [
        f"{r.id:>5}  {_when(r.created_at)}  {r.reason:<8} v{r.version:<5} {r.author or '?':<10} {r.label or ''}"
        .rstrip()
        for r in found
    ]
    sys.stdout.write("".join(line + "\n" for line in out) or "(no revisions)\n")
    return EXIT_READY
