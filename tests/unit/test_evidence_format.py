"""grant-draft/2: a line's evidence read, written and round-tripped; grant-draft/1 files unchanged."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.errors import DraftFormatError
from desktop.domain.evidence import draft_version, line_has_evidence
from desktop.domain.exchange import draft_to_data, dumps, loads
from desktop.domain.model import Invoice
from desktop.domain.schema import draft_schema
from tests.unit.builders import draft, draft_json
from tests.unit.evidence_builders import evidenced_line


def _refused(text: str) -> DraftFormatError:
    with pytest.raises(DraftFormatError) as info:
        loads(text, source="d.json")
    return info.value


def test_v1_file_stays_v1_when_written_without_evidence(demo_path: Path) -> None:
    text = demo_path.read_text(encoding="utf-8")
    d = loads(text)
    assert d.format_version == 1 and draft_version(d) == 1
    assert dumps(d) == text  # byte for byte: no new keys, same format


def test_evidence_makes_a_v1_draft_v2_and_round_trips() -> None:
    d = draft([evidenced_line(0, quantity=2)])
    assert d.format_version == 1 and draft_version(d) == 2
    data = draft_to_data(d)
    assert data["format"] == "grant-draft/2"
    line = data["equipment"][0]
    assert line["invoices"][0] == {"number": "25442000000000000000", "date": "2025-10-15", "amount": "100000"}
    assert line["payments"][0]["method"] == "bank_transfer"
    assert line["contract"] == {"number": "HT-2025-0000", "date": "2025-09-20"}
    assert [f["kind"] for f in line["files"]] == ["contract", "invoice", "nameplate_photo", "nameplate_photo"]
    again = loads(dumps(d))
    assert again == d and again.format_version == 2
    assert dumps(again) == dumps(d)


def test_v2_draft_without_evidence_stays_v2() -> None:
    d = loads(draft_json().replace("grant-draft/1", "grant-draft/2"))
    assert d.format_version == 2 and not line_has_evidence(d.equipment[0])
    assert json.loads(dumps(d))["format"] == "grant-draft/2"


def test_v1_file_with_an_evidence_key_is_refused_naming_it() -> None:
    data = json.loads(draft_json())
    data["equipment"][0]["invoices"] = []
    err = _refused(json.dumps(data))
    assert err.path == "equipment[0].invoices" and "grant-draft/2" in str(err)


@pytest.mark.parametrize(
    ("key", "value", "path", "needle"),
    [
        ("invoices", [{"number": "1", "date": "2025-13-01"}], "equipment[0].invoices[0].date", "calendar"),
        ("invoices", [{"numbr": "1"}], "equipment[0].invoices[0].numbr", "number"),
        ("invoices", [{"amount": 5.5}], "equipment[0].invoices[0].amount", "string"),
        ("payments", [{"method": "cheque"}], "equipment[0].payments[0].method", "bank_transfer"),
        ("imported", "yes", "equipment[0].imported", "true or false"),
        ("files", [{"kind": "photo"}], "equipment[0].files[0].kind", "nameplate_photo"),
        ("files", [{"sha256": "xyz"}], "equipment[0].files[0].sha256", "SHA-256"),
        ("contract", {"number": 7}, "equipment[0].contract.number", "text"),
    ],
)
def test_bad_evidence_values_are_refused_with_their_path(key: str, value: object, path: str, needle: str) -> None:
    data = json.loads(draft_json())
    data["format"] = "grant-draft/2"
    data["equipment"][0][key] = value
    err = _refused(json.dumps(data))
    assert err.path == path and needle in str(err)


def test_repeated_key_inside_evidence_is_refused() -> None:
    text = draft_json().replace("grant-draft/1", "grant-draft/2").replace(
        '"invoice_number"', '"invoices": [{"number": "1", "number": "2"}], "invoice_number"'
    )
    assert _refused(text).path == "equipment[0].invoices[0].number"


def test_schema_v2_describes_every_key_and_v1_has_none_of_the_evidence() -> None:
    d = draft([evidenced_line(0)])
    data = draft_to_data(d)
    v2 = draft_schema(2)
    line_props = v2["properties"]["equipment"]["items"]["properties"]
    assert set(data["equipment"][0]) == set(line_props)
    assert set(data["equipment"][0]["invoices"][0]) == set(line_props["invoices"]["items"]["properties"])
    v1_props = draft_schema(1)["properties"]["equipment"]["items"]["properties"]
    assert "invoices" not in v1_props and "invoice_number" in v1_props
    assert v2["properties"]["format"] == {"const": "grant-draft/2"}


def test_empty_invoice_counts_as_evidence_and_money_stays_exact() -> None:
    d = draft()
    d.equipment[0].invoices = [Invoice(amount=Decimal("0.105"))]
    again = loads(dumps(d))
    assert again.equipment[0].invoices[0].amount == Decimal("0.105") and again.format_version == 2
    assert again.equipment[0].invoices[0].date is None and again.equipment[0].purchase_date == date(2025, 10, 15)
