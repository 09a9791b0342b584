"""Every command of the command line with random arguments and files (hypothesis).

Whatever the arguments: no traceback (no exception leaves `main`, nothing of one on stderr), only the
documented exit codes (0 done/ready, 1 blocked, 2 usage or unreadable/unwritable), no temporary file
left, and no file written but the outputs the arguments name and the database in the data folder.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop import paths
from desktop.cli import build_parser, main
from tests.unit.ledgers import HEADERS, write_workbook

pytestmark = pytest.mark.slow

EXIT_CODES = {0, 1, 2}
INPUTS = ["demo.json", "blocked.json", "ledger.csv", "ledger.xlsx", "garbage.bin", "empty.json", "folder",
          "missing.json", "pipe", "/dev/zero", "bad-\udcff.json"]
OUTPUTS = ["out.pdf", "out.zip", "out.json", "out.xlsx", "folder", "missing-folder/out.pdf", "/dev/null",
           "bad-\udcfe.out"]


def _workspace(root: Path) -> None:
    demo = paths.demo_draft_path().read_text(encoding="utf-8")
    (root / "demo.json").write_text(demo, encoding="utf-8")
    (root / "blocked.json").write_text(demo.replace('"national"', '"none"'), encoding="utf-8")
    (root / "ledger.csv").write_text("设备名称,数量,单价,购置日期\n机器人,2,100.00,2025-10-15\n坏行,x,,\n",
                                     encoding="utf-8")
    write_workbook(root / "ledger.xlsx", [HEADERS, [1, "设备", "M", 1, "10.00", "10.00", "2025-10-15", "1", "x"]])
    (root / "garbage.bin").write_bytes(bytes(range(256)) * 4)
    (root / "empty.json").write_bytes(b"")
    (root / "folder").mkdir()
    os.mkfifo(root / "pipe")
    (root / os.fsdecode(b"bad-\xff.json")).write_text(demo, encoding="utf-8")
    # a database with three drafts, one in the trash, for the drafts commands to find
    for name in ("demo.json", "blocked.json", "demo.json"):
        _quiet(["--db", str(root / "seed.sqlite3"), "drafts", "import", str(root / name)])
    _quiet(["--db", str(root / "seed.sqlite3"), "drafts", "delete", "3"])


def _quiet(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(args)


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for p in root.rglob("*"):
        st_ = p.lstat()
        out[str(p.relative_to(root))] = (st_.st_size, st_.st_mtime_ns)
    return out


TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)
UNDECODABLE = st.binary(min_size=1, max_size=6).map(lambda b: os.fsdecode(b.replace(b"\0", b"\xff")))
VALUE = st.one_of(
    TEXT, UNDECODABLE, st.sampled_from(INPUTS), st.sampled_from(OUTPUTS),
    st.integers(-(2**70), 2**70).map(str), st.sampled_from(["2026-06-01", "2025-02-30", "9999-12-31", "0001-01-01"]),
    st.sampled_from(["zh", "en", "bilingual", "ready", "blocked", "unchecked", "comma", "tab", ";", "gbk", "x"]),
)
IDS = st.one_of(st.sampled_from(["1", "2", "3"]), st.integers(-(2**70), 2**70).map(str), VALUE)
FLAGS = {"--json", "--draft", "--no-appendix", "--dry-run", "--trash", "--help"}
# Each command's usual shape: (positionals, options it knows); a drawn value may replace any of them.
SHAPES: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("validate",): (("in",), ("--as-of", "--json", "--lang")),
    ("export",): (("in",), ("-o", "--as-of", "--lang", "--draft")),
    ("package",): (("in",), ("-o", "--as-of", "--lang", "--draft", "--attachments", "--no-appendix")),
    ("import-lines",): (("in", "in"), ("-o", "--sheet", "--dry-run", "--encoding", "--delimiter", "--lang")),
    ("export-lines",): (("in",), ("-o", "--lang")),
    ("demo",): ((), ("-o",)),
    ("drafts", "list"): ((), ("--json", "--search", "--status", "--trash")),
    ("drafts", "show"): (("id",), ("--json",)),
    ("drafts", "import"): (("in",), ()),
    ("drafts", "export"): (("id",), ("-o",)),
    ("drafts", "delete"): (("id",), ()),
    ("drafts", "restore"): (("id",), ()),
    ("drafts", "purge"): (("id",), ()),
    ("drafts", "revisions"): (("id",), ("--json",)),
}


def _shapes() -> dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]]:
    """SHAPES, and every other command the parser knows, read from the parser itself (so a command
    added later is fuzzed too): ID positionals take ids, the others files; options as declared."""
    shapes = dict(SHAPES)

    def visit(parser: argparse.ArgumentParser, prefix: tuple[str, ...]) -> None:
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not nested and prefix:
            if prefix not in shapes:
                positionals = tuple("id" if (a.metavar or "") == "ID" else "in"
                                    for a in parser._actions if not a.option_strings)
                options = tuple(a.option_strings[0] for a in parser._actions
                                if a.option_strings and a.option_strings[0] not in ("-h", "--help"))
                shapes[prefix] = (positionals, options)
            for a in parser._actions:
                if a.option_strings and a.nargs == 0:
                    FLAGS.update(a.option_strings)
        for action in nested:
            for name, sub in action.choices.items():
                visit(sub, (*prefix, name))

    visit(build_parser(), ())
    return shapes


OPTION_VALUES = {
    "--as-of": st.sampled_from(["2026-06-01", "2025-10-01", "2025-02-30", "2028-01-01"]) | VALUE,
    "--lang": st.sampled_from(["zh", "en", "bilingual"]) | VALUE,
    "--status": st.sampled_from(["ready", "blocked", "unchecked"]) | VALUE,
    "--attachments": st.sampled_from(["folder", "missing", "demo.json"]) | VALUE,
    "--delimiter": st.sampled_from(["comma", "tab", ";", ","]) | VALUE,
    "--encoding": st.sampled_from(["utf-8", "gbk", "utf-16", "nope"]) | VALUE,
}


ALL_SHAPES = _shapes()


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(ALL_SHAPES)))
    positionals, options = ALL_SHAPES[command]
    args = list(command)
    if command[0] not in ("validate", "export", "package", "import-lines", "export-lines", "demo") and draw(
        st.integers(0, 4)
    ) == 0:
        args[:0] = ["--db", draw(st.sampled_from(["db.sqlite3", "folder", "garbage.bin", "demo.json", "sqlite://"]))]
    for n, kind in enumerate(positionals):
        if kind == "id":
            args.append(draw(IDS))
            continue
        usual = ["ledger.csv", "ledger.xlsx"] if n == 1 else ["demo.json", "blocked.json"]
        args.append(draw(st.sampled_from(usual) if draw(st.integers(0, 3)) else st.sampled_from(INPUTS)))
    takes_output = bool({"-o", "--output"} & set(options))
    if takes_output and draw(st.integers(0, 5)):
        args += ["-o", draw(st.sampled_from(OUTPUTS))]
    for option in draw(st.lists(st.sampled_from(options), max_size=3, unique=True)) if options else []:
        if option in ("-o", "--output"):
            continue
        args.append(option)
        if option not in FLAGS:
            args.append(draw(OPTION_VALUES.get(option, VALUE)))
    if draw(st.integers(0, 4)) == 0:  # now and then, a token replaced or added at random
        at = draw(st.integers(0, len(args)))
        token = draw(VALUE | st.sampled_from(["--help", "--json", "-o", "--bogus"]))
        if at < len(args) and draw(st.booleans()):
            args[at] = token
        else:
            args.insert(at, token)
    return args


def _named_outputs(args: list[str]) -> set[str]:
    """The outputs the arguments name: -o, and the database --db names (with SQLite's side files)."""
    named = set()
    for option, value in zip(args, args[1:], strict=False):
        if option in ("-o", "--output"):
            named.add(os.path.normpath(value))
        if option == "--db" and value:
            named.update(os.path.normpath(value + tail) for tail in ("", "-wal", "-shm", "-journal"))
    return named


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("fuzz")
    _workspace(root)
    yield root


@settings(max_examples=160, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(args=command_lines())
def test_every_command_with_random_arguments(args: list[str], workspace: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    work = workspace / "run"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(workspace, work, ignore=shutil.ignore_patterns("pipe", "run", "seed.sqlite3*"))
    os.mkfifo(work / "pipe")
    home = work / "home"
    home.mkdir()
    shutil.copy(workspace / "seed.sqlite3", home / "drafts.sqlite3")
    monkeypatch.chdir(work)
    monkeypatch.setenv("GRANT_ASSISTANT_HOME", str(home))
    monkeypatch.delenv("GRANT_ASSISTANT_DB", raising=False)
    before = _snapshot(work)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse: usage (2) or --help (0)
            code = exc.code if isinstance(exc.code, int) else 2
    stderr = err.getvalue()
    event(f"{ascii(args[:2])} -> {code}")
    assert code in EXIT_CODES, (args, code, stderr)
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, (args, stderr)
    if code == 2:
        assert stderr.strip(), args  # a failure always says why
    after = _snapshot(work)
    named = _named_outputs(args)
    for name, stamp in after.items():
        if name == "home" or name.startswith("home/"):
            continue  # the database and its backups in the data folder
        assert not name.endswith(".part"), (args, name)
        if before.get(name) != stamp:
            assert os.path.normpath(name) in named, (args, name, "written but not named as an output")
    for name in before:
        assert name in after, (args, name, "an input disappeared")
