"""Languages are picked in one place: desktop/domain/lang.py. Anywhere else, comparing a language name
("zh", "en", "bilingual") or a `Lang` member, or joining a Chinese and an English text by hand, is a
second picker; this test names each one's file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.domain.lang import Bilingual, Lang, LangError, choose, pick

ROOT = Path(__file__).resolve().parents[2]
HOME = Path("desktop/domain/lang.py")
NAME = r"""["'](?:zh|en|bilingual)["']"""
PICKERS = [
    # lang == "en", "zh" != one, lang in ("zh", "en"), lang is Lang.EN, lang == Lang.BILINGUAL
    ("compares a language name", re.compile(rf"(?:==|!=)\s*{NAME}|{NAME}\s*(?:==|!=)")),
    ("tests membership in a list of language names", re.compile(rf"\bin\s*[\(\[]\s*{NAME}\s*,")),
    ("compares a Lang member", re.compile(r"(?:==|!=|\bis(?:\s+not)?)\s*Lang\.[A-Z]|Lang\.[A-Z]+\s*(?:==|!=)")),
    ("maps language names to values", re.compile(r"""["']bilingual["']\s*:""")),
    # f"{zh} / {en}", f"{pair[0]} / {pair[1]}", f"{field_label(p, 'zh')} / {field_label(p, 'en')}"
    ("joins Chinese and English by hand",
     re.compile(r"\{[^{}]*(?:zh|\[0\])[^{}]*\}\s?/\s?\{[^{}]*(?:en|\[1\])[^{}]*\}")),
]


def pickers_in(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0] if not line.lstrip().startswith(("'", '"')) else line
        for what, pattern in PICKERS:
            if pattern.search(code):
                found.append((number, what))
    return found


def test_no_language_picker_outside_lang_module() -> None:
    problems = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel == HOME:
            continue
        for number, what in pickers_in(path.read_text(encoding="utf-8")):
            problems.append(f"{rel}:{number}: {what}; use desktop.domain.lang (Lang, Bilingual, choose, pick)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("line", [
    'if lang == "en":',
    "x = a if 'zh' != lang else b",
    'ok = lang in ("zh", "en")',
    "if lang is Lang.BILINGUAL:",
    'PDF_LANG = {"zh": "zh-CN", "en": "en", "bilingual": "zh-CN"}',
    'return f"{zh} / {en}"',
    "return f\"{field_label(path, 'zh')} / {field_label(path, 'en')}\"",
    'return f"{pair[0]} / {pair[1]}"',
])
def test_the_scan_finds_a_picker(line: str) -> None:
    assert pickers_in(f"x = 1\n{line}\n") == [(2, pickers_in(line)[0][1])]


@pytest.mark.parametrize("line", [
    'def text(self, lang: str = "en") -> str:',
    "return choose(lang, zh, en)",
    'shown = " / ".join(en for _, en in table.values())',
    'm = _keys(node, where, ("zh", "en"), ())',
])
def test_the_scan_passes_what_is_not_a_picker(line: str) -> None:
    assert pickers_in(line) == []


def test_parse_accepts_the_names_and_refuses_others_naming_them() -> None:
    assert [Lang.parse(n) for n in ("zh", "en", "bilingual")] == [Lang.ZH, Lang.EN, Lang.BILINGUAL]
    assert Lang.parse(Lang.EN) is Lang.EN
    assert str(Lang.EN) == "en" and f"{Lang.BILINGUAL}" == "bilingual"  # stored and printed as the bare name
    assert "en" in {Lang.EN}  # and equal to it
    with pytest.raises(LangError, match=r"unknown language 'fr'.*\"zh\", \"en\", \"bilingual\""):
        Lang.parse("fr")
    with pytest.raises(ValueError, match="unknown language ''"):
        choose("", 1, 2)


def test_one_join_rule_chinese_first() -> None:
    text = Bilingual("申报单位", "Applicant")
    assert [text.pick(n) for n in ("zh", "en", "bilingual")] == ["申报单位", "Applicant", "申报单位 / Applicant"]
    assert text.pick("bilingual", "\n") == "申报单位\nApplicant"
    assert [text.one(n) for n in Lang] == ["申报单位", "Applicant", "申报单位"]
    assert pick(("是", "yes"), "bilingual") == "是 / yes"
    assert Lang.BILINGUAL.compose(lambda one: f"<{one}>") == "<zh> / <en>"
    assert Lang.EN.compose(lambda one: f"<{one}>") == "<en>"
    assert Bilingual("{n} 行", "{n} lines").format(n=3).pick("bilingual") == "3 行 / 3 lines"


def test_choosing_one_of_two_things() -> None:
    assert [Lang.parse(n).choose("；", "; ") for n in ("zh", "en", "bilingual")] == ["；", "; ", "；"]
    assert [m.one for m in Lang] == [Lang.ZH, Lang.EN, Lang.ZH]
    assert [m.parts for m in Lang] == [(Lang.ZH,), (Lang.EN,), (Lang.ZH, Lang.EN)]
    assert [(m.chinese, m.english, m.both) for m in Lang] == [
        (True, False, False), (False, True, False), (False, False, True)]
