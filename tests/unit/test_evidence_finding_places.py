"""Findings about a line's evidence name the field in words wherever they are shown (the command line's
report, the PDF's "where" column); the other findings are shown as before."""

from __future__ import annotations

from datetime import date

from desktop.domain.model import Invoice
from desktop.pdf.findings import _rows, _where
from desktop.rules.checker import check
from desktop.services.report import render_text
from tests.conftest import AS_OF
from tests.unit.test_evidence_checks import PACK, complete


def _late_invoice() -> tuple[str, str]:
    d = complete()
    d.equipment[1].invoices = [*d.equipment[1].invoices, Invoice("12345678901234567890", date(2019, 1, 2), None)]
    a = check(d, PACK, AS_OF)
    paths = sorted(f.path for f in a.findings if f.path.startswith("equipment[1].invoices["))
    assert paths, "the late invoice is found"
    return paths[0], render_text(a, "d.json", "en") + render_text(a, "d.json", "zh")


def test_the_report_names_evidence_in_words() -> None:
    path, text = _late_invoice()
    assert path not in text
    row = int(path.split("invoices[")[1].split("]")[0]) + 1
    assert f"[line 2 invoice amount excl. VAT (invoices, row {row})]" in text  # the amount is missing
    assert f"[line 2 invoice date (invoices, row {row})]" in text  # and the date is outside the window
    assert f"[第 2 行 开票日期（发票第 {row} 行）]" in text


def test_the_pdf_where_column_names_evidence_in_words() -> None:
    assert _where("equipment[3].invoices[0].date", "bilingual") == (
        "第 4 行 / line 4\n开票日期（发票第 1 行） / invoice date (invoices, row 1)"
    )
    assert _where("equipment[3].payments", "en") == "line 4\npayments"
    # a finding on another field is written as it always was
    assert _where("equipment[3].quantity", "zh") == "第 4 行\n数量"
    assert _where("attachments[1].kind", "en") == "attachments[1].kind"


def test_the_pdf_rows_carry_the_words() -> None:
    d = complete()
    d.equipment[0].invoices = [*d.equipment[0].invoices, Invoice(None, date(2025, 3, 1), None)]
    a = check(d, PACK, AS_OF)
    wheres = [row[3] for row in _rows(a, "zh")]
    assert any("（发票第 " in w for w in wheres), wheres
    assert not any("invoices[" in w for w in wheres), wheres
