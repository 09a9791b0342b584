"""Turning a Draft into table rows and back, exactly (see tables.py for the representation)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from desktop.domain.applicant_facts import holds_something
from desktop.domain.exchange import field_specs, line_evidence_data, read_field
from desktop.domain.fieldpath import ATTACHMENTS, EQUIPMENT, FieldPath, FieldPathError
from desktop.domain.model import Applicant, Attachment, Contact, Contract, Draft, EquipmentLine, Project
from desktop.domain.money import to_fen

_INT64 = 2**63 - 1

# A line's evidence (grant-draft/2): the contract in two columns, lists as JSON text (NULL when empty).
EVIDENCE_COLUMNS = (
    "contract_number", "contract_date", "invoices", "payments", "acceptance_date", "asset_tag", "location",
    "imported", "customs_declaration", "files",
)
_EVIDENCE_LISTS = ("invoices", "payments", "files")

# The equipment line's fields in the model's order, and the columns holding them.
LINE_FIELDS = tuple(name for name, _, _ in field_specs(EquipmentLine))
LINE_KINDS = {name: kind for name, kind, _ in field_specs(EquipmentLine)}
LINE_COLUMNS = (
    "name", "model", "supplier", "kind", "use", "condition", "quantity",
    "unit_price_fen", "unit_price_text", "currency", "exchange_rate", "purchase_date", "invoice_number",
    *EVIDENCE_COLUMNS,
)
ATTACHMENT_COLUMNS = ("kind", "name", "sha256", "size", "path", "lines")
ATTACHMENT_KINDS = {name: kind for name, kind, _ in field_specs(Attachment)}


def money_columns(value: Decimal | None) -> tuple[int | None, str | None]:
    """(fen, text): fen alone when it says the value exactly as written; else the text as well."""
    if value is None:
        return None, None
    parts = value.as_tuple()
    if parts.exponent == -2:  # the usual case, two decimals as written: exact in fen
        fen = int(value.scaleb(2))
        if abs(fen) <= _INT64 and (fen or not parts.sign):
            return fen, None
    if not value.is_finite():
        return None, format(value, "f")
    fen = to_fen(value)
    if abs(fen) > _INT64:
        return None, format(value, "f")
    return fen, format(value, "f")


@lru_cache(maxsize=4096)
def _fen_value(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def money_value(fen: int | None, text: str | None) -> Decimal | None:
    if text is not None:
        return Decimal(text)
    return None if fen is None else _fen_value(fen)


@lru_cache(maxsize=4096)
def _date(text: str) -> date:
    return date.fromisoformat(text)


def scalar_out(kind: str, value: Any) -> Any:
    """A model value as its column value (money is handled by money_columns)."""
    if value is None:
        return None
    if kind == "date":
        if not isinstance(value, date):
            raise TypeError(f"expected a date, got {value!r}")
        return value.isoformat()
    if kind == "decimal":
        if not isinstance(value, Decimal):
            raise TypeError(f"expected a Decimal, got {value!r}")
        return format(value, "f")
    if kind == "int_list":
        return json.dumps(list(value))
    return value


def scalar_in(kind: str, value: Any) -> Any:
    if value is None:
        return [] if kind == "int_list" else None
    if kind == "date":
        return _date(value)
    if kind == "decimal":
        return Decimal(value)
    if kind == "int_list":
        return json.loads(value)
    return value


# --- the drafts row: title, program, applicant and project fields ---------------------------------

def _object_fields(prefix: str, cls: type) -> list[tuple[str, str, str]]:
    """(path, column, kind) of each scalar field, walking nested objects (applicant.contact)."""
    out: list[tuple[str, str, str]] = []
    for name, kind, meta in field_specs(cls):
        path = f"{prefix}.{name}"
        if kind == "object":
            out.extend(_object_fields(path, meta["cls"]))
        else:
            out.append((path, path.replace(".", "_"), kind))
    return out


DRAFT_FIELDS: dict[str, tuple[str, str]] = {
    path: (column, kind)
    for path, column, kind in [("program", "program", "program"), ("notice", "notice", "notice"),
                               ("title", "title", "text")]
    + _object_fields("applicant", Applicant)
    + _object_fields("project", Project)
}


def draft_columns(draft: Draft) -> dict[str, Any]:
    """The drafts-row columns of a draft's scalar fields."""
    out: dict[str, Any] = {"format_version": draft.format_version}
    for path, (column, kind) in DRAFT_FIELDS.items():
        out.update(field_columns(column, kind, _get(draft, path)))
    for name in FACTS_COLUMNS:
        out[name] = facts_column(draft, name)
    return out


# The facts of the application's parts (grant-draft/2): each object as JSON text, NULL when empty.
FACTS_COLUMNS = ("company_facts", "project_facts")


def facts_column(draft: Draft, name: str) -> str | None:
    obj = getattr(draft, name)
    if not holds_something(obj):
        return None
    return json.dumps(line_evidence_data(draft, name), ensure_ascii=False, separators=(",", ":"))


def facts_after(stored: str | None, path: str, value: Any) -> tuple[str, str | None]:
    """(column, new JSON text) of a facts column after one value in it is set (`path` such as
    `project_facts.leader.mobile` or `company_facts.financials`, a whole list)."""
    head, *parents, last = (step.name for step in FieldPath.parse(path).steps)
    holder = Draft()
    if stored is not None:
        setattr(holder, head, read_field(Draft, head, json.loads(stored), head))
    obj: Any = getattr(holder, head)
    for part in parents:
        obj = getattr(obj, part)
    if not hasattr(obj, last):
        raise KeyError(path)
    setattr(obj, last, value)
    return head, facts_column(holder, head)


def field_columns(column: str, kind: str, value: Any) -> dict[str, Any]:
    """The column(s) that hold one field (a money field fills two)."""
    if kind == "money":
        fen, text = money_columns(value)
        return {f"{column}_fen": fen, f"{column}_text": text}
    return {column: scalar_out(kind, value)}


def _get(obj: Any, path: str) -> Any:
    for step in FieldPath.parse(path).steps:
        obj = getattr(obj, step.name)
    return obj


def draft_from_columns(row: Mapping[str, Any]) -> Draft:
    """A Draft (without lines and attachments) from a drafts row."""
    values: dict[str, Any] = {}
    for path, (column, kind) in DRAFT_FIELDS.items():
        if kind == "money":
            values[path] = money_value(row[f"{column}_fen"], row[f"{column}_text"])
        else:
            values[path] = scalar_in(kind, row[column])

    def build(cls: type, prefix: str) -> Any:
        kwargs = {name: values[f"{prefix}.{name}"] for name, kind, _ in field_specs(cls) if kind != "object"}
        return cls(**kwargs)

    applicant = build(Applicant, "applicant")
    applicant.contact = build(Contact, "applicant.contact")
    facts = {
        name: read_field(Draft, name, json.loads(row[name]), name)
        for name in FACTS_COLUMNS if row.get(name) is not None
    }
    return Draft(
        program=values["program"], notice=values["notice"], title=values["title"], applicant=applicant,
        project=build(Project, "project"), format_version=row["format_version"], **facts,
    )


# --- equipment lines and attachments ---------------------------------------------------------------

LINE_INSERT_COLUMNS = ("draft_id", "position", *LINE_COLUMNS)


def evidence_list_column(line: EquipmentLine, name: str) -> str | None:
    """The JSON text of one of the line's evidence lists (NULL when the list is empty)."""
    if not getattr(line, name):
        return None
    return json.dumps(line_evidence_data(line, name), ensure_ascii=False, separators=(",", ":"))


def _evidence_values(line: EquipmentLine) -> tuple[Any, ...]:
    c, accepted = line.contract, line.acceptance_date
    return (
        c.number, None if c.date is None else c.date.isoformat(),
        evidence_list_column(line, "invoices"), evidence_list_column(line, "payments"),
        None if accepted is None else accepted.isoformat(), line.asset_tag, line.location, line.imported,
        line.customs_declaration, evidence_list_column(line, "files"),
    )


_NO_EVIDENCE = (None,) * len(EVIDENCE_COLUMNS)


def line_tuples(draft_id: int, start: int, items: Iterable[EquipmentLine]) -> list[tuple[Any, ...]]:
    """Insert rows (LINE_INSERT_COLUMNS order) for lines placed at positions start, start+1, ..."""
    out: list[tuple[Any, ...]] = []
    append = out.append
    for position, line in enumerate(items, start):
        fen, text = money_columns(line.unit_price)
        rate, bought = line.exchange_rate, line.purchase_date
        c = line.contract
        plain = (
            not (line.invoices or line.payments or line.files) and c.number is None and c.date is None
            and line.acceptance_date is None and line.asset_tag is None and line.location is None
            and line.imported is None and line.customs_declaration is None
        )
        append((
            draft_id, position, line.name, line.model, line.supplier, line.kind, line.use, line.condition,
            line.quantity, fen, text, line.currency, None if rate is None else format(rate, "f"),
            None if bought is None else bought.isoformat(), line.invoice_number,
            *(_NO_EVIDENCE if plain else _evidence_values(line)),
        ))
    return out


def line_values(line: EquipmentLine) -> dict[str, Any]:
    """Every column of one line (for replacing it in place)."""
    return dict(zip(LINE_COLUMNS, line_tuples(0, 0, [line])[0][2:], strict=True))


def lines_from_rows(rows: Iterable[Sequence[Any]]) -> list[EquipmentLine]:
    """Lines from rows selected in LINE_COLUMNS order."""
    out: list[EquipmentLine] = []
    append = out.append
    for row in rows:
        name, model, supplier, kind, use, condition, qty, fen, text, cur, rate, bought, invoice = row[:13]
        line = EquipmentLine(
            name, model, supplier, kind, use, condition, qty,
            Decimal(text) if text is not None else (None if fen is None else _fen_value(fen)),
            cur, None if rate is None else Decimal(rate), None if bought is None else _date(bought), invoice,
        )
        if any(row[13:]):
            _set_evidence(line, row[13:])
        append(line)
    return out


def _set_evidence(line: EquipmentLine, values: Sequence[Any]) -> None:
    number, signed, invoices, payments, accepted, tag, location, imported, customs, files = values
    line.contract = Contract(number, None if signed is None else _date(signed))
    line.acceptance_date = None if accepted is None else _date(accepted)
    line.asset_tag, line.location, line.customs_declaration = tag, location, customs
    line.imported = None if imported is None else bool(imported)
    for name, text in (("invoices", invoices), ("payments", payments), ("files", files)):
        if text is not None:
            setattr(line, name, evidence_list_value(name, text))


def evidence_list_value(name: str, text: str) -> Any:
    """An evidence list from its JSON column, read as strictly as a draft file."""
    return read_field(EquipmentLine, name, json.loads(text), name)


def line_field_columns(name: str, value: Any) -> dict[str, Any]:
    """The column(s) that hold one field of a line (for a one-field UPDATE)."""
    if name == "unit_price":
        return field_columns("unit_price", "money", value)
    if name == "contract":
        contract = value if isinstance(value, Contract) else Contract()
        return {"contract_number": contract.number, "contract_date": scalar_out("date", contract.date)}
    if name in _EVIDENCE_LISTS:
        holder = EquipmentLine()
        setattr(holder, name, list(value or []))
        return {name: evidence_list_column(holder, name)}
    return {name: scalar_out(LINE_KINDS[name], value)}


ATTACHMENT_INSERT_COLUMNS = ("draft_id", "position", *ATTACHMENT_COLUMNS)


def attachment_tuples(draft_id: int, items: Iterable[Attachment]) -> list[tuple[Any, ...]]:
    return [
        (draft_id, i, *(scalar_out(ATTACHMENT_KINDS[c], getattr(a, c)) for c in ATTACHMENT_COLUMNS))
        for i, a in enumerate(items)
    ]


def attachments_from_rows(rows: Iterable[Sequence[Any]]) -> list[Attachment]:
    return [
        Attachment(**{c: scalar_in(ATTACHMENT_KINDS[c], v) for c, v in zip(ATTACHMENT_COLUMNS, row, strict=True)})
        for row in rows
    ]


def parse_path(path: str) -> tuple[str, int | None, str]:
    """('draft', None, path) | ('facts', None, path) | ('equipment', index, field) | ('attachments', index,
    field); KeyError if unknown."""
    if path in DRAFT_FIELDS:
        return "draft", None, path
    try:
        steps = FieldPath.parse(path).steps
    except FieldPathError:
        raise KeyError(path) from None
    if len(steps) > 1 and steps[0].name in FACTS_COLUMNS and steps[0].index is None:
        return "facts", None, path
    if len(steps) == 2 and steps[0].name in (EQUIPMENT, ATTACHMENTS) and steps[1].index is None:
        table, index, name = steps[0].name, steps[0].index, steps[1].name
        known = LINE_KINDS if table == EQUIPMENT else ATTACHMENT_KINDS
        if index is not None and index >= 0 and name in known:
            return table, index, name
    raise KeyError(path)
