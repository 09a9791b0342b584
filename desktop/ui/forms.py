"""The wizard declared in forms/wizard.yaml, read into plain dataclasses (no Qt here).

The loader refuses unknown keys, unknown editors and unknown choice tables, so a typo in the form
fails loudly at start-up (and in the tests) instead of silently dropping a field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from desktop import paths
from desktop.domain import choices
from desktop.domain.applicant_facts import INDICATOR_KINDS
from desktop.domain.choices import Labels
from desktop.domain.fieldpath import path_under, pattern_of

EDITORS = ("text", "multiline", "choice", "city", "date", "credit_code", "money", "count", "table")
# The editors of a table's columns (a `table` field edits a list of records: financial years, indicators).
COLUMN_EDITORS = ("text", "money", "date", "count", "decimal", "choice")
CHOICE_TABLES: dict[str, Labels] = {
    "center_levels": choices.CENTER_LEVELS,
    "categories": choices.CATEGORIES,
    "kinds": choices.KINDS,
    "uses": choices.USES,
    "conditions": choices.CONDITIONS,
    "attachment_kinds": choices.ATTACHMENT_KINDS,
    "indicator_kinds": INDICATOR_KINDS,
}


class FormError(ValueError):
    """forms/wizard.yaml does not describe a wizard this program can build."""


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class ColumnSpec:
    """A column of a `table` field: the record's field it edits, its editor and its heading."""

    name: str
    editor: str
    label: Text
    choices: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    path: str
    editor: str
    label: Text
    help: Text
    placeholder: Text | None = None
    choices: str | None = None
    required: bool = False
    columns: tuple[ColumnSpec, ...] = ()  # a `table` field's columns
    rows: int | None = None  # a `table` field with this many rows, always (else rows are added and removed)

    def choice_table(self) -> Labels:
        return CHOICE_TABLES[self.choices or ""]


@dataclass(frozen=True)
class StepSpec:
    id: str
    title: Text
    intro: Text
    paths: tuple[str, ...] = ()
    fields: tuple[FieldSpec, ...] = ()
    widget: str | None = None
    verdict: tuple[str, ...] = ()

    def field(self, path: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.path == path), None)


@dataclass(frozen=True)
class FormSpec:
    steps: tuple[StepSpec, ...]
    _by_path: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _memo: dict[str, int | None] = field(default_factory=dict, compare=False, repr=False)

    def index_of(self, step_id: str) -> int:
        for i, step in enumerate(self.steps):
            if step.id == step_id:
                return i
        raise KeyError(step_id)

    def step_of(self, path: str) -> int | None:
        """The step a finding path belongs to: the step with that very field, else the longest prefix.

        Remembered per path and per path with its line numbers taken out (`equipment[].name`): the marks
        are worked out from every finding on every check, thousands in a long equipment list."""
        if path in self._by_path:
            return self._by_path[path]
        if path in self._memo:
            return self._memo[path]
        key = pattern_of(path)
        if key not in self._memo:
            self._memo[key] = self._longest_prefix(key)
        self._memo[path] = self._memo[key]
        return self._memo[path]

    def _longest_prefix(self, path: str) -> int | None:
        best: tuple[int, int] | None = None
        for i, step in enumerate(self.steps):
            for prefix in step.paths:
                if path_under(path, prefix) and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), i)
        return None if best is None else best[1]


def _keys(node: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise FormError(f"{where}: expected a mapping")
    unknown = sorted(set(node) - set(required) - set(optional))
    if unknown:
        raise FormError(f"{where}: unknown key(s) {', '.join(unknown)}")
    missing = [k for k in required if k not in node]
    if missing:
        raise FormError(f"{where}: missing {', '.join(missing)}")
    return node


def _text(node: Any, where: str) -> Text:
    m = _keys(node, where, ("zh", "en"), ())
    return Text(str(m["zh"]), str(m["en"]))


def _column(node: Any, where: str) -> ColumnSpec:
    m = _keys(node, where, ("name", "editor", "label"), ("choices",))
    editor = m["editor"]
    if editor not in COLUMN_EDITORS:
        raise FormError(f"{where}.editor: {editor!r} is not one of {', '.join(COLUMN_EDITORS)}")
    table = m.get("choices")
    if editor == "choice" and table not in CHOICE_TABLES:
        raise FormError(f"{where}.choices: {table!r} is not one of {', '.join(CHOICE_TABLES)}")
    return ColumnSpec(str(m["name"]), editor, _text(m["label"], where + ".label"), table)


def _field(node: Any, where: str) -> FieldSpec:
    m = _keys(node, where, ("path", "editor", "label", "help"),
              ("placeholder", "choices", "required", "columns", "rows"))
    editor = m["editor"]
    if editor not in EDITORS:
        raise FormError(f"{where}.editor: {editor!r} is not one of {', '.join(EDITORS)}")
    table = m.get("choices")
    if editor == "choice" and table not in CHOICE_TABLES:
        raise FormError(f"{where}.choices: {table!r} is not one of {', '.join(CHOICE_TABLES)}")
    if (editor == "table") != ("columns" in m):
        raise FormError(f"{where}: a table field, and only a table field, lists its columns")
    columns = tuple(_column(c, f"{where}.columns[{i}]") for i, c in enumerate(m.get("columns") or ()))
    rows = m.get("rows")
    if rows is not None and (not isinstance(rows, int) or isinstance(rows, bool) or rows < 1):
        raise FormError(f"{where}.rows: expected a whole number above 0, got {rows!r}")
    return FieldSpec(
        path=str(m["path"]),
        editor=editor,
        label=_text(m["label"], where + ".label"),
        help=_text(m["help"], where + ".help"),
        placeholder=_text(m["placeholder"], where + ".placeholder") if "placeholder" in m else None,
        choices=table,
        required=bool(m.get("required", False)),
        columns=columns,
        rows=rows,
    )


def _step(node: Any, where: str) -> StepSpec:
    m = _keys(node, where, ("id", "title", "intro"), ("paths", "fields", "widget", "verdict"))
    if ("fields" in m) == ("widget" in m):
        raise FormError(f"{where}: give either fields or widget")
    fields = tuple(_field(f, f"{where}.fields[{i}]") for i, f in enumerate(m.get("fields") or ()))
    widget = m.get("widget")
    if widget is not None and ":" not in str(widget):
        raise FormError(f"{where}.widget: expected module:Class, got {widget!r}")
    own = tuple(f.path for f in fields)
    indexed = [str(p) for p in (*(m.get("paths") or ()), *own) if pattern_of(str(p)) != str(p)]
    if indexed:
        raise FormError(f"{where}: a step's paths name no single line ({', '.join(indexed)})")
    return StepSpec(
        id=str(m["id"]),
        title=_text(m["title"], where + ".title"),
        intro=_text(m["intro"], where + ".intro"),
        paths=tuple(str(p) for p in (m.get("paths") or ())) + own,
        fields=fields,
        widget=str(widget) if widget is not None else None,
        verdict=tuple(str(r) for r in (m.get("verdict") or ())),
    )


def parse_form(text: str, source: str = "forms/wizard.yaml") -> FormSpec:
    top = _keys(yaml.safe_load(text), source, ("version", "steps"), ())
    steps = tuple(_step(s, f"steps[{i}]") for i, s in enumerate(top["steps"]))
    ids = [s.id for s in steps]
    if len(set(ids)) != len(ids):
        raise FormError(f"{source}: step ids repeat")
    by_path: dict[str, int] = {}
    for i, step in enumerate(steps):
        for f in step.fields:
            if f.path in by_path:
                raise FormError(f"{source}: {f.path} is edited on two steps")
            by_path[f.path] = i
    return FormSpec(steps, by_path)


@cache
def load_form(path: str | None = None) -> FormSpec:
    source = Path(path) if path else paths.forms_dir() / "wizard.yaml"
    return parse_form(source.read_text(encoding="utf-8"), str(source))
