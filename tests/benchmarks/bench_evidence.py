"""Evidence (grant-draft/2), each against a baseline measured in the same run:

    checker_evidence_10k: check() of 10,000 lines with full evidence against json.loads of the same file
    auditor_xlsx_10k: the 支出明细及票据清单 of 10,000 lines against openpyxl (write-only) writing the
              same cells without styles
    A 1,000-line draft with three files per line (its invoice, contract and bank slip, named by their
    numbers as scans are):
    folder_drop_1k: a folder of 3,000 scans attached as the folder drop does it, without Qt (list the
              folder, match the names to lines, copy into the store in one batch synced together, the
              lines with their files) against hashlib.sha256 of the same bytes
    attach_per_file_1k: the same files attached one by one (each synced on its own), for comparison
    check_1k, auditor_xlsx_1k: the check of that draft (against json.loads of its file) and its
              expense list (against openpyxl writing the same cells)
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from desktop import paths
from desktop.domain.exchange import dumps, loads
from desktop.domain.model import Attachment, Contract, Draft, Invoice, LineFile, Payment
from desktop.rules.checker import check
from desktop.services.auditor import counted_lines, line_cells, write_expense_list
from desktop.services.evidence_files import attach_file, lines_with_files
from desktop.services.evidence_matching import folder_files, propose
from desktop.services.packs import get_pack
from desktop.storage.files_store import FileStore
from tests.benchmarks.harness import Figure, best_of

AS_OF = date(2026, 6, 1)


def evidence_draft(n: int) -> Draft:
    demo = loads(paths.demo_draft_path().read_bytes())
    base = demo.equipment
    lines = []
    for i in range(n):
        line = copy.copy(base[i % len(base)])
        amount = (line.unit_price or Decimal(0)) * (line.quantity or 1)
        line.invoice_number = None
        line.contract = Contract(f"HT-{i:06d}", date(2025, 9, 20))
        line.invoices = [Invoice(f"{25442000000000000000 + i}", date(2025, 10, 15), amount)]
        line.payments = [Payment(date(2025, 10, 30), amount, "bank_transfer")]
        line.acceptance_date, line.asset_tag, line.location = date(2025, 11, 10), f"ZC-{i:06d}", "研发楼"
        line.imported = False
        line.files = [LineFile("contract", f"{3 * i:064x}", f"c{i}.pdf", 1000),
                      LineFile("invoice", f"{3 * i + 1:064x}", f"i{i}.pdf", 1000),
                      *[LineFile("nameplate_photo", f"{10**9 + 100 * i + k:064x}", f"p{i}-{k}.jpg", 1000)
                        for k in range(line.quantity or 1)]]
        lines.append(line)
    demo.equipment = lines
    demo.attachments = [Attachment(kind=k, name=f"{k}.pdf") for k in (
        "business_licence", "center_approval", "audit_report", "credit_report", "legal_rep_certificate")]
    demo.format_version = 2
    return demo


def run(scale: float = 1.0) -> list[Figure]:
    figures = []
    n = max(10, int(10_000 * scale))
    draft = evidence_draft(n)
    figures += _check_and_xlsx(draft, f"checker_evidence_{n}_lines", n, "")
    figures += thousand_lines(max(5, int(1000 * scale)))
    return figures


def _xlsx_pair(draft: Draft, n: int, tag: str) -> Figure:
    """Our expense list of `draft` against openpyxl writing the same cells, best of three."""
    assessment = check(draft, get_pack(draft.program), AS_OF)
    rows = [line_cells(k, i, line, amount) for k, (i, line, amount) in enumerate(counted_lines(draft, assessment), 1)]

    def plain_xlsx() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("x")
        for row in rows:
            ws.append(row)
        wb.save(io.BytesIO())

    ours = best_of(lambda: write_expense_list(draft, assessment, io.BytesIO()), 3)
    baseline = best_of(plain_xlsx, 3)
    return Figure(f"auditor_xlsx_{n}_lines{tag}", ours, "ms", "openpyxl same cells", baseline, "ratio <= 2")


def thousand_lines(m: int) -> list[Figure]:
    figures = []
    size = 16 * 1024
    draft = evidence_draft(m)
    for line in draft.equipment:
        line.files = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "扫描件"
        folder.mkdir()
        blobs = []
        for i, line in enumerate(draft.equipment):
            invoice, contract = line.invoices[0].number, line.contract.number
            for k, name in enumerate((f"{invoice}_增值税专用发票.pdf", f"合同{contract}扫描件.pdf",
                                      f"{contract} 付款回单.pdf")):
                data = (3 * i + k).to_bytes(4, "little") * (size // 4)
                (folder / name).write_bytes(data)
                blobs.append(data)
        round_no = [0]

        def drop() -> None:  # a fresh store each round: every file is really copied
            round_no[0] += 1
            store = FileStore(Path(tmp) / f"store{round_no[0]}")
            proposals = propose(draft, folder_files(folder))
            placed = [(p.path, p.line, p.kind) for p in proposals if p.line is not None]
            assert len(placed) == 3 * m, "every scan is matched to its line"
            lines = lines_with_files(store, draft, placed)
            assert len(lines) == m

        def one_by_one() -> None:
            round_no[0] += 1
            store = FileStore(Path(tmp) / f"store{round_no[0]}")
            target = copy.deepcopy(draft)
            for p in propose(draft, folder_files(folder)):
                attach_file(store, target, p.path, kind=p.kind, line=p.line)

        attach = best_of(drop, 3)
        hashing = best_of(lambda: [hashlib.sha256(b).hexdigest() for b in blobs], 3)
        figures.append(Figure(f"folder_drop_{m}_lines_3_files", attach, "ms", "hashlib same bytes", hashing, "info",
                              f"{3 * m} files of {size // 1024} KiB matched, copied, synced together"))
        per_file = best_of(one_by_one, 1)
        figures.append(Figure(f"attach_per_file_{m}_lines_3_files", per_file, "ms", "folder drop", attach, "info",
                              "each file synced on its own"))
        lines = lines_with_files(FileStore(Path(tmp) / "kept"), draft,
                                 [(p.path, p.line, p.kind) for p in propose(draft, folder_files(folder))
                                  if p.line is not None])
    for i, line in lines.items():
        draft.equipment[i] = line
    figures += _check_and_xlsx(draft, f"check_{m}_lines_3_files", m, "_3_files")
    return figures


def _check_and_xlsx(draft, name: str, n: int, suffix: str) -> list[Figure]:
    """The checker against json.loads of the same file, and the auditor's XLSX against openpyxl."""
    text = dumps(draft)
    pack = get_pack(draft.program)
    parse = best_of(lambda: json.loads(text))
    checking = best_of(lambda: check(draft, pack, AS_OF))
    return [Figure(name, checking, "ms", "json.loads", parse, "ratio <= 3"), _xlsx_pair(draft, n, suffix)]
