"""Every wizard step is a StepPage (desktop/ui/wizard/step_protocol.py): the declared steps load as their own
class, the hooks the wizard calls have their defaults, and a step that cannot be loaded stands in as a
ComingStep naming the problem."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel

from desktop.rules.wizard_form import load_form
from desktop.ui.wizard.form_page import FormPage
from desktop.ui.wizard.step_protocol import ComingStep, StepPage, load_step
from tests.gui.steps_support import demo_session


@pytest.mark.parametrize("step", [s for s in load_form().steps if s.widget], ids=lambda s: s.id)
def test_each_declared_step_loads_as_its_own_step_page(qtbot, step) -> None:
    page = load_step(step, demo_session())
    qtbot.addWidget(page)
    assert isinstance(page, StepPage) and not isinstance(page, ComingStep)
    assert type(page).__name__ == step.widget.partition(":")[2]
    page.retranslate("en")
    page.set_navigator(lambda path: False)  # every page takes it; the review step keeps it


def test_the_form_steps_are_step_pages_with_their_own_help(qtbot) -> None:
    spec = load_form().steps[0]
    page = FormPage(spec, demo_session())
    qtbot.addWidget(page)
    page.retranslate("en")
    assert isinstance(page, StepPage)
    path = next(iter(page.rows))
    assert page.focus_path(path) and not page.focus_path("no.such.field")
    assert page.help_for(page.rows[path].editor) == page.rows[path].spec.help.get("en")
    assert page.trigger("export") is False  # the default: only the export step handles it


def test_the_hooks_default_to_doing_nothing(qtbot) -> None:
    page = StepPage()
    qtbot.addWidget(page)
    page.retranslate("zh")
    page.set_navigator(lambda path: True)
    assert (page.focus_path("title"), page.trigger("print"), page.help_for(None)) == (False, False, None)


@pytest.mark.parametrize(("widget", "said"), [
    ("desktop.ui.wizard.step_protocol:NoSuchPage", "has no step page NoSuchPage"),
    ("desktop.ui.common.widgets:plain_label", "has no step page plain_label"),  # there, but not a step page
])
def test_a_declared_class_that_is_not_a_step_page_stands_in_as_a_coming_step(qtbot, widget, said) -> None:
    spec = replace(load_form().steps[-1], widget=widget)
    page = load_step(spec, demo_session())
    qtbot.addWidget(page)
    assert isinstance(page, ComingStep)
    page.retranslate("en")
    note = page.findChild(QLabel, "coming-note")
    assert note is not None and said in note.text()


def test_no_step_hook_or_command_is_looked_up_by_name() -> None:
    from pathlib import Path

    import desktop.ui

    probes = ('getattr(self, f"', 'getattr(page, "', 'getattr(w.current_page(), "', '"set_navigator", None')
    found = [f"{p.name}: {probe}" for p in sorted(Path(desktop.ui.__file__).parent.rglob("*.py"))
             for probe in probes if probe in p.read_text(encoding="utf-8")]
    assert found == []
