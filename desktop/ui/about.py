"""The About box: the program, the rule pack's version, its document and sources."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.services.packs import available_programs, get_pack
from desktop.ui.common import icons
from desktop.ui.common.widgets import plain_label


class AboutDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Grant assistant"))
        layout = QVBoxLayout(self)
        logo = QLabel(self)
        logo.setPixmap(icons.icon("app").pixmap(48, 48))
        layout.addWidget(logo)
        self.text = plain_label(self, self.describe(lang), wrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(520)
        layout.addWidget(self.text)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        box.accepted.connect(self.accept)
        layout.addWidget(box)

    def describe(self, lang: str) -> str:
        lines = [
            self.tr("Grant assistant {version}").format(version=__version__),
            self.tr("Prepares and checks applications for Guangdong's R&D-equipment subsidy."),
        ]
        for program in available_programs():
            pack = get_pack(program)
            lines += [
                "",
                self.tr("Rule pack {id}, version {version}").format(id=pack.id, version=pack.version),
                f"{pack.document.title.get(lang)} {pack.document.number}",
                self.tr("Sources:"),
            ]
            lines += [f"  • {source.get(lang)}" for source in pack.sources.values()]
        return "\n".join(lines)
