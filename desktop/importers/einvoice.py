"""数电发票 files read as they are issued: the XML, the OFD (a ZIP of XML) and the PDF. No Qt.

XML: root <EInvoice>; <EInvoiceData> holds <SellerInformation> (SellerIdNum, SellerName),
<BuyerInformation> (BuyerIdNum, BuyerName), <BasicInformation> (TotalAmWithoutTax, TotalTaxAm,
TotalTax-includedAmount, RequestTime) and one <IssuItemInformation> per item (ItemName, SpecMod, MeaUnits,
Quantity, UnPrice, Amount, TaxRate, ComTaxAm); <TaxSupervisionInfo> holds InvoiceNumber and IssueTime.
OFD: the same XML carried inside the package (Doc_0/Attachs/*.xml, or any part whose root is EInvoice).
PDF: the text pypdf extracts: 电子发票（增值税专用发票）or（普通发票）, 发票号码, 开票日期, 名称 and
统一社会信用代码/纳税人识别号 of the buyer then the seller, and the item table (one item a line).

Safety: XML with a DOCTYPE or an ENTITY declaration is refused (no external or expanding entities ever
reach the parser); every file and every OFD part is bounded in size before it is read.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from desktop.importers.errors import ImportRefused

INVOICE_SUFFIXES = (".xml", ".ofd", ".pdf")
FILE_LIMIT = 32 * 2**20  # one invoice file; a real one is tens of KB (a PDF with fonts, a few hundred)
PART_LIMIT = 8 * 2**20  # one OFD part unpacked
OFD_TOTAL_LIMIT = 64 * 2**20  # all parts of an OFD unpacked
OFD_PARTS_LIMIT = 500
_FORBIDDEN = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass
class Item:
    name: str
    model: str | None = None
    unit: str | None = None
    quantity: str | None = None
    price: str | None = None
    amount: str | None = None
    rate: str | None = None


@dataclass
class EInvoice:
    path: Path
    kind: str  # "xml", "ofd", "pdf"
    number: str | None = None
    issued: str | None = None  # the date as written
    seller: str | None = None
    seller_id: str | None = None
    buyer: str | None = None
    buyer_id: str | None = None
    total: str | None = None  # amount excl. VAT
    items: list[Item] = field(default_factory=list)


def _refuse(path: Path, en: str, zh: str) -> ImportRefused:
    return ImportRefused(str(path), en, zh)


def _read_bounded(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > FILE_LIMIT:
            raise _refuse(path, f"is {size:,} bytes; an invoice file may have at most {FILE_LIMIT:,}",
                          f"文件有 {size:,} 字节，超过发票文件 {FILE_LIMIT:,} 字节的上限")
        with open(path, "rb") as fh:
            return fh.read(FILE_LIMIT + 1)
    except OSError as exc:
        raise _refuse(path, f"cannot read the file ({exc.strerror})", f"无法读取该文件（{exc.strerror}）") from None


def safe_xml(data: bytes, path: Path, part: str = "") -> ElementTree.Element:
    """The parsed XML; refused when it declares a DOCTYPE or an ENTITY, or is not well-formed."""
    where, where_zh = (f'part "{part}" ', f"其中「{part}」") if part else ("", "")
    if _FORBIDDEN.search(data):
        raise _refuse(path, f"{where}declares a DOCTYPE or an ENTITY, which an invoice never does; not read",
                      f"{where_zh}含有 DOCTYPE 或 ENTITY 声明（发票不会有），不予读取")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise _refuse(path, f"{where}is not well-formed XML ({exc})",
                      f"{where_zh}不是格式正确的 XML（{exc}）") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first(root: ElementTree.Element, *names: str) -> str | None:
    for element in root.iter():
        if _local(element.tag) in names and element.text and element.text.strip():
            return element.text.strip()
    return None


def from_xml_root(root: ElementTree.Element, path: Path, kind: str) -> EInvoice:
    if _local(root.tag) != "EInvoice":
        raise _refuse(path, f"is XML but not a 数电 invoice (its root is <{_local(root.tag)}>, not <EInvoice>)",
                      f"是 XML 文件，但不是数电发票（根元素为 <{_local(root.tag)}>，不是 <EInvoice>）")
    invoice = EInvoice(
        path, kind, number=_first(root, "InvoiceNumber", "EIid"), issued=_first(root, "IssueTime", "RequestTime"),
        seller=_first(root, "SellerName"), seller_id=_first(root, "SellerIdNum"), buyer=_first(root, "BuyerName"),
        buyer_id=_first(root, "BuyerIdNum"), total=_first(root, "TotalAmWithoutTax"),
    )
    for element in root.iter():
        if _local(element.tag) == "IssuItemInformation":
            invoice.items.append(Item(
                _first(element, "ItemName") or "", _first(element, "SpecMod"), _first(element, "MeaUnits"),
                _first(element, "Quantity"), _first(element, "UnPrice"), _first(element, "Amount"),
                _first(element, "TaxRate"),
            ))
    return invoice


def read_xml(path: Path) -> EInvoice:
    return from_xml_root(safe_xml(_read_bounded(path), path), path, "xml")


def read_ofd(path: Path) -> EInvoice:
    """The invoice XML carried in an OFD package, every part bounded before it is unpacked."""
    _read_bounded(path)  # the size check
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            if len(infos) > OFD_PARTS_LIMIT:
                raise _refuse(path, f"holds {len(infos):,} parts; an OFD invoice may hold at most {OFD_PARTS_LIMIT}",
                              f"包含 {len(infos):,} 个部件，超过 {OFD_PARTS_LIMIT} 个的上限")
            if sum(i.file_size for i in infos) > OFD_TOTAL_LIMIT or any(i.file_size > PART_LIMIT for i in infos):
                raise _refuse(path, f"unpacks to more than an OFD invoice may ({PART_LIMIT:,} bytes a part, "
                              f"{OFD_TOTAL_LIMIT:,} in all); not read",
                              f"解压后超过 OFD 发票的上限（每个部件 {PART_LIMIT:,} 字节，"
                              f"共 {OFD_TOTAL_LIMIT:,} 字节），不予读取")
            names = [i.filename for i in infos]
            if "OFD.xml" not in names:
                raise _refuse(path, "is a ZIP file but not an OFD document (it has no OFD.xml)",
                              "是 ZIP 文件，但不是 OFD 文档（没有 OFD.xml）")
            ordered = sorted((i for i in infos if i.filename.lower().endswith(".xml")),
                             key=lambda i: ("/attachs/" not in i.filename.lower(), i.filename))
            for info in ordered:
                with package.open(info) as part:
                    data = part.read(PART_LIMIT + 1)
                if len(data) > PART_LIMIT:
                    raise _refuse(path, f'part "{info.filename}" unpacks past its declared size; not read',
                                  f"其中「{info.filename}」解压后超过声明的大小，不予读取")
                if b"EInvoice" not in data:
                    continue
                root = safe_xml(data, path, info.filename)
                if _local(root.tag) == "EInvoice":
                    return from_xml_root(root, path, "ofd")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _refuse(path, f"is not a readable OFD file ({type(exc).__name__}); it may be damaged",
                      f"不是可读取的 OFD 文件（{type(exc).__name__}），文件可能已损坏") from None
    raise _refuse(path, "is an OFD document without the invoice's data (no EInvoice XML inside); import the "
                  "invoice's XML or PDF instead",
                  "OFD 文档中没有发票数据（没有 EInvoice XML）：请改为导入该发票的 XML 或 PDF 文件")


_PDF_TITLE = re.compile(r"电子发票[(（](增值税专用发票|普通发票)[)）]")
_NUMBER = re.compile(r"发票号码[:：]?\s*(\d{8,20})")
_DATE = re.compile(r"开票日期[:：]?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2})")
_NAME = re.compile(r"名\s*称[:：]\s*(\S[^\n]*?)(?=\s+名\s*称[:：]|\s*$)", re.MULTILINE)
_CODE = re.compile(r"(?:统一社会信用代码/纳税人识别号|纳税人识别号)[:：]\s*([0-9A-Z]{15,20})")
_TOTAL = re.compile(r"合\s*计\s*[¥￥]?\s*(-?[\d,]+\.\d{2})")
_ITEM_TAIL = re.compile(r"\s(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?%|免税|不征税)"
                        r"\s+(-?\d+(?:\.\d+)?|\*+)\s*$")
_DISCOUNT_TAIL = re.compile(r"\s(-\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?%|免税|不征税)\s+(-?\d+(?:\.\d+)?|\*+)\s*$")


def from_pdf_text(text: str, path: Path) -> EInvoice:
    text = unicodedata.normalize("NFKC", text)
    if not _PDF_TITLE.search(text) and "发票号码" not in text:
        raise _refuse(path, "is a PDF but not an electronic invoice (no 电子发票 title, no 发票号码)",
                      "是 PDF 文件，但不是电子发票（没有「电子发票」标题和发票号码）")
    number, issued = _NUMBER.search(text), _DATE.search(text)
    names = [m.strip() for m in _NAME.findall(text)]
    codes = _CODE.findall(text)
    total = _TOTAL.search(text)
    invoice = EInvoice(path, "pdf", number=number[1] if number else None, issued=issued[1] if issued else None,
                       buyer=names[0] if names else None, seller=names[1] if len(names) > 1 else None,
                       buyer_id=codes[0] if codes else None, seller_id=codes[1] if len(codes) > 1 else None,
                       total=total[1].replace(",", "") if total else None)
    for raw in text.splitlines():
        line = raw.strip()
        if not line.startswith("*"):
            continue
        tail = _ITEM_TAIL.search(line)
        if tail is not None:
            quantity, price, amount, rate = tail[1], tail[2], tail[3], tail[4]
        else:
            tail = _DISCOUNT_TAIL.search(line)  # a discount item: a negative amount, no quantity nor price
            if tail is None:
                continue
            quantity, price, amount, rate = None, None, tail[1], tail[2]
        head = line[: tail.start()].split()
        category_end = next((i for i, word in enumerate(head) if word.count("*") >= 2 or (i and "*" in word)), 0)
        name_words = head[: category_end + 1]
        rest = head[category_end + 1:]
        model = rest[0] if len(rest) >= 2 else None
        unit = rest[-1] if rest else None
        if len(rest) > 2:
            name_words += rest[:-2]
            model = rest[-2]
        invoice.items.append(Item(" ".join(name_words), model, unit, quantity, price, amount, rate))
    return invoice


def read_pdf(path: Path) -> EInvoice:
    data = _read_bounded(path)
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > 20:
            pages = len(reader.pages)
            raise _refuse(path, f"has {pages} pages; an invoice has a few", f"有 {pages} 页，不像发票")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except ImportRefused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise _refuse(path, f"is not a readable PDF ({type(exc).__name__}); it may be damaged or encrypted",
                      f"不是可读取的 PDF（{type(exc).__name__}），文件可能已损坏或加密") from None
    return from_pdf_text(text, path)


def read_invoice(path: Path) -> EInvoice:
    """One invoice file, by its content (a ZIP is OFD, %PDF is PDF, else XML)."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK"):
        return read_ofd(path)
    if head.startswith(b"%PDF"):
        return read_pdf(path)
    return read_xml(path)
