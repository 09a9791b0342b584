"""The notice's application template used by the application PDF: the parts it names in its order, the
equipment table's columns it names with its own headings; a notice naming none (or no notice) leaves the
program's template (forms/application.yaml). Bytes stay the same twice."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from desktop.domain.model import Draft
from desktop.rules.notice import parse_notice
from desktop.rules.template import load_template, template_for
from desktop.rules.yamlnodes import PackError
from desktop.services.notices import add_notice_text, pack_for
from tests.unit.pdf_helpers import checked, outline, render, squash
from tests.unit.test_notices import NOTICE
from tests.unit.test_pdf_application import _full

TEMPLATE = """\
template:
  parts:
    - {zh: 申报函, en: Covering letter}
    - {part: commitment, zh: 承诺书, en: Declaration}
    - {part: cover, zh: 封面, en: Cover}
    - {part: equipment, zh: 设备清单, en: Equipment list}
  equipment_columns:
    - {column: no, zh: 序号, en: "No."}
    - {column: supplier, zh: 销售方, en: Seller}
    - {column: name, zh: 仪器名称, en: Instrument}
    - {zh: 存放地点, en: Where it stands}
    - {column: amount, zh: 不含税金额, en: Amount excl. VAT}
"""
# windows around the demo's purchases, so its lines are counted and listed
WORDED = NOTICE.replace("test-2026", "test-2026-form").replace("2022-07-01", "2024-01-01").replace(
    "2025-07-31", "2027-12-31") + TEMPLATE
SUPPLIER_LINE = next(n for n, text in enumerate(WORDED.splitlines(), 1) if "column: supplier" in text)


def test_the_notice_names_parts_and_columns() -> None:
    n = parse_notice(WORDED, "n.yaml")
    assert n.template is not None
    assert n.template.parts == ("commitment", "cover", "equipment")
    assert n.template.equipment_columns == ("no", "supplier", "name", "amount")
    assert n.template.heading("supplier") == ("销售方", "Seller") and n.template.heading("model") is None
    assert len(n.parts) == 4 and len(n.equipment_columns) == 5  # every item kept as the notice words it
    assert parse_notice(NOTICE, "n.yaml").template is None
    assert template_for(None) == load_template() == template_for(parse_notice(NOTICE, "n.yaml"))


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("{column: supplier,", "{column: seller,", f'n.yaml, line {SUPPLIER_LINE}: unknown column "seller"'),
        ("{column: name,", "{column: supplier,", 'column "supplier" is listed twice'),
        ("{part: cover,", "{part: preface,", 'unknown part "preface"'),
        ("{part: cover, zh: 封面,", "{part: cover, zh: 封面, title: x,", 'unknown key "title"'),
    ],
)
def test_a_bad_template_item_is_refused_with_its_line(old: str, new: str, words: str) -> None:
    assert old in WORDED
    with pytest.raises(PackError, match=words):
        parse_notice(WORDED.replace(old, new), "n.yaml")


def _naming(notice_id: str | None) -> Draft:
    d = _full()
    d.notice = notice_id
    return d


def test_the_pdf_follows_the_notices_template() -> None:
    add_notice_text(WORDED, "worded.yaml")
    d = _naming("test-2026-form")
    assert pack_for(d).notice is not None and checked(d).lines
    pdf = render(d, draft_copy=True)
    reader = PdfReader(io.BytesIO(pdf))
    marks = outline(reader)
    assert [title for title, _ in marks] == ["项目申报承诺书", "封面", "设备购置明细表"]
    page = squash(reader.pages[dict(marks)["设备购置明细表"]].extract_text() or "")
    heads = ["序号", "销售方", "仪器名称", "不含税金额"]
    at = [page.index(h) for h in heads]
    assert at == sorted(at)
    for absent in ("规格型号", "发票号码", "付款日期", "存放地点"):
        assert absent not in page
    english = PdfReader(io.BytesIO(render(d, draft_copy=True, lang="en")))
    en_page = squash(english.pages[dict(outline(english))["Equipment purchase list"]].extract_text() or "")
    assert en_page.index("Seller") < en_page.index("Instrument") < en_page.index("Amountexcl.VAT")
    assert render(d, draft_copy=True) == pdf  # the same bytes twice


def test_without_a_notice_template_the_program_template() -> None:
    add_notice_text(NOTICE, "plain.yaml")
    plain, none = _naming("test-2026"), _naming(None)
    marks = [t for t, _ in outline(PdfReader(io.BytesIO(render(plain, draft_copy=True))))]
    assert marks == [t for t, _ in outline(PdfReader(io.BytesIO(render(none, draft_copy=True))))]
    assert len(marks) == len(load_template().parts)
