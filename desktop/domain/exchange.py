"""Reading and writing the draft exchange format (grant-draft/1 and grant-draft/2).

The reader is strict about types and keys and names the JSON path of anything it refuses; it is lenient
about completeness (missing values are the checker's business, not a reason to refuse the file).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from desktop.domain.cities import normalise_city
from desktop.domain.errors import DraftFormatError
from desktop.domain.evidence import draft_version
from desktop.domain.model import FORMAT, FORMAT_PREFIX, FORMAT_V1, FORMAT_VERSIONS, Draft
from desktop.domain.money import AMOUNT_DIGITS, AMOUNT_LIMIT, WHOLE_LIMIT, parse_decimal

T = TypeVar("T")

# The largest draft file read: a 330,000-line draft is about 140 MB. Reading holds the text, the
# parsed JSON and the draft at once (several times the file's size), so the bound keeps memory bounded.
DRAFT_FILE_LIMIT = 256 * 2**20

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_CURRENCY_RE = re.compile(r"^[A-Za-z]{3}$")
_SHA_RE = re.compile(r"^[0-9a-fA-F]{64}$")
_NOTICE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}\Z")
# A \uD800-\uDFFF escape: the only way a JSON text can carry a lone surrogate (which is not text).
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F]")


class _LongInteger:
    """A JSON integer with more digits than any whole number a draft can hold (refused with its path)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return self.digits


def _parse_int(digits: str) -> int | _LongInteger:
    # Python refuses to convert integers of more than 4300 digits (a ValueError, not a JSON error).
    return int(digits) if len(digits) <= 20 else _LongInteger(digits)


class _RepeatedKeys(dict[str, Any]):
    """A JSON object in which a key appears more than once (the reader refuses it with its path)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                self.repeated = key
                break
            seen.add(key)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    return data if len(data) == len(pairs) else _RepeatedKeys(pairs)


FieldSpec = tuple[str, str, dict[str, Any]]
_SPECS: dict[type, tuple[FieldSpec, ...]] = {}


def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """(name, kind, metadata) of each field of a model class, in declaration order (the fields that
    are keys of the file: not the draft's `format_version`)."""
    specs = _SPECS.get(cls)
    if specs is None:
        specs = _SPECS[cls] = tuple(
            (f.name, f.metadata["kind"], dict(f.metadata)) for f in fields(cls) if f.metadata["kind"] != "internal"
        )
    return specs


_SPECS_V1: dict[type, tuple[FieldSpec, ...]] = {}


def field_specs_v1(cls: type) -> tuple[FieldSpec, ...]:
    """The fields grant-draft/1 has (those not marked `since=2`)."""
    specs = _SPECS_V1.get(cls)
    if specs is None:
        specs = _SPECS_V1[cls] = tuple(s for s in field_specs(cls) if s[2].get("since", 1) <= 1)
    return specs


def _shown(value: Any) -> str:
    if isinstance(value, Decimal):
        text = str(value)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _refuse(path: str, expected: str, value: Any) -> DraftFormatError:
    return DraftFormatError(path, f"expected {expected}, got {_shown(value)}")


def _read_value(kind: str, meta: dict[str, Any], value: Any, path: str, version: int = 2) -> Any:
    if value is None:
        if kind == "object" and not meta.get("optional"):
            return meta["cls"]()
        return [] if kind in ("list", "int_list") else None
    if kind == "text":
        if not isinstance(value, str):
            raise _refuse(path, "text", value)
        return value
    if kind == "int":
        if isinstance(value, _LongInteger) or (isinstance(value, int) and abs(value) > WHOLE_LIMIT):
            raise _refuse(path, f"a whole number no larger than {WHOLE_LIMIT}", value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _refuse(path, "a whole number", value)
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise _refuse(path, "true or false", value)
        return value
    if kind == "money" or kind == "decimal":
        parsed: Decimal | None
        if kind == "decimal" and isinstance(value, (int, Decimal, _LongInteger)) and not isinstance(value, bool):
            parsed = Decimal(value.digits if isinstance(value, _LongInteger) else value)
        elif not isinstance(value, str):
            raise _refuse(path, 'a decimal number written as a string, such as "1250000.00"', value)
        else:  # ASCII digits only, as the JSON Schema's pattern says
            parsed = parse_decimal(value) if value.isascii() else None
        if parsed is None:
            raise _refuse(path, 'a decimal number such as "1250000.00"', value)
        if not parsed.is_finite() or parsed.copy_abs() >= AMOUNT_LIMIT:
            raise _refuse(path, f"a number of at most {AMOUNT_DIGITS} digits before the decimal point", value)
        return parsed
    if kind == "date":
        if not isinstance(value, str) or not _DATE_RE.match(value):
            raise _refuse(path, "a date written YYYY-MM-DD", value)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _refuse(path, "a real calendar date written YYYY-MM-DD", value) from None
    if kind == "enum":
        allowed: tuple[str, ...] = meta["choices"]
        if not isinstance(value, str) or value not in allowed:
            raise _refuse(path, "one of " + ", ".join(allowed), value)
        return value
    if kind == "city":
        if not isinstance(value, str):
            raise _refuse(path, "a city key or name", value)
        return normalise_city(value)
    if kind == "currency":
        if not isinstance(value, str) or not _CURRENCY_RE.match(value):
            raise _refuse(path, "a three-letter ISO 4217 currency code such as CNY or USD", value)
        return value.upper()
    if kind == "sha256":
        if not isinstance(value, str) or not _SHA_RE.match(value):
            raise _refuse(path, "64 hexadecimal characters (a SHA-256 digest)", value)
        return value.lower()
    if kind == "program":
        if not isinstance(value, str) or not value:
            raise _refuse(path, "a rule-pack id such as gd-ai-robotics-2025", value)
        return value
    if kind == "notice":
        if not isinstance(value, str) or not _NOTICE_RE.match(value):
            raise _refuse(path, "a notice id such as gd-ai-benchmark-2026-entry (letters, digits, . _ -)", value)
        return value
    if kind == "object":
        return _read_object(meta["cls"], value, path, version=version)
    if kind == "list":
        if not isinstance(value, list):
            raise _refuse(path, "a list", value)
        cls = meta["cls"]
        return [_read_object(cls, item, f"{path}[{i}]", version=version) for i, item in enumerate(value)]
    if kind == "int_list":
        if not isinstance(value, list):
            raise _refuse(path, "a list of whole numbers", value)
        out = []
        for i, item in enumerate(value):
            out.append(_read_value("int", meta, item, f"{path}[{i}]"))
        return out
    raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


def _read_object(cls: type[T], data: Any, path: str, skip: tuple[str, ...] = (), version: int = 2) -> T:
    if not isinstance(data, dict):
        raise _refuse(path or "(top level)", "an object { … }", data)
    if type(data) is _RepeatedKeys:
        where = f"{path}.{data.repeated}" if path else data.repeated
        raise DraftFormatError(where, "this key appears more than once; keep only one of them")
    specs = field_specs(cls) if version >= 2 else field_specs_v1(cls)
    names = {name for name, _, _ in specs}
    for key in data:
        if key not in names and key not in skip:
            where = f"{path}.{key}" if path else key
            if version < 2 and any(key == name for name, _, _ in field_specs(cls)):
                raise DraftFormatError(
                    where, f'only in grant-draft/2; change "format" to "{FORMAT}" to keep evidence in the draft'
                )
            near = difflib.get_close_matches(key, names, n=1)
            hint = f' (did you mean "{near[0]}"?)' if near else ""
            raise DraftFormatError(where, f"unknown key{hint}; the format does not have it")
    kwargs = {}
    for name, kind, meta in specs:
        if name in data:
            kwargs[name] = _read_value(kind, meta, data[name], f"{path}.{name}" if path else name, version)
    return cls(**kwargs)


def draft_from_data(data: Any, source: str | None = None) -> Draft:
    """A Draft from already-parsed JSON; DraftFormatError names the path of the first problem."""
    try:
        if not isinstance(data, dict):
            raise _refuse("(top level)", "a JSON object { … }", data)
        if "format" not in data:
            raise DraftFormatError("format", f'missing; a draft file starts with "format": "{FORMAT}"')
        fmt = data["format"]
        version = FORMAT_VERSIONS.get(fmt) if isinstance(fmt, str) else None
        if version is None:
            if isinstance(fmt, str) and fmt.startswith(FORMAT_PREFIX):
                raise DraftFormatError(
                    "format", f"{_shown(fmt)} is a version this program does not know; it reads "
                    f'"{FORMAT_V1}" and "{FORMAT}" (a newer program may have written the file)',
                )
            raise _refuse("format", f'"{FORMAT}" or "{FORMAT_V1}"', fmt)
        if data.get("program") is None:
            raise DraftFormatError("program", "missing; name the rule pack, e.g. gd-ai-robotics-2025")
        draft = _read_object(Draft, data, "", skip=("format",), version=version)
        draft.format_version = version
        return draft
    except DraftFormatError as exc:
        exc.source = source
        raise DraftFormatError(exc.path, exc.message, source) from None


def loads(text: str | bytes, source: str | None = None) -> Draft:
    """Parse a draft file's text (or bytes: UTF-8, with or without BOM) of at most DRAFT_FILE_LIMIT bytes."""
    if len(text) > DRAFT_FILE_LIMIT:
        limit = DRAFT_FILE_LIMIT
        shown = f"{limit // 2**20} MB" if limit % 2**20 == 0 else f"{limit:,} bytes"
        raise DraftFormatError("", f"the draft is larger than {shown}, the most a draft file may hold", source)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DraftFormatError(
                "", f"not UTF-8 text (byte {exc.start}); save the draft as UTF-8 JSON", source
            ) from None
    elif text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_parse_int, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise DraftFormatError(
            "", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", source
        ) from None
    except RecursionError:
        raise DraftFormatError("", "not a draft: the JSON is nested too deeply", source) from None
    if _SURROGATE_ESCAPE_RE.search(text):
        where = _lone_surrogate(data, "")
        if where is not None:
            raise DraftFormatError(
                where or "(top level)", "contains a \\uD800-\\uDFFF escape that is not a character; remove it",
                source,
            )
    return draft_from_data(data, source)


def _lone_surrogate(value: Any, path: str) -> str | None:
    """The path of the first string (or key) holding a lone surrogate, else None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if _lone_surrogate(key, where) is not None:
                return where
            found = _lone_surrogate(item, where)
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _lone_surrogate(item, f"{path}[{i}]")
            if found is not None:
                return found
    return None


def _write_value(kind: str, value: Any, version: int = 2) -> Any:
    if value is None:
        return None
    if kind in ("money", "decimal"):
        return format(value, "f")
    if kind == "date":
        return value.isoformat()
    if kind == "object":
        return _write_object(value, version)
    if kind == "list":
        return [_write_object(item, version) for item in value]
    if kind == "int_list":
        return list(value)
    return value


def _write_object(obj: Any, version: int = 2) -> dict[str, Any]:
    """Every key, in the format's order; an optional key (meta `optional`) only when it holds a value."""
    specs = field_specs(type(obj)) if version >= 2 else field_specs_v1(type(obj))
    return {
        name: _write_value(kind, value, version)
        for name, kind, meta in specs
        if (value := getattr(obj, name)) is not None or not meta.get("optional")
    }


def draft_to_data(draft: Draft) -> dict[str, Any]:
    """The canonical JSON object of a draft: every key present, in the format's order; grant-draft/1
    for a /1 draft without evidence (nothing to add), else grant-draft/2 (see domain/evidence.py)."""
    version = draft_version(draft)
    return {"format": FORMAT if version >= 2 else FORMAT_V1, **_write_object(draft, version)}


def line_evidence_data(obj: Any, name: str) -> Any:
    """One field of a model object as its JSON value (the storage keeps evidence lists as JSON)."""
    for field_name, kind, _ in field_specs(type(obj)):
        if field_name == name:
            return _write_value(kind, getattr(obj, name))
    raise KeyError(name)


def read_field(cls: type, name: str, value: Any, path: str) -> Any:
    """A field of `cls` read from its JSON value, as the reader would (DraftFormatError on a bad value)."""
    for field_name, kind, meta in field_specs(cls):
        if field_name == name:
            return _read_value(kind, meta, value, path)
    raise KeyError(name)


def dumps(draft: Draft) -> str:
    return json.dumps(draft_to_data(draft), ensure_ascii=False, indent=2) + "\n"


def canonical_bytes(draft: Draft) -> bytes:
    """Compact, key-stable bytes of the draft: the basis of its content fingerprint."""
    return json.dumps(draft_to_data(draft), ensure_ascii=False, separators=(",", ":")).encode()
