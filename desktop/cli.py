"""The command line. Bare `grant-assistant` starts the desktop program; sub-commands check and export.

Exit codes everywhere: 0 ready / done, 1 blocked (errors found), 2 the input could not be read or the
output could not be written (message on stderr, nothing half-written).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__

# Each module in desktop/commands/ adds one sub-command (or a group of them).
COMMAND_MODULES = (
    "validate",
    "demo",
    "export", "package",
    "import_lines",
    "drafts",
    "attach", "archive", "auditor",
    "packs",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grant-assistant",
        description="Prepare, check and print applications for Guangdong's R&D-equipment subsidy "
        "(粤工信规字〔2025〕6号). Without a command, the desktop program starts.",
    )
    parser.add_argument("--version", action="version", version=f"grant-assistant {__version__}")
    parser.add_argument(
        "--db", metavar="PATH|URL", default=None,
        help="the drafts database (a file or an SQLAlchemy URL; default: GRANT_ASSISTANT_DB or the data folder)",
    )
    parser.add_argument("--open", metavar="DRAFT.json", type=Path, default=None,
                        help="the desktop program, with this draft file imported and opened")
    parser.add_argument("--smoke-test", action="store_true",
                        help="the desktop program opens the demo draft and quits once it is shown "
                        "(exit 0): checks an installed program")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.commands.{name}").register(sub)
    return parser


def _utf8_streams() -> None:
    # A closed standard stream (`>&-`) is None in Python: write into nothing rather than crash.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command and (args.open or args.smoke_test):
        parser.error("--open and --smoke-test start the desktop program: give them without a command")
    if not args.command:
        from desktop.app import run_gui

        return run_gui(db=args.db, open_file=args.open, smoke_test=args.smoke_test)

    from desktop.commands.common import CommandError, fail
    from desktop.domain.errors import DraftFormatError
    from desktop.rules.yamlnodes import PackError

    try:
        code: int = args.func(args)
        return code
    except (DraftFormatError, PackError, CommandError) as exc:
        return fail(str(exc))
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        return fail(f"cannot write or read{name}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
