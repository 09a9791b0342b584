"""grant-assistant demo -o FILE: write the demo draft (a national-level centre in Guangzhou)."""

from __future__ import annotations

import argparse

from desktop.commands.common import EXIT_READY, path_arg


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="write the demo draft to a file")
    p.add_argument("-o", "--output", type=path_arg, required=True, metavar="FILE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop import paths
    from desktop.files import write_atomic
    from desktop.services.checking import read_draft_file

    source = paths.demo_draft_path()
    read_draft_file(source)  # refuse to hand out a demo that does not read
    write_atomic(args.output, source.read_bytes())
    print(args.output)
    return EXIT_READY
