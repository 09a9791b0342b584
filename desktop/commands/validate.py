"""grant-assistant validate DRAFT.json [--as-of YYYY-MM-DD] [--json] [--lang zh|en]"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.commands.common import EXIT_BLOCKED, EXIT_READY, add_as_of, add_lang, path_arg


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("validate", help="check a draft file against its rule pack")
    p.add_argument("draft", type=path_arg, metavar="DRAFT.json")
    add_as_of(p)
    p.add_argument("--json", action="store_true", help="print the assessment as one JSON object")
    add_lang(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.checking import assess, read_draft_file
    from desktop.services.report import render_text

    draft = read_draft_file(args.draft)
    assessment = assess(draft, args.as_of)
    if args.json:
        json.dump(assessment.to_json(args.lang), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(assessment, str(args.draft), args.lang))
    return EXIT_READY if assessment.status == "ready" else EXIT_BLOCKED
