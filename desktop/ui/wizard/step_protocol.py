"""The wizard's step pages: the `StepPage` base every step derives from, and loading the steps declared in
forms/ as `widget: module:Class`.

A step page is built as `cls(session: DraftSession, parent: QWidget | None = None)` from the open draft.
It edits only through the session (`session.apply(change)` / `session.set_value(path, value)`) and
repaints from `session.changed` (the Change applied, or None after a whole-draft reload) and
`session.assessed` (the new Assessment). The wizard calls its hooks, each with a default here:

    retranslate(lang)     every text in "zh" or "en"; once after construction and on every switch
    focus_path(path)      focus the field or table cell of a finding path (`equipment[3].quantity`,
                          `attachments`); True when it could
    set_navigator(nav)    a function that goes to the step owning a finding path and focuses it (the
                          review step calls it when a finding is activated)
    trigger(action)       menu actions routed to the step: "export" (Ctrl+E) and "print" (Ctrl+P) on the
                          export step; True when the step handled it
    help_for(widget)      F1: the help text for the widget that has the focus, when the step knows one

The wizard marks each step from the findings whose paths fall under the step's `paths` in forms/. A
declared module that does not exist or fails to load shows a `ComingStep` saying so, rather than taking
the whole wizard down.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.rules.wizard_form import StepSpec
from desktop.ui.common.widgets import plain_label
from desktop.ui.wizard.session import DraftSession

translate = QCoreApplication.translate

Navigate = Callable[[str], bool]


class StepPage(QWidget):
    """The base of every wizard step page: the hooks the wizard calls, each doing nothing by default."""

    def retranslate(self, lang: str) -> None:
        """Show every text in `lang`."""

    def focus_path(self, path: str) -> bool:
        """Focus the field or cell of the finding path `path`; True when the step could."""
        return False

    def set_navigator(self, navigate: Navigate) -> None:
        """The wizard's way to a finding path on any step (kept by a step that links to others)."""

    def trigger(self, action: str) -> bool:
        """A menu action routed to the step ("export", "print"); True when the step handled it."""
        return False

    def help_for(self, widget: QWidget | None) -> str | None:
        """F1's help text for `widget` (the focused one), when the step knows one."""
        return None


class ComingStep(StepPage):
    """Stands in for a step whose module has not been written yet (or failed to load)."""

    def __init__(self, spec: StepSpec, problem: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.problem = problem
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = plain_label(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = plain_label(self, wrap=True)
        self.note = plain_label(self, wrap=True)
        self.note.setObjectName("coming-note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for w in (self.heading, self.intro, self.note):
            layout.addWidget(w)
        layout.addStretch(1)

    def retranslate(self, lang: str) -> None:
        self.heading.setText(self.spec.title.get(lang))
        self.intro.setText(self.spec.intro.get(lang))
        if self.problem:
            self.note.setText(
                translate("ComingStep", "This step could not be loaded: {problem}").format(problem=self.problem)
            )
        else:
            self.note.setText(translate(
                "ComingStep",
                "This step arrives with the equipment issue. Your draft keeps its equipment lines and "
                "attachments meanwhile, and the summary above already counts them.",
            ))

def load_step(spec: StepSpec, session: DraftSession, parent: QWidget | None = None) -> StepPage:
    """The step's widget from its `module:Class`, or a ComingStep when the module does not exist yet."""
    assert spec.widget is not None
    module_name, _, class_name = spec.widget.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return ComingStep(spec, None, parent)
        traceback.print_exc(file=sys.stderr)
        return ComingStep(spec, str(exc), parent)
    except Exception as exc:  # a broken step must not take the whole wizard down
        traceback.print_exc(file=sys.stderr)
        return ComingStep(spec, f"{type(exc).__name__}: {exc}", parent)
    cls = getattr(module, class_name, None)
    if not (isinstance(cls, type) and issubclass(cls, StepPage)):
        return ComingStep(spec, f"{module_name} has no step page {class_name}", parent)
    build = cast(Callable[[DraftSession, QWidget | None], StepPage], cls)  # a page is built from the session
    return build(session, parent)
