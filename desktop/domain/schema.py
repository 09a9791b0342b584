"""The JSON Schema of grant-draft/1, generated from the model's field descriptions."""

from __future__ import annotations

from typing import Any

from desktop.domain.exchange import field_specs
from desktop.domain.model import FORMAT, Draft
from desktop.domain.money import AMOUNT_DIGITS, AMOUNT_LIMIT, WHOLE_LIMIT

# A plain decimal below AMOUNT_LIMIT: at most AMOUNT_DIGITS digits before the point, leading zeros aside.
_MONEY = r"^[+-]?0*(\d{1,DIGITS}(\.\d*)?|\.\d+)$".replace("DIGITS", str(AMOUNT_DIGITS))
_WHOLE = {"type": "integer", "minimum": -WHOLE_LIMIT, "maximum": WHOLE_LIMIT}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    t = schema.get("type")
    if isinstance(t, str):
        return {**schema, "type": [t, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _value_schema(kind: str, meta: dict[str, Any]) -> dict[str, Any]:
    if kind == "text":
        s: dict[str, Any] = {"type": "string"}
    elif kind == "int":
        s = dict(_WHOLE)
    elif kind == "money":
        s = {"type": "string", "pattern": _MONEY}
    elif kind == "decimal":
        limit = int(AMOUNT_LIMIT)
        s = {"type": ["string", "number"], "pattern": _MONEY, "exclusiveMinimum": -limit, "exclusiveMaximum": limit}
    elif kind == "date":
        s = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    elif kind == "enum":
        s = {"type": "string", "enum": list(meta["choices"])}
    elif kind == "city":
        s = {"type": "string"}
    elif kind == "currency":
        s = {"type": "string", "pattern": "^[A-Za-z]{3}$"}
    elif kind == "sha256":
        s = {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"}
    elif kind == "program":
        return {"type": "string", "minLength": 1}
    elif kind == "object":
        s = _object_schema(meta["cls"])
    elif kind == "list":
        s = {"type": "array", "items": _object_schema(meta["cls"])}
    elif kind == "int_list":
        s = {"type": "array", "items": dict(_WHOLE)}
    else:  # pragma: no cover
        raise AssertionError(kind)
    if "title" in meta:
        s = {**s, "description": meta["title"]}
    return _nullable(s)


def _object_schema(cls: type) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {name: _value_schema(kind, meta) for name, kind, meta in field_specs(cls)},
    }


def draft_schema() -> dict[str, Any]:
    root = _object_schema(Draft)
    root["properties"] = {"format": {"const": FORMAT}, **root["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:grant-assistant:grant-draft-1",
        "title": "grant-assistant draft (grant-draft/1)",
        **root,
        "required": ["format", "program"],
    }


if __name__ == "__main__":  # python -m desktop.domain.schema > resources/schema/grant-draft-1.schema.json
    import json

    print(json.dumps(draft_schema(), ensure_ascii=False, indent=2))
