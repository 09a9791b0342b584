"""A first window: open a draft file and see what it is worth and what blocks it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.domain.errors import DraftFormatError
from desktop.domain.money import format_yuan
from desktop.rules.yamlnodes import PackError
from desktop.services.checking import assess, read_draft_file


class SummaryWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("grant-assistant 研发设备补助申报助手")
        self.resize(900, 600)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.open_button = QPushButton("打开草稿… Open draft…", central)
        self.demo_button = QPushButton("打开演示草稿 Open the demo draft", central)
        self.summary = QLabel(central)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.findings = QListWidget(central)
        for w in (self.open_button, self.demo_button, self.summary, self.findings):
            layout.addWidget(w)
        self.setCentralWidget(central)
        self.open_button.clicked.connect(self._choose)
        self.demo_button.clicked.connect(lambda: self.show_file(paths.demo_draft_path()))

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open draft", "", "Drafts (*.json)")
        if name:
            self.show_file(Path(name))

    def show_file(self, path: Path) -> None:
        self.findings.clear()
        try:
            a = assess(read_draft_file(path))
        except (DraftFormatError, PackError) as exc:
            self.summary.setText(str(exc))
            return
        t = a.totals
        self.summary.setText(
            f"{path.name}\n状态 {a.status} · 计入基数 {format_yuan(t.eligible)} 元 · "
            f"可申请上限 {format_yuan(t.max_subsidy)} 元 · 错误 {a.errors} · 警告 {a.warnings}"
        )
        for f in a.findings:
            self.findings.addItem(f"[{f.severity}] {f.path}: {a.message(f)}")
