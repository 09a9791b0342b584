"""数电发票 files (XML, OFD, PDF) become lines with their invoice as evidence. The files are REPRODUCTIONS of
the official layouts written by tests/unit/einvoices.py (no real invoice is in the repository)."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.importers import ImportRefused, Preview
from desktop.importers.einvoice import PART_LIMIT, read_invoice
from desktop.importers.invoice_files import import_invoices
from tests.unit.einvoices import BUYER, Spec, invoice_xml, write_ofd, write_pdf, write_xml

MACHINE = Spec(
    "25442000000123456781",
    "2025-10-15",
    [
        ("*机械设备*立式加工中心", "VMC850", "台", "2", "176991.150442478", "353982.30", "13%"),
        ("*机械设备*立式加工中心", "", "", "", "", "-3982.30", "13%"),  # the discount item
        ("*现代服务*安装调试费", "", "次", "1", "5000", "5000.00", "6%"),
    ],
    total="355000.00",
)
LASER = Spec(
    "25442000000987654321",
    "2025-09-03",
    [("*仪器仪表*激光干涉仪", "XL-80", "套", "1", "150442.48", "150442.48", "13%")],
    seller=("佛山激光科技有限公司", "91440604MA4ZZZZZ3Z"),
    total="150442.48",
)


def _lines(preview: Preview) -> list[tuple[object, ...]]:
    return [(x.name, x.quantity, x.unit_price, x.purchase_date, x.invoice_number) for x in preview.lines]


EXPECTED = [
    ("立式加工中心", 2, Decimal("175000.00"), date(2025, 10, 15), "25442000000123456781"),
    ("激光干涉仪", 1, Decimal("150442.48"), date(2025, 9, 3), "25442000000987654321"),
]


@pytest.mark.parametrize("writer", [write_xml, write_ofd, write_pdf], ids=["xml", "ofd", "pdf"])
def test_a_folder_of_invoices_becomes_lines_with_their_files(
    tmp_path: Path, writer: Callable[[Path, Spec], Path]
) -> None:
    suffixes: dict[object, str] = {write_xml: ".xml", write_ofd: ".ofd", write_pdf: ".pdf"}
    suffix = suffixes[writer]
    folder = tmp_path / "发票"
    folder.mkdir()
    first = writer(folder / f"a{suffix}", MACHINE)
    writer(folder / f"b{suffix}", LASER)
    (folder / "readme.txt").write_text("not an invoice")
    preview = import_invoices([folder], applicant=BUYER)
    assert _lines(preview) == EXPECTED
    assert [x.supplier for x in preview.lines] == ["广州精机有限公司", "佛山激光科技有限公司"]
    assert [(row, line.name) for row, line in preview.services] == [(4, "安装调试费")]
    notes = {n.code: n.rows for n in preview.notes}
    assert notes["discount"] == [3] and notes["services"] == [4] and "buyer_mismatch" not in notes
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    line = preview.lines[0]
    assert [(f.kind, f.sha256, f.name) for f in line.files] == [("invoice", digest, first.name)]
    assert [(i.number, i.date, i.amount) for i in line.invoices] == [
        ("25442000000123456781", date(2025, 10, 15), Decimal("355000.00"))
    ]
    assert preview.files[digest] == first


def test_buyer_mismatch_and_the_same_invoice_twice(tmp_path: Path) -> None:
    write_xml(tmp_path / "a.xml", MACHINE)
    write_pdf(tmp_path / "a-copy.pdf", MACHINE)
    other = Spec(
        LASER.number,
        LASER.issued,
        LASER.items,
        seller=LASER.seller,
        buyer=("另一家公司", "91440101MA5OOOOO9O"),
        total=LASER.total,
    )
    write_ofd(tmp_path / "b.ofd", other)
    preview = import_invoices([tmp_path], applicant=BUYER)
    assert _lines(preview) == EXPECTED
    texts = {n.code: n.text("en") for n in preview.notes}
    assert "25442000000123456781 (a-copy.pdf, a.xml)" in texts["duplicate_invoice"]
    assert (
        "b.ofd: 另一家公司 91440101MA5OOOOO9O" in texts["buyer_mismatch"]
        and BUYER[0] in texts["buyer_mismatch"]
    )


def test_entities_and_doctype_are_refused(tmp_path: Path) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><EInvoice>&b;</EInvoice>'
    (tmp_path / "bomb.xml").write_bytes(bomb)
    with pytest.raises(ImportRefused, match="DOCTYPE or an ENTITY"):
        read_invoice(tmp_path / "bomb.xml")
    external = b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><EInvoice/>'
    (tmp_path / "ext.xml").write_bytes(external)
    with pytest.raises(ImportRefused, match="DOCTYPE"):
        read_invoice(tmp_path / "ext.xml")
    with zipfile.ZipFile(tmp_path / "ent.ofd", "w") as package:
        package.writestr("OFD.xml", "<OFD/>")
        package.writestr("Doc_0/Attachs/i.xml", bomb)
    with pytest.raises(ImportRefused, match="Doc_0/Attachs/i.xml"):
        read_invoice(tmp_path / "ent.ofd")


def test_an_ofd_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.ofd"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("OFD.xml", "<OFD/>")
        package.writestr("Doc_0/Attachs/big.xml", b"<EInvoice>" + b" " * (PART_LIMIT + 10) + b"</EInvoice>")
    assert path.stat().st_size < 100_000
    with pytest.raises(ImportRefused, match="unpacks to more than"):
        read_invoice(path)


def test_files_that_are_not_invoices_are_named(tmp_path: Path) -> None:
    (tmp_path / "x.xml").write_bytes(b"<Other/>")
    with pytest.raises(ImportRefused, match="not a 数电 invoice"):
        read_invoice(tmp_path / "x.xml")
    with zipfile.ZipFile(tmp_path / "y.ofd", "w") as package:
        package.writestr("OFD.xml", "<OFD/>")
    with pytest.raises(ImportRefused, match="without the invoice's data"):
        read_invoice(tmp_path / "y.ofd")
    (tmp_path / "z.pdf").write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(ImportRefused, match="not a readable PDF"):
        read_invoice(tmp_path / "z.pdf")
    assert invoice_xml(MACHINE).startswith(b"<?xml")
