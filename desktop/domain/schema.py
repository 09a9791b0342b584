"""The JSON Schemas of grant-draft/1 and grant-draft/2, generated from the model's field descriptions."""

from __future__ import annotations

from typing import Any

from desktop.domain.exchange import field_specs, field_specs_v1
from desktop.domain.model import FORMAT, FORMAT_V1, Draft
from desktop.domain.money import AMOUNT_DIGITS, AMOUNT_LIMIT, WHOLE_LIMIT

# A plain decimal below AMOUNT_LIMIT: at most AMOUNT_DIGITS digits before the point, leading zeros aside.
_MONEY = r"^[+-]?0*(\d{1,DIGITS}(\.\d*)?|\.\d+)$".replace("DIGITS", str(AMOUNT_DIGITS))
_WHOLE = {"type": "integer", "minimum": -WHOLE_LIMIT, "maximum": WHOLE_LIMIT}


_NOTICE_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    t = schema.get("type")
    if isinstance(t, str):
        return {**schema, "type": [t, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _value_schema(kind: str, meta: dict[str, Any], version: int) -> dict[str, Any]:
    if kind == "text":
        s: dict[str, Any] = {"type": "string"}
    elif kind == "bool":
        s = {"type": "boolean"}
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
    elif kind == "notice":
        s = {"type": "string", "pattern": _NOTICE_ID}
    elif kind == "object":
        s = _object_schema(meta["cls"], version)
    elif kind == "list":
        s = {"type": "array", "items": _object_schema(meta["cls"], version)}
    elif kind == "int_list":
        s = {"type": "array", "items": dict(_WHOLE)}
    else:  # pragma: no cover
        raise AssertionError(kind)
    if "title" in meta:
        s = {**s, "description": meta["title"]}
    return _nullable(s)


def _object_schema(cls: type, version: int) -> dict[str, Any]:
    specs = field_specs(cls) if version >= 2 else field_specs_v1(cls)
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {name: _value_schema(kind, meta, version) for name, kind, meta in specs},
    }


def draft_schema(version: int = 2) -> dict[str, Any]:
    """The schema of grant-draft/`version` (2, the newest, by default)."""
    fmt = FORMAT if version >= 2 else FORMAT_V1
    root = _object_schema(Draft, version)
    root["properties"] = {"format": {"const": fmt}, **root["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:grant-assistant:grant-draft-{version}",
        "title": f"grant-assistant draft ({fmt})",
        **root,
        "required": ["format", "program"],
    }


if __name__ == "__main__":  # python -m desktop.domain.schema 2 > resources/schema/grant-draft-2.schema.json
    import json
    import sys

    print(json.dumps(draft_schema(int(sys.argv[1]) if len(sys.argv) > 1 else 2), ensure_ascii=False, indent=2))
