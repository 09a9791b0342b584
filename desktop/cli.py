"""The command line. Bare `grant-assistant` starts the desktop program; sub-commands check and export.

Exit codes everywhere: 0 ready / done, 1 blocked (errors found), 2 a bad argument (argparse's usage
message), or the input could not be read or the output could not be written (message on stderr naming
the file, nothing half-written), 130 interrupted. Nothing else: no traceback reaches the user for a
file, an argument or a disk they got wrong.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.commands.common import text_arg

# Each module in desktop/commands/ adds one sub-command (or a group of them).
COMMAND_MODULES = (
    "validate",
    "demo",
    "export", "package",
    "import_lines",
    "drafts",
    "attach", "attach_folder", "archive", "auditor",
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
        "--db", metavar="PATH|URL", default=None, type=text_arg,
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


# How a character the console's encoding cannot hold is written: as JSON's \uXXXX escape (a pair of them
# beyond the BMP), so a line stays readable, `--json` output stays JSON that reads back the same text, and
# nothing raises.
ESCAPE_ERRORS = "grant-assistant-escape"


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


codecs.register_error(ESCAPE_ERRORS, _escape_unencodable)


def _writes_chinese(encoding: str) -> bool:
    try:
        "申报中心".encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def console_streams() -> None:
    """stdout and stderr that never raise on a character: a console or pipe in an encoding that writes
    Chinese (UTF-8, or GBK/cp936 where Windows pipes and redirects write the ANSI code page) keeps it, and
    what it cannot hold (✓, •, an emoji or a rare character in a company name, a file name's undecodable
    bytes) is written as an escape; an encoding without Chinese (ASCII, Latin-1) gives way to UTF-8."""
    # A closed standard stream (`>&-`, or pythonw on Windows) is None: write into nothing rather than crash.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            encoding = getattr(stream, "encoding", None) or "utf-8"
            reconfigure(encoding=encoding if _writes_chinese(encoding) else "utf-8", errors=ESCAPE_ERRORS)


def main(argv: Sequence[str] | None = None) -> int:
    console_streams()
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
    from desktop.files import InputTooLarge, NotAFile, OutputError
    from desktop.rules.yamlnodes import PackError

    # A command is one pass over one draft, and reference counting frees almost all it makes. The cyclic
    # collector, walking a heap of 330,000 lines again and again, made checking grow faster than the draft
    # (19 against 7 us a line at 330,000 lines); paused for the command, the time is linear and the peak
    # memory the same (export of 40,000 lines: 268 MB either way).
    collecting = gc.isenabled()
    gc.disable()
    try:
        code: int = args.func(args)
        return code
    except (DraftFormatError, PackError, CommandError, OutputError, InputTooLarge, NotAFile) as exc:
        return fail(str(exc))
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        return fail(f"cannot write or read{name}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        message = _database_failure(exc, args.db)
        if message is None:
            raise
        return fail(message)
    finally:
        if collecting:
            gc.enable()


def _database_failure(exc: Exception, db: str | None) -> str | None:
    """The message for a database that failed mid-command (a full disk, a lost lock), without the
    statement and its parameters SQLAlchemy puts in its own message; None for any other error."""
    import sqlite3

    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    orig: BaseException | None = None
    if isinstance(exc, sqlite3.Error):
        orig = exc
    elif sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.DBAPIError):
        orig = exc.orig
    if orig is None:
        return None
    from desktop import paths

    where = paths.database_location(db)
    reason = str(orig).splitlines()[0][:200] if str(orig) else type(orig).__name__
    if "full" in reason.lower():
        return f"the disk is full, nothing was written to the database {where} (the change was rolled back)"
    return f"the database {where} failed: {reason}; the change was rolled back"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
