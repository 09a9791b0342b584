"""Evidence (grant-draft/2), each against a baseline measured in the same run:

    checker_evidence_10k: check() of 10,000 lines with full evidence against json.loads of the same file
    attach_1k_lines_3_files: attaching 3 files to each of 1,000 lines (read, hash, copy into the store,
              fsync, rename) against hashlib.sha256 of the same bytes
    auditor_xlsx_10k: the 支出明细及票据清单 of 10,000 lines against openpyxl (write-only) writing the
              same cells without styles
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
from desktop.services.evidence_files import attach_file
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
    text = dumps(draft)
    pack = get_pack(draft.program)
    parse = best_of(lambda: json.loads(text))
    full = best_of(lambda: check(draft, pack, AS_OF))
    figures.append(Figure(f"checker_evidence_{n}_lines", full, "ms", "json.loads", parse, "ratio <= 3"))

    assessment = check(draft, pack, AS_OF)
    rows = [line_cells(k, i, line, amount) for k, (i, line, amount) in enumerate(counted_lines(draft, assessment), 1)]

    def plain_xlsx() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("x")
        for row in rows:
            ws.append(row)
        wb.save(io.BytesIO())

    ours = best_of(lambda: write_expense_list(draft, assessment, io.BytesIO()), 3)
    baseline = best_of(plain_xlsx, 3)
    figures.append(Figure(f"auditor_xlsx_{n}_lines", ours, "ms", "openpyxl same cells", baseline, "ratio <= 2"))

    m = max(5, int(1000 * scale))
    size = 16 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        blobs = []
        for i in range(3 * m):
            data = i.to_bytes(4, "little") * (size // 4)
            (folder / f"f{i}.bin").write_bytes(data)
            blobs.append(data)
        target = evidence_draft(m)
        round_no = [0]

        def attach_all() -> None:  # a fresh store each round: every file is really copied
            round_no[0] += 1
            store = FileStore(Path(tmp) / f"store{round_no[0]}")
            for i in range(3 * m):
                attach_file(store, target, folder / f"f{i}.bin", kind="nameplate_photo", line=i // 3)

        attach = best_of(attach_all, 3)
        hashing = best_of(lambda: [hashlib.sha256(b).hexdigest() for b in blobs], 3)
    figures.append(Figure(f"attach_{m}_lines_3_files", attach, "ms", "hashlib same bytes", hashing, "info",
                          f"{3 * m} files of {size // 1024} KiB, each fsynced into the store"))
    return figures
