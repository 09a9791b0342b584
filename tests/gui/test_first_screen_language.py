"""Every string in the language chosen: Qt's own dialogs and buttons, and texts set before a switch."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from desktop.domain.changes import SetAttachments
from desktop.domain.model import Attachment

CJK = re.compile(r"[\u4e00-\u9fff]")


def _ok_cancel() -> tuple[str, str]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok).text()
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    box.deleteLater()
    return ok, cancel


def _file_dialog_labels() -> list[str]:
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    dialog.deleteLater()
    return labels


def test_qt_standard_buttons_and_file_dialogs_follow_the_language(qtbot, start_program) -> None:
    controller = start_program("zh")
    ok, cancel = _ok_cancel()
    assert "确定" in ok and "取消" in cancel
    labels = _file_dialog_labels()
    assert labels and all(CJK.search(t) for t in labels), labels
    controller.switch_language("en")
    assert _ok_cancel() in (("&OK", "&Cancel"), ("OK", "Cancel"))
    assert not any(CJK.search(t) for t in _file_dialog_labels())
    controller.switch_language("zh")
    assert "确定" in _ok_cancel()[0]


def test_the_print_dialog_is_chinese_in_the_chinese_interface(qtbot, start_program) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    start_program("zh")
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    dialog.deleteLater()
    assert "页面集(&S)：" in labels
    assert not [t for t in labels if re.fullmatch(r"[A-Za-z &:]+", t)]


def test_the_attachments_status_line_follows_a_language_switch(qtbot, start_program, tmp_path) -> None:
    controller = start_program("zh")
    wizard = controller.open_demo()
    qtbot.waitExposed(wizard)
    file = tmp_path / "a.pdf"
    file.write_bytes(b"%PDF-1.4\n")
    import hashlib

    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    wizard.session.apply(SetAttachments((Attachment(kind="invoice", name="a.pdf", sha256=digest,
                                                    size=file.stat().st_size, path=str(file)),)))
    wizard.go_to_step("attachments")
    page = wizard.current_page()
    page.verify()
    qtbot.waitUntil(lambda: page.status.text() == "所有文件与记录一致。", timeout=5000)
    controller.switch_language("en")
    assert page.status.text() == "Every file is as recorded."
