"""FieldPath: the one reader and writer of field paths (`equipment[3].quantity`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.fieldpath import (
    ANY,
    FieldPath,
    FieldPathError,
    Step,
    line_of,
    line_text,
    list_place,
    path_text,
    path_under,
    pattern_of,
)

_names = st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True)
_steps = st.builds(Step, _names, st.none() | st.just(ANY) | st.integers(0, 100_000))
_paths = st.lists(_steps, max_size=5).map(lambda s: FieldPath(tuple(s)))


@given(_paths)
def test_a_path_written_reads_back_as_itself(path: FieldPath) -> None:
    text = str(path)
    assert FieldPath.parse(text) == path
    assert str(FieldPath.parse(text)) == text
    assert hash(FieldPath.parse(text)) == hash(path)


@pytest.mark.parametrize("text", [
    "equipment[3].quantity", "attachments[2]", "applicant.credit_code", "equipment[3].invoices[1].number",
    "equipment[].name", "project_facts.indicators[0].target", "equipment", "title", "",
])
def test_the_paths_the_program_writes_round_trip(text: str) -> None:
    assert str(FieldPath.parse(text)) == text


@pytest.mark.parametrize("text, bad", [
    ("equipment[3]quantity", "equipment[3]quantity"), ("equipment..name", "''"), ("equipment[-1].x", "[-1]"),
    ("equipment[03].x", "[03]"), ("equipment[3", "[3"), (".name", "''"), ("name.", "''"),
    ("equipment[3][4]", "[3][4]"), ("1abc", "1abc"), ("a b", "a b"), ("equipment[x]", "[x]"),
])
def test_malformed_paths_are_refused_naming_the_text_and_the_part(text: str, bad: str) -> None:
    with pytest.raises(FieldPathError) as caught:
        FieldPath.parse(text)
    message = str(caught.value)
    assert repr(text) in message and bad in message
    assert "equipment[3].quantity" in message  # says how one is written
    assert FieldPath.parse_or_none(text) is None
    assert line_of(text) is None and list_place(text, "equipment") is None and not path_under(text, "")


def test_the_parts_of_a_path() -> None:
    p = FieldPath.parse("equipment[3].invoices[1].number")
    assert (p.head, p.leaf, p.line, p.index_in("equipment"), p.index_in("attachments")) == (
        "equipment", "number", 3, 3, None)
    assert p.fields == "invoices[1].number"
    assert p.pattern == "equipment[].invoices[].number" == pattern_of(str(p))
    assert FieldPath.parse("attachments[2]").leaf_index == 2
    assert FieldPath.parse("applicant.credit_code").line is None
    assert FieldPath.parse("equipment[].name").line is None  # a pattern is in no one line
    assert FieldPath().head == FieldPath().leaf == "" and FieldPath().line is None


def test_constructors_write_the_same_paths_as_the_texts() -> None:
    assert FieldPath.line_field("equipment", 3, "quantity") == FieldPath.parse("equipment[3].quantity")
    assert FieldPath.of("equipment", 3, "invoices", 1, "number") == FieldPath.parse("equipment[3].invoices[1].number")
    assert FieldPath.parse("equipment[3]").child("quantity") == FieldPath.parse("equipment[3].quantity")
    assert FieldPath.parse("equipment").child("x", 4) == FieldPath.parse("equipment.x[4]")
    assert FieldPath.parse("equipment[3].quantity").moved_to(7) == FieldPath.parse("equipment[7].quantity")
    assert line_text(3, "quantity") == "equipment[3].quantity"
    assert line_text(ANY, "name") == "equipment[].name"
    assert line_text(2) == "equipment[2]"
    assert path_text("equipment[3]", "invoices", 0, "date") == "equipment[3].invoices[0].date"
    assert path_text("attachments", 0) == "attachments[0]"


def test_constructors_refuse_what_is_no_path() -> None:
    with pytest.raises(FieldPathError, match="must follow a name"):
        path_text(3)
    with pytest.raises(FieldPathError, match="0 or more"):
        path_text("equipment", -2)
    with pytest.raises(FieldPathError, match="must follow a name"):
        path_text("equipment", 1, 2)
    with pytest.raises(FieldPathError, match="not a field name"):
        FieldPath.parse("equipment").child("a.b")
    with pytest.raises(FieldPathError, match="not in a list"):
        FieldPath.parse("applicant.name").moved_to(1)


@pytest.mark.parametrize("path, prefix, expected", [
    ("equipment[3].quantity", "equipment", True),
    ("equipment[3].quantity", "equipment[3]", True),
    ("equipment[3].quantity", "equipment[3].quantity", True),
    ("equipment[3].quantity", "equipment[4]", False),
    ("equipment[3]", "equipment", True),
    ("equipment", "equipment[3]", False),
    ("equipment_extra.x", "equipment", False),
    ("equipment[].name", "equipment", True),
    ("project_facts.indicators[].name", "project_facts.indicators", True),
    ("applicant.contact.phone", "applicant.contact", True),
    ("applicant.contacts", "applicant.contact", False),
    ("applicant", "", False),
    ("", "", True),
])
def test_is_under_agrees_with_the_text_rule(path: str, prefix: str, expected: bool) -> None:
    assert FieldPath.parse(path).is_under(prefix) is expected
    assert FieldPath.parse(path).is_under(FieldPath.parse(prefix)) is expected
    assert path_under(path, prefix) is expected
    # the rule the wizard's step marks were written with: the prefix followed by "." or "["
    by_text = path == prefix or (bool(prefix) and path.startswith((prefix + ".", prefix + "[")))
    assert by_text is expected


@given(_paths, _paths)
def test_is_under_is_the_text_rule_for_any_two_paths(path: FieldPath, prefix: FieldPath) -> None:
    p, q = str(path), str(prefix)
    by_text = p == q or (bool(q) and p.startswith((q + ".", q + "[")))
    assert path.is_under(prefix) is by_text


@pytest.mark.parametrize("text, place", [
    ("equipment", (None, None)), ("equipment[3]", (3, None)), ("equipment[3].quantity", (3, "quantity")),
    ("equipment[3].contract.number", None), ("equipment[].name", None), ("attachments[1].kind", None),
    ("equipment.name", None),
])
def test_list_place_is_what_a_list_table_can_show(text: str, place: tuple[int | None, str | None] | None) -> None:
    assert list_place(text, "equipment") == place


def test_paths_are_frozen_and_hashable() -> None:
    p = FieldPath.parse("equipment[1].name")
    with pytest.raises(AttributeError):
        p.steps = ()  # type: ignore[misc]
    assert {p, FieldPath.line_field("equipment", 1, "name")} == {p}


@given(_paths, st.integers(0, 100_000))
def test_line_of_reads_the_line_as_the_parser_does(path: FieldPath, index: int) -> None:
    in_line = FieldPath((Step("equipment", index), *path.steps[1:]))
    for p in (path, in_line):
        assert line_of(str(p)) == p.line
    assert line_of(line_text(index) + "\n") is None


@pytest.mark.parametrize("text", ["equipment[].quantity", "equipment[0]", "equipment[0].nope", "equipment[0]..x",
                                  "", "equipment[03].quantity", "applicant.name[0]"])
def test_draft_values_and_stored_columns_refuse_a_path_they_cannot_reach(text: str) -> None:
    from desktop.domain.changes import get_value
    from desktop.domain.model import Draft, EquipmentLine
    from desktop.storage.rows import parse_path

    draft = Draft(equipment=[EquipmentLine(quantity=2)])
    with pytest.raises(KeyError):
        get_value(draft, text)
    with pytest.raises(KeyError):
        parse_path(text)
    assert get_value(draft, line_text(0, "quantity")) == 2
    assert parse_path(line_text(0, "quantity")) == ("equipment", 0, "quantity")
    assert parse_path(path_text("attachments", 1, "kind")) == ("attachments", 1, "kind")
