"""The wizard declared in forms/wizard.yaml, read into plain dataclasses (no Qt here; desktop/ui builds
its pages from them).

Read by the strict YAML reader of the rule packs (yamlnodes.py): a repeated key, an unknown key, an
unknown editor or choice table is refused naming the file and the line, so a typo in the form fails
loudly at start-up (and in the tests) instead of silently dropping a field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from desktop import paths
from desktop.domain import choices
from desktop.domain.applicant_facts import INDICATOR_KINDS
from desktop.domain.choices import Labels
from desktop.domain.fieldpath import path_under, pattern_of
from desktop.domain.fields import CATALOGUE
from desktop.domain.form_texts import FormText
from desktop.domain.lang import Bilingual
from desktop.rules.yamlnodes import Node, PackError, parse_root

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
    """forms/wizard.yaml does not describe a wizard this program can build; the message names the file
    and the line."""


@dataclass(frozen=True)
class ColumnSpec:
    """A column of a `table` field: the record's field it edits, its editor and its heading."""

    name: str
    editor: str
    label: Bilingual
    choices: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    path: str
    editor: str
    label: Bilingual
    help: Bilingual
    placeholder: Bilingual | None = None
    choices: str | None = None
    required: bool = False
    columns: tuple[ColumnSpec, ...] = ()  # a `table` field's columns
    rows: int | None = None  # a `table` field with this many rows, always (else rows are added and removed)

    def choice_table(self) -> Labels:
        return CHOICE_TABLES[self.choices or ""]


@dataclass(frozen=True)
class StepSpec:
    id: str
    title: Bilingual
    intro: Bilingual
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


def _fail(node: Node, message: str) -> FormError:
    return FormError(str(node.fail(message)))


def _list(node: Node | None) -> list[Node]:
    """The items of a list; an absent or empty value is an empty list."""
    return [] if node is None or node.is_null() else list(node.items())


def _form_text(path: str, node: Node, where: str) -> FormText:
    """The field's words on the form: the field catalogue's (desktop/domain/form_texts.py), the one place
    they are written."""
    entry = CATALOGUE.get(pattern_of(path))
    if entry is None:
        raise _fail(node, f"{where}: {path!r} is not a field of the draft (desktop/domain/fields.py)")
    if entry.form is None:
        raise _fail(node, f"{where}: {path!r} has no label on the form: add it to desktop/domain/form_texts.py")
    return entry.form


def _choices(m: dict[str, Node], editor: str, where: str) -> str | None:
    table = m["choices"].text() if "choices" in m else None
    if editor == "choice" and table not in CHOICE_TABLES:
        at = m.get("choices") or m["editor"]
        raise _fail(at, f"{where}.choices: {table!r} is not one of {', '.join(CHOICE_TABLES)}")
    return table


def _editor(node: Node, allowed: tuple[str, ...], where: str) -> str:
    editor = node.text()
    if editor not in allowed:
        raise _fail(node, f"{where}.editor: {editor!r} is not one of {', '.join(allowed)}")
    return editor


def _column(node: Node, where: str, table_path: str) -> ColumnSpec:
    m = node.mapping(("name", "editor"), ("choices",))
    editor = _editor(m["editor"], COLUMN_EDITORS, where)
    name = m["name"].text()
    return ColumnSpec(name, editor, _form_text(f"{table_path}[].{name}", node, where).label,
                      _choices(m, editor, where))


def _rows(node: Node, where: str) -> int:
    raw = node.text()
    if not raw.isdigit() or int(raw) < 1:
        raise _fail(node, f"{where}.rows: expected a whole number above 0, got {raw!r}")
    return int(raw)


def _field(node: Node, where: str) -> FieldSpec:
    m = node.mapping(("path", "editor"), ("choices", "required", "columns", "rows"))
    editor = _editor(m["editor"], EDITORS, where)
    table = _choices(m, editor, where)
    if (editor == "table") != ("columns" in m):
        raise _fail(node, f"{where}: a table field, and only a table field, lists its columns")
    path = m["path"].text()
    columns = tuple(_column(c, f"{where}.columns[{i}]", path) for i, c in enumerate(_list(m.get("columns"))))
    text = _form_text(path, m["path"], where)
    if text.help is None:
        raise _fail(m["path"], f"{where}: {path!r} has no help on the form: add it to desktop/domain/form_texts.py")
    return FieldSpec(
        path=m["path"].text(),
        editor=editor,
        label=text.label,
        help=text.help,
        placeholder=text.placeholder,
        choices=table,
        required=m["required"].boolean() if "required" in m else False,
        columns=columns,
        rows=_rows(m["rows"], where) if "rows" in m and not m["rows"].is_null() else None,
    )


def _step(node: Node, where: str) -> StepSpec:
    m = node.mapping(("id", "title", "intro"), ("paths", "fields", "widget", "verdict"))
    if ("fields" in m) == ("widget" in m):
        raise _fail(node, f"{where}: give either fields or widget")
    fields = tuple(_field(f, f"{where}.fields[{i}]") for i, f in enumerate(_list(m.get("fields"))))
    widget = m["widget"].text() if "widget" in m else None
    if widget is not None and ":" not in widget:
        raise _fail(m["widget"], f"{where}.widget: expected module:Class, got {widget!r}")
    own = tuple(f.path for f in fields)
    listed = tuple(p.text() for p in _list(m.get("paths")))
    indexed = [p for p in (*listed, *own) if pattern_of(p) != p]
    if indexed:
        raise _fail(node, f"{where}: a step's paths name no single line ({', '.join(indexed)})")
    return StepSpec(
        id=m["id"].text(),
        title=m["title"].bilingual(),
        intro=m["intro"].bilingual(),
        paths=listed + own,
        fields=fields,
        widget=widget,
        verdict=tuple(r.text() for r in _list(m.get("verdict"))),
    )


def parse_form(text: str, source: str = "forms/wizard.yaml") -> FormSpec:
    """The wizard `text` declares; FormError names `source` and the line of the first problem."""
    try:
        top = parse_root(text, source).mapping(("version", "steps"))
        nodes = list(top["steps"].items())
        steps = tuple(_step(s, f"steps[{i}]") for i, s in enumerate(nodes))
    except FormError:
        raise
    except PackError as exc:  # the strict reader's refusals: a repeated or unknown key, a list expected ...
        raise FormError(str(exc)) from None
    seen: set[str] = set()
    for node, step in zip(nodes, steps, strict=True):
        if step.id in seen:
            raise _fail(node, f'step id "{step.id}" repeats')
        seen.add(step.id)
    by_path: dict[str, int] = {}
    for i, step in enumerate(steps):
        for f in step.fields:
            if f.path in by_path:
                raise _fail(nodes[i], f"{f.path} is edited on two steps")
            by_path[f.path] = i
    return FormSpec(steps, by_path)


@cache
def load_form(path: str | None = None) -> FormSpec:
    source = Path(path) if path else paths.forms_dir() / "wizard.yaml"
    return parse_form(source.read_text(encoding="utf-8"), str(source))
