"""Confirming which column of a pasted block goes where, when its header row was not fully recognised.

A block copied from a ledger with its header is mapped by the header's names (desktop/services/tsv.py,
with the importer's names for ledger columns). When a named column matched no field, this small dialog
shows the mapping, one line per column of the block, and lets the user change it before anything is
pasted. The confirmed mapping is remembered for that header (in the importer's file of mappings), so the
same ledger pasted again, or imported, goes the same way without asking.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.importers.mapping import MappingStore
from desktop.services import tsv

translate = QCoreApplication.translate


class PasteMappingDialog(QDialog):
    def __init__(self, plan: tsv.PastePlan, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(translate("PasteMapping", "Paste: which column goes where"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "PasteMapping",
            "The first row of the pasted block names its columns. Check where each column goes; "
            "columns set to “not pasted” are left out.",
        ), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.combos: dict[int, QComboBox] = {}
        header = plan.header or []
        for c, name in enumerate(header):
            if not name.strip():
                continue
            combo = QComboBox(self)
            combo.addItem(translate("PasteMapping", "(not pasted)"), None)
            for field in tsv.FIELDS:
                combo.addItem(tsv.column_name(field, lang), field)
            combo.setCurrentIndex(max(combo.findData(plan.columns.get(c)), 0))
            combo.setAccessibleName(name)
            label = QLabel(name, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label, combo)
            self.combos[c] = combo
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_column(self, column: int, field: str | None) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def result_plan(self) -> tsv.PastePlan:
        """The plan with the columns as chosen (a field chosen twice goes to the leftmost column)."""
        columns: dict[int, str] = {}
        for c, combo in sorted(self.combos.items()):
            field = combo.currentData()
            if field and field not in columns.values():
                columns[c] = field
        unused = [c for c in self.combos if c not in columns]
        return tsv.PastePlan(self.plan.rows, columns, self.plan.header, unused, self.plan.first_field)


def confirmed_plan(text: str, first_field: int, lang: str, parent: QWidget | None,
                   exec_dialog: Callable[[QDialog], object]) -> tsv.PastePlan | None:
    """How to paste `text`: by its header's names (confirmed in the dialog when not certain) or by position;
    None when the user cancelled. `exec_dialog(dialog) -> bool` runs the dialog (tests drive it)."""
    store = MappingStore()
    plan = tsv.plan_paste(text, first_field, store)
    if plan.certain:
        return plan
    dialog = PasteMappingDialog(plan, lang, parent)
    if not exec_dialog(dialog):
        return None
    chosen = dialog.result_plan()
    with contextlib.suppress(OSError):  # not remembered: the dialog asks again next time
        chosen.remember(store)  # the next paste (or import) with this header goes the same way
    return chosen
