"""The languages the program writes in, and a text held in both.

`Lang` is "zh", "en" or "bilingual" (a document in both). It is a str, so it compares, prints and is
stored as the bare name the draft format, the command line and the settings use; `Lang.parse` turns
such a name into one and refuses any other naming the value.

Every choice between the languages is made here (tests/unit/test_arch_languages.py keeps it so):
- `Bilingual(zh, en).pick(lang)` gives the text in `lang`; bilingual joins both as "中文 / English"
  (the join the printed application uses; a caller may give another separator, never another order);
- `lang.choose(zh, en)` picks one of two things that are not joined (a separator, a width, a format):
  English for "en", Chinese for "zh" and for "bilingual" (a document in both reads Chinese first);
- `lang.parts` lists the languages a text is written in, one after the other ("zh", "en" for bilingual).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")

SEPARATOR = " / "  # how bilingual text joins Chinese and English: 申报单位 / Applicant


class LangError(ValueError):
    """A language name that is not "zh", "en" or "bilingual"."""


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"
    BILINGUAL = "bilingual"

    @classmethod
    def parse(cls, value: str | Lang) -> Lang:
        """The language named `value`; any other name is refused, naming it and the names accepted."""
        found = _BY_NAME.get(value)  # a dictionary look-up: this runs for every message of a check
        if found is not None:
            return found
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(f'"{m.value}"' for m in cls)
            raise LangError(f"unknown language {value!r}: use one of {names}") from None

    @property
    def english(self) -> bool:
        """True for "en" only (a bilingual text is not English alone)."""
        return self is Lang.EN

    @property
    def chinese(self) -> bool:
        """True for "zh" only."""
        return self is Lang.ZH

    @property
    def both(self) -> bool:
        """True for "bilingual"."""
        return self is Lang.BILINGUAL

    @property
    def one(self) -> Lang:
        """The single language of something written once: Chinese for a bilingual document."""
        return Lang.EN if self is Lang.EN else Lang.ZH

    @property
    def parts(self) -> tuple[Lang, ...]:
        """The languages a text is written in, Chinese first."""
        return (Lang.ZH, Lang.EN) if self is Lang.BILINGUAL else (self,)

    def compose(self, text: Callable[[Lang], str], sep: str = SEPARATOR) -> str:
        """`text` of this language; for bilingual, `text` of Chinese and of English joined by `sep`
        (for a text made for each language in turn, as a message with its values filled in)."""
        if self is Lang.BILINGUAL:
            return f"{text(Lang.ZH)}{sep}{text(Lang.EN)}"
        return text(self)

    def choose(self, zh: T, en: T) -> T:
        """`en` for English, `zh` for Chinese and bilingual (for things that are not joined)."""
        return en if self is Lang.EN else zh


_BY_NAME: dict[str, Lang] = {m.value: m for m in Lang}
LANGS: tuple[str, ...] = tuple(m.value for m in Lang)  # the names accepted, for option lists
UI_LANGS: tuple[str, ...] = (Lang.ZH.value, Lang.EN.value)  # the program's own windows speak one


def choose(lang: str | Lang, zh: T, en: T) -> T:
    """`Lang.parse(lang).choose(zh, en)`, for callers that hold the bare name."""
    return Lang.parse(lang).choose(zh, en)


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A text in Chinese and English."""

    zh: str
    en: str

    def pick(self, lang: str | Lang, sep: str = SEPARATOR) -> str:
        """The text in `lang`; bilingual gives both, Chinese first, joined by `sep`."""
        lang = Lang.parse(lang)
        if lang is Lang.BILINGUAL:
            return f"{self.zh}{sep}{self.en}"
        return lang.choose(self.zh, self.en)

    def get(self, lang: str | Lang) -> str:
        """The same as `pick` with the usual separator."""
        return self.pick(lang)

    def one(self, lang: str | Lang) -> str:
        """The text in the one language of `lang` (Chinese for bilingual): for a place with room for one."""
        return Lang.parse(lang).choose(self.zh, self.en)

    def format(self, **values: object) -> Bilingual:
        """Both texts with their {name} fields filled in."""
        return Bilingual(self.zh.format(**values), self.en.format(**values))

    @classmethod
    def of(cls, pair: tuple[str, str]) -> Bilingual:
        return cls(pair[0], pair[1])


def pick(pair: tuple[str, str], lang: str | Lang, sep: str = SEPARATOR) -> str:
    """`Bilingual.of(pair).pick(lang, sep)`: for the (zh, en) pairs of the message tables."""
    return Bilingual(pair[0], pair[1]).pick(lang, sep)
