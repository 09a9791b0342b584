"""grant-assistant [--db PATH|URL] archive-export ID -o OUT.zip | archive-import FILE.zip [--lang zh|en]

    archive-export ID -o OUT.zip   the stored draft and every evidence file it refers to, in one ZIP
    archive-import FILE.zip        a new stored draft from such a ZIP; prints its id alone on stdout

Exit 0 done, 2 when the database, the archive or the draft cannot be used (message on stderr; nothing
written then). Files the draft refers to but the archive lacks are named on stderr (warning).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import EXIT_READY, CommandError, add_lang
from desktop.commands.stored import open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    a = sub.add_parser("archive-export", help="write a stored draft and its evidence files to one ZIP")
    a.add_argument("id", type=int, metavar="ID")
    a.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.zip")
    a.set_defaults(func=run_export)
    a = sub.add_parser("archive-import", help="store the draft of a ZIP written by archive-export; prints its id")
    a.add_argument("file", type=Path, metavar="FILE.zip")
    add_lang(a)
    a.set_defaults(func=run_import)


def _missing(digests: list[str], where: str) -> None:
    for digest in digests:
        print(f"grant-assistant: warning: {where}: file {digest[:16]}… is not included; attach it again",
              file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    from desktop.services.evidence_files import export_archive

    with open_db(args) as db:
        try:
            missing = export_archive(db, args.id, args.output)
        except OSError as exc:
            raise CommandError(f"{args.output}: cannot write the file ({exc.strerror or exc})") from None
    _missing(missing, str(args.output))
    print(args.output)
    return EXIT_READY


def run_import(args: argparse.Namespace) -> int:
    from desktop.services.archive import ArchiveError
    from desktop.services.evidence_files import import_archive

    with open_db(args) as db:
        try:
            stored, missing = import_archive(db, args.file)
        except ArchiveError as exc:
            raise CommandError(exc.text(args.lang)) from None
    _missing(missing, str(args.file))
    print(stored.id)
    return EXIT_READY
