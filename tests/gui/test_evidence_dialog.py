"""A line's evidence edited in its dialog from the equipment step: values checked and named, files kept by
the program, the whole line applied as one undo step and stored; the draft becomes grant-draft/2."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.domain.exchange import dumps
from desktop.services.evidence_files import store_of
from desktop.ui.attachments import evidence_dialog
from desktop.ui.attachments.evidence_dialog import LineEvidenceDialog
from tests.gui.steps_support import demo_session, show


def _drive(dialog: LineEvidenceDialog, photo: str) -> None:
    dialog.edits["contract_number"].setText("HT-2025-001")
    dialog.edits["contract_date"].setText("2025-09-20")
    dialog.edits["asset_tag"].setText("ZC-0001")
    dialog.invoices.add(["25442000000000000001", "2025-10-15", "2500000.00"])
    dialog.payments.add(["2025-10-30", "2500000.00", "bank_transfer"])
    dialog.choose_files = lambda: [photo]
    dialog.do_add_files()


def test_evidence_dialog_from_the_equipment_step(qtbot, start_program, tmp_path):
    controller = start_program("zh")
    wizard = controller.open_demo()
    draft_id = wizard.session.draft_id
    wizard.go_to_step("equipment")
    page = wizard.page(wizard.current)
    page.select_rows([0])
    photo = tmp_path / "铭牌.jpg"
    photo.write_bytes(b"\xff\xd8\xff nameplate of line 1")
    seen = []

    def drive(dialog) -> bool:
        seen.append(dialog)
        assert dialog.windowTitle().startswith("第 1 行的证明材料")
        _drive(dialog, str(photo))
        dialog.accept()
        return True

    page.exec_dialog = drive
    qtbot.mouseClick(page.evidence_button, Qt.MouseButton.LeftButton)
    assert seen
    session = wizard.session
    line = session.draft.equipment[0]
    assert line.contract.number == "HT-2025-001" and line.contract.date == date(2025, 9, 20)
    assert line.invoices[0].amount == Decimal("2500000.00") and line.payments[0].method == "bank_transfer"
    assert [f.kind for f in line.files] == ["nameplate_photo"] and line.files[0].name == "铭牌.jpg"
    assert store_of(controller.store.db).read(line.files[0].sha256 or "") == photo.read_bytes()
    assert dumps(session.draft).startswith('{\n  "format": "grant-draft/2"')
    assert "evidence_contract_missing" not in {f.path for f in session.check_now().findings if f.path.startswith(
        "equipment[0]")}
    assert session.flush()
    assert controller.store.load(draft_id).draft.equipment[0] == line
    session.undo_stack.undo()
    assert session.draft.equipment[0].invoices == [] and dumps(session.draft).startswith(
        '{\n  "format": "grant-draft/1"')


def test_unreadable_values_are_named_and_nothing_changes(qtbot):
    session = demo_session()
    before = dumps(session.draft)
    dialog = show(qtbot, LineEvidenceDialog(session, 2, "en"))
    dialog.invoices.add(["1", "2025-02-30", "12"])
    dialog.accept()
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text() == (
        'Invoice date (invoices, row 1): expected a real calendar date written YYYY-MM-DD, got "2025-02-30"'
    )
    dialog.invoices.removeRow(0)
    dialog.payments.add(["2025-10-01", "1.5万", None])
    dialog.accept()
    assert dialog.problem.text().startswith("Payment amount (payments, row 1): expected a decimal number")
    dialog.edits["acceptance_date"].setText("10/11/2025")
    dialog.payments.removeRow(0)
    dialog.accept()
    assert dialog.problem.text().startswith("Acceptance date: expected a date written YYYY-MM-DD")
    assert dumps(session.draft) == before and not dialog.add_file.isEnabled()


def test_choice_columns_show_labels_and_the_button_needs_a_line(qtbot):
    session = demo_session()
    dialog = show(qtbot, LineEvidenceDialog(session, 0, "zh"))
    dialog.payments.add(["2025-10-01", "1.00", "acceptance_bill"])
    index = dialog.payments.index(0, 2)
    assert index.data() == "承兑汇票" and index.data(Qt.ItemDataRole.EditRole) == "acceptance_bill"
    assert evidence_dialog.text("button", "en") == "Evidence…"


def test_attachments_step_ticks_the_required_documents(qtbot):
    from desktop.domain.changes import SetAttachments
    from desktop.domain.model import Attachment
    from desktop.ui.attachments.attachments_page import AttachmentsPage

    session = demo_session()
    page = show(qtbot, AttachmentsPage(session))
    text = page.checklist.text()
    assert text.startswith("必备材料") and "✗ 信用报告" in text and "✗ 法定代表人证明书或授权委托书" in text
    session.apply(SetAttachments((*session.draft.attachments, Attachment(kind="credit_report", name="c.pdf"),
                                  Attachment(kind="power_of_attorney", name="p.pdf"))))
    assert "✓ 信用报告" in page.checklist.text() and "✓ 法定代表人证明书或授权委托书" in page.checklist.text()
    page.retranslate("en")
    assert "✓ credit report" in page.checklist.text() and "信用" not in page.checklist.text()


def test_a_finding_about_evidence_leads_to_its_line_and_button(qtbot):
    from desktop.ui.equipment.equipment_page import EquipmentPage

    page = show(qtbot, EquipmentPage(demo_session()))
    assert page.focus_path("equipment[3].invoices[0].date")
    assert page.selected_rows() == [3]
    qtbot.waitUntil(lambda: page.evidence_button.hasFocus())
    assert page.focus_path("equipment[2].quantity") and not page.evidence_button.hasFocus()


def test_the_fields_are_headed_with_the_catalogue_labels(qtbot):
    from desktop.domain.fields import CATALOGUE
    from desktop.ui.attachments.evidence_dialog import TEXTS

    session = demo_session()
    dialog = show(qtbot, LineEvidenceDialog(session, 0, "zh"))
    heads = [dialog.invoices.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert heads == ["发票号码", "开票日期（YYYY-MM-DD）", "发票金额（不含税）"]
    assert dialog.edits["contract_number"].accessibleName() == CATALOGUE["equipment[].contract.number"].label.zh
    assert dialog.imported.text() == CATALOGUE["equipment[].imported"].label.zh
    english = show(qtbot, LineEvidenceDialog(session, 0, "en"))
    assert english.payments.headerData(2, Qt.Orientation.Horizontal) == "Payment method"
    assert english.edits["customs_declaration"].accessibleName() == "Customs declaration number"
    # the dialog's own table holds only its own words, no field's label
    assert not {"contract_number", "invoices", "number", "amount", "imported"} & set(TEXTS)
    english.edits["contract_date"].setText("2025-13-01")
    english.accept()
    assert english.problem.text().startswith("Contract date: ")
