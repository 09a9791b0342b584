"""grant-assistant package DRAFT.json -o OUT.zip [--as-of] [--attachments DIR] [--lang] [--draft]"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import EXIT_READY, fail, path_arg
from desktop.commands.export import add_export_options, blocked


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "package", help="build the submission package (ZIP: PDF, draft, attachments, manifest)",
        description="Build one ZIP with application.pdf, draft.json, every attachment and manifest.json "
        "(size and SHA-256 of each file). Attachments are found by their `path` (relative to the draft "
        "file) or by name in --attachments DIR, and read only from inside the draft's folder and that folder "
        "(links followed, ordinary files only): anything else is refused by name with exit code 2 and "
        "nothing is written. PDFs and images are also appended to the PDF. A draft lacking a required "
        "document (营业执照, approval, audit and credit reports, 法定代表人证明书 or 授权委托书) is refused "
        "naming each one (exit 1); --draft builds a watermarked draft package.",
    )
    p.add_argument("-o", "--output", type=path_arg, required=True, metavar="OUT.zip")
    add_export_options(p)
    p.add_argument("--attachments", type=Path, default=None, metavar="DIR",
                   help="folder holding the attachments (read only from it and the draft's folder)")
    p.add_argument("--no-appendix", dest="appendix", action="store_false",
                   help="do not append PDF and image attachments to the application PDF")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.exporting import AttachmentError, BlockedDraftError, package_file

    if args.attachments is not None and not args.attachments.is_dir():
        return fail(f"{args.attachments}: not a folder (--attachments)")
    try:
        package_file(
            args.draft, args.output, as_of=args.as_of, lang=args.lang, draft_copy=args.draft_copy,
            attachments_dir=args.attachments, appendix=args.appendix,
        )
    except BlockedDraftError as exc:
        from desktop.services.evidence import missing_documents_in

        return blocked(args.draft, exc.errors, missing_documents_in(args.draft, args.as_of, args.lang))
    except AttachmentError as exc:  # refused or not found: named with the draft it is in (exit 2)
        return fail(f"{args.draft}: {exc}")
    except ValueError as exc:
        return fail(str(exc))
    print(args.output)
    return EXIT_READY
