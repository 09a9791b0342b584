"""The e-tax bureau's invoice export and 数电发票 PDFs (REPRODUCTIONS, see tests/unit/ledgers.py and
einvoices.py): a 10,000-row 全量发票查询导出 read by import_file against openpyxl merely iterating its detail
sheet read-only; 1,000 e-invoice PDFs read by import_invoices against pypdf extracting their text."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from desktop.importers import import_file
from desktop.importers.invoice_files import import_invoices
from tests.benchmarks.harness import Figure, best_of
from tests.unit.einvoices import Spec, write_pdf
from tests.unit.ledgers import ETAX_BASIC, ETAX_DETAIL, etax_row


def write_etax(path: Path, count: int) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    basic = workbook.create_sheet("发票基础信息")
    basic.append(ETAX_BASIC)
    detail = workbook.create_sheet("信息汇总表")
    detail.append(ETAX_DETAIL)
    for i in range(count):
        number = f"{25442000000000000000 + i}"
        price = f"{1000 + i}.150442478"
        amount = f"{(1000 + i) * 2 + 0.30:.2f}"
        basic.append([i + 1, "", "", number, "", "广州精机有限公司", "", "广州示例", "2025-10-15", amount])
        detail.append(etax_row(i + 1, number, "广州精机有限公司", "2025-10-15 14:23:01", "*机械设备*加工中心",
                               f"M{i}", 2, price, amount))
    workbook.save(path)
    return path


def _iterate(path: Path) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in workbook["信息汇总表"].iter_rows(values_only=True))
    finally:
        workbook.close()


def _extract(paths: list[Path]) -> int:
    return sum(len(PdfReader(io.BytesIO(p.read_bytes())).pages[0].extract_text()) for p in paths)


def run(scale: float) -> list[Figure]:
    rows = max(int(10_000 * scale), 10)
    files = max(int(1_000 * scale), 5)
    repeat = 3 if scale >= 0.5 else 5
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        export = write_etax(root / "export.xlsx", rows)
        assert len(import_file(export).lines) == rows
        export_base = best_of(lambda: _iterate(export), repeat)
        export_value = best_of(lambda: import_file(export), repeat)
        pdfs = root / "pdfs"
        pdfs.mkdir()
        items = [("*机械设备*立式加工中心", "VMC850", "台", "2", "176991.150442478", "353982.30", "13%")]
        paths = [write_pdf(pdfs / f"{i:05d}.pdf", Spec(f"{25442000000000000000 + i}", "2025-10-15", items,
                                                       total="353982.30")) for i in range(files)]
        assert len(import_invoices([pdfs]).lines) == files
        pdf_base = best_of(lambda: _extract(paths), repeat)
        pdf_value = best_of(lambda: import_invoices([pdfs]), repeat)
    return [
        Figure(f"import_etax_export_{rows}", export_value, "ms", "openpyxl read-only iteration", export_base,
               "ratio <= 2", note="sheet scored and chosen, every value parsed, notes, preview built"),
        Figure(f"import_einvoice_pdfs_{files}", pdf_value, "ms", "pypdf text extraction", pdf_base, "ratio <= 2",
               note="text parsed, lines previewed, SHA-256 of every file"),
    ]
