"""The README's command-line usage lines say what the parsers accept."""

from __future__ import annotations

import re

import pytest

from desktop import paths
from desktop.cli import main

README = (paths.demo_draft_path().parent.parent / "README.md").read_text(encoding="utf-8")
BLOCK = README.split("## The command line", 1)[1].split("```", 2)[1]


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit):
        main([*args, "-h"])
    return capsys.readouterr().out


def test_every_option_of_every_usage_line_exists(capsys: pytest.CaptureFixture[str]) -> None:
    lines = [line for line in BLOCK.splitlines() if line.strip()]
    assert lines and all(line.startswith(("grant-assistant", " ")) for line in lines)
    checked = 0
    for line in lines:
        words = line.split("#")[0].split()
        if not words or words[0] != "grant-assistant":
            continue
        rest = [w for w in words[1:] if not w.startswith("[--db")]
        command = [w for w in rest[:2] if re.fullmatch(r"[a-z][a-z-]*", w)]
        if command[:1] in ([], ["drafts"]):
            continue  # the bare program; the drafts actions are checked below
        text = _help(capsys, *command[:1])
        written = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", line.split("#")[0])) - {"--db"}
        usage = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", text.split("\n\n")[0])) - {"-h"}
        assert written == usage, (line, written ^ usage)
        checked += len(written)
    assert checked >= 15


def test_every_drafts_action_and_its_options_exist(capsys: pytest.CaptureFixture[str]) -> None:
    text = BLOCK[BLOCK.index("drafts list"):]
    for part in text.split("|"):
        words = part.split()
        action = words[1] if words[0] == "drafts" else words[0]
        usage = _help(capsys, "drafts", action).split("\n\n")[0]
        written = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", part))  # not the "-all" of export-all
        assert written == set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", usage)) - {"-h"}, action
