"""A folder or a set of 数电发票 files (XML, OFD, PDF) -> a Preview of lines, each with its invoice as evidence.

Each item of each invoice becomes a row of a table with the e-tax export's column names, so the lines go
through the same reading as a ledger (the *类别* prefix removed, prices with many decimals, discount items
netted, services proposed as excluded). Then every line gets its invoice (number, date, amount excl. VAT)
and the file it came from (kind "invoice", by SHA-256; `Preview.files` names the files for the caller to
keep in the program's file store). The same invoice twice is read once and said; a buyer other than the
applicant (by name or credit code) is warned.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.model import Invoice, LineFile
from desktop.importers import values as v
from desktop.importers.einvoice import INVOICE_SUFFIXES, EInvoice, read_invoice
from desktop.importers.errors import ImportRefused
from desktop.importers.header import Header, auto_mapping
from desktop.importers.preview import Options, Preview, build_preview
from desktop.importers.problems import Note
from desktop.importers.table import SourceRow, Table

FILES_LIMIT = 10_000  # invoice files in one import
HEADERS = ("发票文件", "数电发票号码", "开票日期", "销方名称", "项目名称", "规格型号", "单位", "数量", "单价",
           "金额", "税率")


def is_invoice_file(path: Path) -> bool:
    return path.suffix.lower() in INVOICE_SUFFIXES


def invoice_paths(given: Iterable[Path]) -> list[Path]:
    """The invoice files named, and those in the folders named (not their subfolders), in name order."""
    found: list[Path] = []
    for path in given:
        if path.is_dir():
            try:
                entries = sorted(os.scandir(path), key=lambda e: e.name)
            except OSError as exc:
                raise ImportRefused(str(path), f"cannot list the folder ({exc.strerror})",
                                    f"无法列出该文件夹（{exc.strerror}）") from None
            found.extend(Path(e.path) for e in entries if e.is_file() and is_invoice_file(Path(e.name)))
        else:
            found.append(path)
        if len(found) > FILES_LIMIT:
            raise ImportRefused(str(path), f"more than {FILES_LIMIT:,} invoice files; import them in parts",
                                f"发票文件超过 {FILES_LIMIT:,} 个，请分批导入")
    if not found:
        raise ImportRefused(", ".join(str(p) for p in given), "holds no invoice files (.xml, .ofd, .pdf)",
                            "没有发票文件（.xml、.ofd、.pdf）")
    return found


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and "".join(a.split()).upper() == "".join(b.split()).upper()


def import_invoices(paths: Iterable[Path], *, applicant: tuple[str | None, str | None] = (None, None),
                    options: Options | None = None) -> Preview:
    """Read the invoice files; ImportRefused (naming the file) when one cannot be read."""
    files = invoice_paths(list(paths))
    invoices: list[EInvoice] = []
    digests: list[tuple[str, int]] = []
    seen: dict[str, Path] = {}
    duplicates: list[str] = []
    for path in files:
        if not path.is_file():
            raise ImportRefused(str(path), "no such file", "找不到该文件")
        invoice = read_invoice(path)
        key = invoice.number or ""
        if key and key in seen:
            duplicates.append(f"{key} ({seen[key].name}, {path.name})")
            continue
        seen[key] = path
        data = path.read_bytes()
        invoices.append(invoice)
        digests.append((hashlib.sha256(data).hexdigest(), len(data)))
    rows: list[SourceRow] = [SourceRow(1, list(HEADERS))]
    owner: dict[int, int] = {}
    for index, invoice in enumerate(invoices):
        for item in invoice.items:
            number = len(rows) + 1
            owner[number] = index
            values: list[Any] = [invoice.path.name, invoice.number, invoice.issued, invoice.seller, item.name,
                                 item.model, item.unit, item.quantity, item.price, item.amount, item.rate]
            rows.append(SourceRow(number, values))
    source = str(files[0].parent if len(files) > 1 else files[0])
    table = Table(source, rows, "invoices")
    header = Header(0, 1, HEADERS)
    notes = [Note("invoice_files", args=(("n", str(len(invoices))),))]
    if duplicates:
        notes.append(Note("duplicate_invoice", args=(("numbers", "; ".join(duplicates)),)))
    name, code = applicant
    strangers = [f"{i.path.name}: {i.buyer or '?'} {i.buyer_id or ''}".strip() for i in invoices
                 if (name and i.buyer and not _same(name, i.buyer))
                 or (code and i.buyer_id and not _same(code, i.buyer_id))]
    if strangers:
        notes.append(Note("buyer_mismatch", args=(("files", "; ".join(strangers)),
                                                  ("applicant", f"{name or ''} {code or ''}".strip()))))
    preview = build_preview(table, header, auto_mapping(HEADERS), False, None, options, notes)
    _attach(preview, invoices, digests, owner)
    return preview


def _invoice_record(invoice: EInvoice) -> Invoice:
    issued: date | None
    try:
        issued = v.date_value(invoice.issued) if invoice.issued else None
    except v.BadValue:
        issued = None
    try:
        total = v.money(invoice.total) if invoice.total else None
    except v.BadValue:
        total = None
    return Invoice(invoice.number, issued, total)


def _attach(preview: Preview, invoices: list[EInvoice], digests: list[tuple[str, int]], owner: dict[int, int]) -> None:
    """Each line gets its invoice and the invoice's file; `preview.files` lists the files to keep."""
    for row, line in [*zip(preview.line_rows, preview.lines, strict=True), *preview.services]:
        index = owner.get(row)
        if index is None:
            continue
        invoice = invoices[index]
        digest, size = digests[index]
        line.files = [LineFile("invoice", digest, invoice.path.name, size)]
        line.invoices = [_invoice_record(invoice)]
        preview.files[digest] = invoice.path
