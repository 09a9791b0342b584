"""grant-assistant export DRAFT.json -o OUT.pdf [--as-of YYYY-MM-DD] [--lang zh|en|bilingual] [--draft | --report]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import EXIT_BLOCKED, EXIT_READY, add_as_of, add_lang, fail, path_arg

LANGS = ("zh", "en", "bilingual")


def add_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("draft", type=path_arg, metavar="DRAFT.json")
    add_as_of(p)
    add_lang(p, LANGS)
    p.add_argument(
        "--draft", dest="draft_copy", action="store_true",
        help="export even with errors: a draft copy, watermarked 草稿 / DRAFT on every page",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export", help="print the application (申报书) as a PDF",
        description="Render the application as PDF. The creation date stamped in the file is "
        "SOURCE_DATE_EPOCH when set, else the check date at 00:00 UTC, so the same draft and date "
        "give the same bytes.",
    )
    p.add_argument("-o", "--output", type=path_arg, required=True, metavar="OUT.pdf")
    add_export_options(p)
    p.add_argument(
        "--report", action="store_true",
        help="write the self-check report (自查报告: findings with clause and basis, lines not counted, the "
        "computation line by line, rule pack and fingerprints) instead of the application; written for a "
        "blocked draft too (exit 1)",
    )
    p.set_defaults(func=run)


def blocked(draft: Path, errors: int, missing: list[str] | None = None) -> int:
    print(
        f"grant-assistant: {draft}: not exported: the draft has {errors} error(s). Fix them "
        "(see `grant-assistant validate`) or use --draft for a watermarked draft copy.",
        file=sys.stderr,
    )
    if missing:
        print(
            f"grant-assistant: {draft}: cannot be printed as final while these documents are missing "
            f"(缺少以下材料，不能正式打印): {'; '.join(missing)}",
            file=sys.stderr,
        )
    return EXIT_BLOCKED


def run(args: argparse.Namespace) -> int:
    from desktop.services.exporting import AttachmentError, BlockedDraftError, export_file

    if args.report and args.draft_copy:
        return fail("--report and --draft cannot be used together (the report is never watermarked)")
    try:
        assessment = export_file(
            args.draft, args.output, as_of=args.as_of, lang=args.lang, draft_copy=args.draft_copy,
            report=args.report,
        )
    except BlockedDraftError as exc:
        from desktop.services.evidence import missing_documents_in

        return blocked(args.draft, exc.errors, missing_documents_in(args.draft, args.as_of, args.lang))
    except (ValueError, AttachmentError) as exc:
        return fail(str(exc))
    print(args.output)
    return EXIT_BLOCKED if args.report and assessment.status == "blocked" else EXIT_READY
