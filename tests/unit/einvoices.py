"""REPRODUCTIONS of 数电发票 files, written by the tests (no real invoice is in the repository): the XML in
the official layout (EInvoice / EInvoiceData / TaxSupervisionInfo), the OFD as a ZIP carrying that XML
(OFD.xml, Doc_0/Document.xml, Doc_0/Attachs/), and the PDF with the printed invoice's words and item table
(ReportLab, the bundled CJK font)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

BUYER = ("广州示例智能制造有限公司", "91440101MA5YYYYY2Y")
SELLER = ("广州精机有限公司", "91440101MA5XXXXX1X")


@dataclass
class Spec:
    number: str
    issued: str  # 2025-10-15
    items: list[tuple[str, str, str, str, str, str, str]]  # name, model, unit, quantity, price, amount, rate
    seller: tuple[str, str] = SELLER
    buyer: tuple[str, str] = BUYER
    total: str = "0.00"
    extra: dict[str, str] = field(default_factory=dict)


def invoice_xml(spec: Spec) -> bytes:
    items = "".join(
        f"<IssuItemInformation><ItemName>{escape(n)}</ItemName><SpecMod>{escape(m)}</SpecMod>"
        f"<MeaUnits>{u}</MeaUnits><Quantity>{q}</Quantity><UnPrice>{p}</UnPrice><Amount>{a}</Amount>"
        f"<TaxRate>{r}</TaxRate><ComTaxAm>0</ComTaxAm></IssuItemInformation>"
        for n, m, u, q, p, a, r in spec.items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><EInvoice><Header><EIid>' + spec.number + "</EIid>"
        "<EInvoiceTag>SWEI3200</EInvoiceTag><Version>0.1</Version><InherentLabel><EInvoiceType><LabelCode>01"
        "</LabelCode><LabelName>增值税专用发票</LabelName></EInvoiceType></InherentLabel></Header><EInvoiceData>"
        f"<SellerInformation><SellerIdNum>{spec.seller[1]}</SellerIdNum><SellerName>{escape(spec.seller[0])}"
        "</SellerName></SellerInformation>"
        f"<BuyerInformation><BuyerIdNum>{spec.buyer[1]}</BuyerIdNum><BuyerName>{escape(spec.buyer[0])}</BuyerName>"
        "</BuyerInformation>"
        f"<BasicInformation><TotalAmWithoutTax>{spec.total}</TotalAmWithoutTax><TotalTaxAm>0</TotalTaxAm>"
        f"<TotalTax-includedAmount>0</TotalTax-includedAmount><RequestTime>{spec.issued}</RequestTime>"
        f"</BasicInformation>{items}</EInvoiceData><TaxSupervisionInfo><InvoiceNumber>{spec.number}</InvoiceNumber>"
        f"<IssueTime>{spec.issued} 10:31:05</IssueTime><TaxBureauCode>14400000000</TaxBureauCode>"
        "</TaxSupervisionInfo></EInvoice>"
    ).encode("utf-8")


def write_xml(path: Path, spec: Spec) -> Path:
    path.write_bytes(invoice_xml(spec))
    return path


def write_ofd(path: Path, spec: Spec) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "OFD.xml",
            '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/'
            '2016" DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID>'
            "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        package.writestr(
            "Doc_0/Document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="'
            'http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID>'
            "</ofd:CommonData><ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments></ofd:Document>",
        )
        package.writestr(
            "Doc_0/Attachs/Attachments.xml",
            '<?xml version="1.0" encoding="UTF-8"?><ofd:Attachments '
            'xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Attachment ID="1" Name="original_invoice">'
            "<ofd:FileLoc>original_invoice.xml</ofd:FileLoc></ofd:Attachment></ofd:Attachments>",
        )
        package.writestr("Doc_0/Attachs/original_invoice.xml", invoice_xml(spec))
    return path


def pdf_text_lines(spec: Spec) -> list[str]:
    lines = [
        "电子发票（增值税专用发票）",
        f"发票号码：{spec.number}",
        "开票日期：{}年{}月{}日".format(*spec.issued.split("-")),
        f"名称：{spec.buyer[0]}    名称：{spec.seller[0]}",
        f"统一社会信用代码/纳税人识别号：{spec.buyer[1]}    统一社会信用代码/纳税人识别号：{spec.seller[1]}",
        "项目名称 规格型号 单位 数量 单价 金额 税率/征收率 税额",
    ]
    for n, m, u, q, p, a, r in spec.items:
        lines.append(" ".join(x for x in (n, m, u, q, p, a, r, "0.00") if x))
    lines.append(f"合 计 ¥{spec.total}")
    return lines


def write_pdf(path: Path, spec: Spec) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    from desktop.pdf.fonts import register_fonts

    font = register_fonts()
    canvas = Canvas(str(path))
    canvas.setFont(font, 9)
    y = 800
    for line in pdf_text_lines(spec):
        canvas.drawString(40, y, line)
        y -= 16
    canvas.save()
    return path
