"""The application as the office reads it: its parts in the template's order, nothing of the
self-check, the 承诺书 alone with room for the seal, attachments stamped and counted in the whole
document's pages, fonts embedded, the same bytes twice, and the columns the template names."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.applicant_facts import Person
from desktop.domain.model import Attachment, Draft
from desktop.domain.money import format_yuan
from desktop.pdf import build_package, render_report
from desktop.pdf.document import fingerprint
from desktop.pdf.strings import t
from desktop.rules.template import TemplateError, load_template, parse_template
from desktop.services.exporting import resolve_attachments
from tests.unit.pdf_helpers import CREATED, checked, demo, outline, page_texts, pdffonts_rows, render, squash
from tests.unit.test_applicant_facts import facts_draft

PARTS_ZH = ["封面", "项目申报承诺书", "单位基本情况表", "财务情况表", "项目概况表", "项目绩效目标表",
            "设备购置明细表", "资金测算表", "附件目录"]


REQUIRED = ("business_licence", "center_approval", "audit_report", "credit_report", "legal_rep_certificate")


def _full() -> Draft:
    """The demo with the facts of every part filled in and the documents a /2 draft needs."""
    d = demo()
    filled = facts_draft()
    d.company_facts, d.project_facts = filled.company_facts, filled.project_facts
    for n, kind in enumerate(REQUIRED):
        data = _pdf(1, label=kind)
        d.attachments.append(Attachment(kind=kind, name=f"{n + 1}-{kind}.pdf",
                                        sha256=hashlib.sha256(data).hexdigest(), size=len(data)))
    assert checked(d).status == "ready"
    return d


@pytest.fixture(scope="module")
def full() -> Draft:
    return _full()


@pytest.fixture(scope="module")
def full_pdf(full: Draft) -> bytes:
    return render(full)


def test_parts_in_the_templates_order(full_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(full_pdf))
    marks = outline(reader)
    assert [title for title, _ in marks] == PARTS_ZH
    pages = [page for _, page in marks]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)  # each part starts a page of its own
    texts = [squash(p.extract_text() or "") for p in reader.pages]
    for title, page in marks[1:]:
        assert texts[page].startswith(squash(title)) or squash(title) in texts[page][:80], title


def test_nothing_of_the_self_check_is_in_the_application(full: Draft, full_pdf: bytes) -> None:
    a = checked(full)
    assert a.findings  # the demo has findings: they must be in the report, not here
    text = squash("".join(page_texts(full_pdf)))
    for rule in a.pack.rules:
        assert rule not in text
    for word in ("原文报道", "转载文本", "通行做法", "环球时报", "[", "min(", a.pack.id, "指纹", "sha256",
                 fingerprint(full), fingerprint(full)[:16], "规则包", "请准备", "请确认", "请更正"):
        assert squash(word) not in text, word
    for f in a.findings:
        assert squash(a.message(f, "zh"))[:24] not in text
    report = squash("".join(page_texts(render_report(full, a, created=CREATED))))
    assert a.pack.id in report and fingerprint(full) in report
    for f in a.findings[:5]:
        assert squash(a.message(f, "zh")).translate(str.maketrans("「」", "“”"))[:12] in report
    excluded = [r for r in a.lines if not r.eligible]
    for r in excluded:
        assert squash(full.equipment[r.index].name or "") in report


def test_the_policy_is_a_reference_line_not_the_heading(full_pdf: bytes) -> None:
    cover = squash(page_texts(full_pdf)[0])
    number = "粤工信规字〔2025〕6号"
    assert number in cover and not cover.startswith(number)
    assert cover.index("项目申报书") < cover.index(number)
    assert "申报依据：《" in cover


def _text_rows(page: object) -> list[tuple[float, str]]:
    rows: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            rows.append((tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return rows


@pytest.mark.parametrize("lang", ["zh", "en", "bilingual"])
def test_commitment_leaves_room_for_the_seal(full: Draft, lang: str) -> None:
    reader = PdfReader(io.BytesIO(render(full, lang=lang)))
    page = reader.pages[dict(outline(reader))[t("part_commitment", lang)]]
    rows = _text_rows(page)
    seals = [squash(t("commit_seal", one))[:6] for one in ("zh", "en")]
    seal_y = min(y for y, text in rows if any(s in squash(text) for s in seals))
    below = [y for y, text in rows if y < seal_y - 1 and "页" not in text and "Page" not in text]
    assert below, "the date line is below the seal's place"
    assert seal_y - max(below) >= 45 * mm


def test_cover_and_forms_say_things_the_official_way(full: Draft, full_pdf: bytes) -> None:
    text = squash("".join(page_texts(full_pdf)))
    assert "2026年3月1日" in text  # the application date as set
    assert "广州市" in text
    assert "张三13800000001" in text and "王五13800000003" in text
    assert "广州市工业和信息化局" in text
    assert "「" not in text and "」" not in text
    assert "申报日期" in squash(page_texts(full_pdf)[0])
    plain = demo()
    cover = squash(page_texts(render(plain))[0])
    assert "申报日期年月日" in cover  # a blank to fill by hand when no date is set


def test_financial_figures_and_indicators_are_printed(full: Draft, full_pdf: bytes) -> None:
    text = squash("".join(page_texts(full_pdf)))
    assert "2022年" in text and "2024年" in text
    assert "15,000.00" in text  # 150,000,000 yuan in 万元
    assert "购置研发设备" in text and "新增发明专利申请" in text
    assert "产出指标" in text and "效益指标" in text


def test_funding_is_written_in_plain_words(full: Draft, full_pdf: bytes) -> None:
    a = checked(full)
    reader = PdfReader(io.BytesIO(full_pdf))
    page = squash(reader.pages[dict(outline(reader))["资金测算表"]].extract_text() or "")
    assert "min" not in page
    for value in (a.totals.eligible, a.totals.uncapped, a.totals.max_subsidy, a.totals.requested):
        assert format_yuan(value) in page
    assert "较低者" in page


def test_equipment_amounts_are_never_split() -> None:
    d = _full()
    d.equipment[0].unit_price = Decimal("123456789.12")
    a = checked(d)
    reader = PdfReader(io.BytesIO(render(d, draft_copy=True)))
    page = reader.pages[dict(outline(reader))["设备购置明细表"]].extract_text() or ""
    amount = a.lines[0].amount
    assert amount is not None and a.lines[0].eligible
    assert any(format_yuan(amount) in line for line in page.splitlines())


def test_fonts_are_embedded_subsets(full_pdf: bytes, tmp_path: Path) -> None:
    rows = pdffonts_rows(full_pdf, tmp_path)
    if rows is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    names = " ".join(rows)
    assert "UMingCN" in names and "WenQuanYi" in names
    for row in rows:
        cols = row.split()
        assert cols[-5] == "yes" and cols[-4] == "yes", row  # embedded, as a subset
        assert re.match(r"[A-Z]{6}\+", cols[0]), row


def test_same_bytes_twice(full: Draft, full_pdf: bytes) -> None:
    assert render(full) == full_pdf
    a = checked(full)
    assert render_report(full, a, created=CREATED) == render_report(full, a, created=CREATED)


def test_another_column_order_changes_the_table_without_code(full: Draft) -> None:
    base = load_template()
    text = (
        f"template: other\nparts: [{', '.join(base.parts)}]\n"
        "equipment_columns: [no, invoice_number, amount, name, payment_date, asset_tag]\n"
    )
    other = parse_template(text, "other.yaml")
    reader = PdfReader(io.BytesIO(render(full, template=other)))
    page = squash(reader.pages[dict(outline(reader))["设备购置明细表"]].extract_text() or "")
    heads = ["序号", "发票号码", "金额（元，不含税）", "设备名称", "付款日期", "资产编号"]
    at = [page.index(h) for h in heads]
    assert at == sorted(at)
    assert "规格型号" not in page and "供应商" not in page
    moved = parse_template(text.replace("parts: [cover, commitment", "parts: [commitment, cover"), "moved.yaml")
    marks = [title for title, _ in outline(PdfReader(io.BytesIO(render(full, template=moved))))]
    assert marks[:2] == ["项目申报承诺书", "封面"]


@pytest.mark.parametrize(("text", "message"), [
    ("template: x\nparts: [cover, preface]\nequipment_columns: [no]\n", 'line 2: unknown part "preface"'),
    ("template: x\nparts: [cover]\nequipment_columns: [no, name, no]\n", 'column "no" is listed twice'),
    ("template: x\nparts: [cover]\nequipment_columns: [no]\nextra: 1\n", 'line 4: unknown key "extra"'),
    ("template: x\nparts: []\nequipment_columns: [no]\n", "list at least one part"),
    ("template: x\nparts: [cover\n", "not valid YAML"),
])
def test_a_bad_template_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(TemplateError) as info:
        parse_template(text, "forms/application.yaml")
    assert message in str(info.value) and "forms/application.yaml" in str(info.value)


def _pdf(pages: int, size: tuple[float, float] = (595.0, 842.0), label: str = "scan") -> bytes:
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=size, invariant=1)
    for n in range(pages):
        canv.drawString(100, 400, f"{label} page {n + 1}")
        canv.showPage()
    canv.save()
    return buf.getvalue()


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (300, 200), "white").save(buf, "PNG")
    return buf.getvalue()


def test_attachments_are_stamped_and_counted_in_the_package(tmp_path: Path) -> None:
    d = _full()
    for n, kind in enumerate(REQUIRED):
        (tmp_path / f"{n + 1}-{kind}.pdf").write_bytes(_pdf(1, label=kind))
    files = {"licence.pdf": _pdf(1), "audit.pdf": _pdf(3, (842.0, 595.0)), "notes.txt": b"plain", "seal.png": _png()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        d.attachments.append(Attachment(kind="other", name=name, sha256=hashlib.sha256(data).hexdigest(),
                                        size=len(data)))
    expected = [1, 1, 1, 1, 1, 1, 3, None, 1]  # pages of each attachment; the text file is not appended
    zipped = build_package(d, checked(d), resolve_attachments(d, search_dir=tmp_path), created=CREATED)
    with zipfile.ZipFile(io.BytesIO(zipped)) as zf:
        app = zf.read("application.pdf")
        report = zf.read("self-check-report.pdf")
    reader = PdfReader(io.BytesIO(app))
    total = len(reader.pages)
    texts = [squash(p.extract_text() or "") for p in reader.pages]
    for n, text in enumerate(texts, start=1):
        assert f"第{n}页/共{total}页" in text, n  # every footer, the appended pages' too
    own = total - sum(p for p in expected if p)
    catalogue = texts[dict(outline(reader))["附件目录"]]
    at = own + 1
    stamps: list[str] = []
    for n, pages in enumerate(expected, start=1):
        assert f"附件{n}" in catalogue
        if pages is None:
            continue
        assert (f"第{at}页" if pages == 1 else f"第{at}—{at + pages - 1}页") in catalogue, n
        stamps += [f"附件{n}"] * pages
        at += pages
    assert "另附" in catalogue  # the text file is not appended
    for text, stamp in zip(texts[own:], stamps, strict=True):
        assert stamp in text
    audit = own + 6
    assert "scanpage3" in texts[audit + 2] and "附件7" in texts[audit + 2]
    assert float(reader.pages[audit].mediabox.width) > float(reader.pages[audit].mediabox.height)
    report_text = squash("".join(page_texts(report)))
    assert hashlib.sha256(app).hexdigest() in report_text  # the report names the application it checked
    assert "自查报告" in report_text and "自查报告" not in "".join(texts)


def test_a_draft_copy_of_a_passing_draft_says_only_draft() -> None:
    text = squash("".join(page_texts(render(demo(), draft_copy=True))))
    assert "草稿/DRAFT" in text and "未通过" not in text


def test_the_application_date_prints_as_set() -> None:
    d = _full()
    d.project_facts.application_date = date(2025, 9, 1)
    d.project_facts.leader = Person("赵六", "13900000000")
    cover = squash(page_texts(render(d))[0])
    assert "2025年9月1日" in cover and "赵六13900000000" in cover
