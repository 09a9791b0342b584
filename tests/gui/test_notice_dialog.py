"""A notice entered in the dialog (no YAML) is validated like a file, chosen for the draft, and the strip
shows its deadline and the days left; the checker then reads the lines against its windows."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.ui.clients.notice_dialog import NoticeChooser, NoticeEditor
from tests.gui.test_wizard import new_wizard


def _fill(editor: NoticeEditor, deadline: str) -> None:
    editor.number.setText("深工信〔2026〕7号")
    editor.notice_id.setText("sz-2026-7")
    editor.title_zh.setText("深圳测试通知")
    editor.title_en.setText("Shenzhen test notice")
    editor.issuer_zh.setText("深圳市工业和信息化局")
    editor.issuer_en.setText("Shenzhen industry bureau")
    editor.track.setCurrentIndex(editor.track.findData("innovation_center"))
    for start, end in editor.dates.values():
        start.setText("2022-07-01")
        end.setText("2025-07-31")
    editor.deadline_label.setText("网上填报截止")
    editor.deadline.setText(deadline)


def test_a_bad_date_is_named_and_nothing_is_written(qtbot) -> None:
    editor = NoticeEditor("en")
    qtbot.addWidget(editor)
    _fill(editor, "2026-13-01")
    editor.save()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert "YYYY-MM-DD" in editor.problem.text() and "Deadline" in editor.problem.text()
    editor.dates["payments"][0].setText("2025-08-01")  # ends before it starts: the validator says so
    editor.deadline.setText("2026-03-31")
    editor.save()
    assert "payments window ends (2025-07-31) before it starts (2025-08-01)" in editor.problem.text()
    assert not (Path(os.environ["GRANT_ASSISTANT_HOME"]) / "notices").exists()


def test_notice_from_dialog_to_strip(qtbot, start_program) -> None:
    controller = start_program()
    wizard = new_wizard(qtbot, controller)
    assert "No notice" in wizard.strip.deadline.text() and "2025-09-01" in wizard.strip.deadline.text()
    editor = NoticeEditor("en", program="gd-ai-robotics-2025")
    assert editor.program.currentData() == "gd-ai-robotics-2025"
    qtbot.addWidget(editor)
    _fill(editor, (date.today().replace(day=1).replace(year=date.today().year + 1)).isoformat())
    editor.save()
    assert editor.added is not None, editor.problem.text()
    assert (Path(os.environ["GRANT_ASSISTANT_HOME"]) / "notices" / "sz-2026-7.yaml").is_file()
    chooser = NoticeChooser(None, "en")
    qtbot.addWidget(chooser)
    chooser.combo.setCurrentIndex(chooser.combo.findData("sz-2026-7"))
    assert "invoices 2022-07-01 … 2025-07-31" in chooser.details.text()
    wizard.session.set_value("notice", chooser.chosen(), mergeable=False)
    wizard.session.check_now()
    days = (editor.added.deadlines[0].day - date.today()).days
    assert wizard.strip.deadline.text() == f"网上填报截止 {editor.added.deadlines[0].day.isoformat()}: {days} days left"
    assert wizard.session.assessment.pack.notice is not None
    assert wizard.session.assessment.pack.invoice_bounds == (date(2022, 7, 1), date(2025, 7, 31))
    # undo: back to the policy period
    wizard.session.undo_stack.undo()
    wizard.session.check_now()
    assert wizard.session.draft.notice is None and "No notice" in wizard.strip.deadline.text()
