"""Every window string has its Chinese translation, and the compiled file is there."""

from __future__ import annotations

from desktop.ui import translations_tool


def test_every_string_is_translated():
    assert translations_tool.unfinished() == []
    assert translations_tool.TS.with_suffix(".qm").is_file()


def test_form_declaration_loads_and_maps_paths():
    from desktop.ui.forms import load_form

    form = load_form()
    assert [s.id for s in form.steps][:3] == ["eligibility", "applicant", "project"]
    assert form.step_of("applicant.city") == 0
    assert form.step_of("applicant.name") == 1
    assert form.step_of("equipment[3].quantity") == form.index_of("equipment")
    assert form.step_of("") == 0
