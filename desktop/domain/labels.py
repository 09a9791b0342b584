"""People's names for the draft's values, by path pattern (line indexes written as []): the labels of the
field catalogue (desktop/domain/fields.py)."""

from __future__ import annotations

from desktop.domain.fieldpath import pattern_of
from desktop.domain.fields import FIELD_LABELS
from desktop.domain.lang import choose


def field_label(path: str, lang: str) -> str:
    pair = FIELD_LABELS.get(pattern_of(path))
    if pair is None:
        return path
    return choose(lang, *pair)
