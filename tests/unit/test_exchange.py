from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop import paths
from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import draft_to_data, dumps, loads
from desktop.domain.schema import draft_schema
from tests.unit.builders import draft, draft_json


def _refused(text: str | bytes) -> DraftFormatError:
    with pytest.raises(DraftFormatError) as info:
        loads(text, source="d.json")
    return info.value


def test_demo_draft_is_canonical(demo_path: Path) -> None:
    text = demo_path.read_text(encoding="utf-8")
    assert dumps(loads(text)) == text


def test_round_trip_keeps_values() -> None:
    d = draft()
    d.equipment[0].unit_price = Decimal("1250000.50")
    d.project.requested_subsidy = Decimal("10.00")
    again = loads(dumps(d))
    assert again == d
    assert again.equipment[0].unit_price == Decimal("1250000.50")


def test_minimal_draft_reads() -> None:
    d = loads('{"format": "grant-draft/1", "program": "gd-ai-robotics-2025"}')
    assert d.equipment == [] and d.applicant.name is None and d.project.title is None


def test_nulls_read_as_empty() -> None:
    d = loads('{"format": "grant-draft/1", "program": "p", "applicant": null, "equipment": null}')
    assert d.applicant.name is None and d.equipment == []


def test_quantity_word_is_refused_with_its_path() -> None:
    err = _refused(draft_json(equipment__0__quantity="abc"))
    assert str(err) == 'd.json: equipment[0].quantity: expected a whole number, got "abc"'


@pytest.mark.parametrize(
    ("over", "path"),
    [
        ({"equipment__0__quantity": 1.5}, "equipment[0].quantity"),
        ({"equipment__0__quantity": True}, "equipment[0].quantity"),
        ({"equipment__0__unit_price": 12.5}, "equipment[0].unit_price"),
        ({"equipment__0__unit_price": "12,5"}, "equipment[0].unit_price"),
        ({"equipment__0__unit_price": "1e5"}, "equipment[0].unit_price"),
        ({"equipment__0__purchase_date": "2025/10/15"}, "equipment[0].purchase_date"),
        ({"equipment__0__purchase_date": "2025-02-30"}, "equipment[0].purchase_date"),
        ({"equipment__0__kind": "hardwar"}, "equipment[0].kind"),
        ({"equipment__0__currency": "US"}, "equipment[0].currency"),
        ({"applicant__name": 12}, "applicant.name"),
        ({"applicant__center_level": "city"}, "applicant.center_level"),
        ({"applicant__contact": "x"}, "applicant.contact"),
        ({"project__requested_subsidy": 100}, "project.requested_subsidy"),
        ({"equipment": {}}, "equipment"),
        ({"attachments": [{"sha256": "xyz"}]}, "attachments[0].sha256"),
    ],
)
def test_wrong_types_are_refused_with_their_path(over: dict[str, object], path: str) -> None:
    err = _refused(draft_json(**over))
    assert err.path == path
    assert "expected" in err.message


def test_unknown_key_is_refused_with_a_suggestion() -> None:
    data = json.loads(draft_json())
    data["applicant"]["nmae"] = "x"
    err = _refused(json.dumps(data))
    assert err.path == "applicant.nmae"
    assert 'did you mean "name"' in err.message


def test_unknown_top_level_key() -> None:
    data = json.loads(draft_json())
    data["extra"] = 1
    assert _refused(json.dumps(data)).path == "extra"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("not json", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"program": "x"}', "format"),
        ('{"format": "grant-draft/3", "program": "x"}', "grant-draft/1"),
        ('{"format": "grant-draft/3", "program": "x"}', "does not know"),
        ('{"format": "grant-draft/1"}', "program"),
        (b"\xff\xfe\x00", "not UTF-8"),
        ("[" * 100000, "JSON"),
    ],
)
def test_unreadable_files(text: str | bytes, needle: str) -> None:
    assert needle in str(_refused(text))


def test_bom_is_accepted() -> None:
    assert loads(("\ufeff" + draft_json()).encode()).title == "测试草稿"


def test_city_names_stored_as_keys_and_others_kept() -> None:
    assert loads(draft_json(applicant__city="佛山市")).applicant.city == "foshan"
    assert loads(draft_json(applicant__city="长沙市")).applicant.city == "长沙市"


def test_exchange_rate_accepts_number_or_string() -> None:
    assert loads(draft_json(equipment__0__exchange_rate=7.1268)).equipment[0].exchange_rate == Decimal("7.1268")
    assert loads(draft_json(equipment__0__exchange_rate="7.1")).equipment[0].exchange_rate == Decimal("7.1")


def test_unit_price_with_many_decimals_reads_exactly() -> None:
    d = loads(draft_json(equipment__0__unit_price="0.125"))
    assert d.equipment[0].unit_price == Decimal("0.125")
    assert json.loads(dumps(d))["equipment"][0]["unit_price"] == "0.125"


def test_dates_are_dates() -> None:
    assert loads(draft_json()).equipment[0].purchase_date == date(2025, 10, 15)


@pytest.mark.parametrize("version", [1, 2])
def test_committed_schema_matches_the_models(version: int) -> None:
    committed = json.loads(paths.schema_path(version).read_text(encoding="utf-8"))
    assert committed == draft_schema(version), (
        "the committed JSON Schema is stale: regenerate it with "
        f"`python -m desktop.domain.schema {version} > resources/schema/grant-draft-{version}.schema.json`"
    )


def test_schema_describes_every_key_of_a_dumped_draft() -> None:
    schema = draft_schema(1)
    data = draft_to_data(draft())
    assert set(data) == set(schema["properties"])
    line_props = schema["properties"]["equipment"]["items"]["properties"]
    assert set(data["equipment"][0]) == set(line_props)
