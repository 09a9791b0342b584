"""The field catalogue (desktop/domain/fields.py) names every value of the draft, and the tables that
used to hold names of their own read it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import astuple
from typing import Any

from desktop.domain.exchange import field_specs
from desktop.domain.fields import (
    CATALOGUE,
    EVIDENCE_FIELDS,
    FIELD_LABELS,
    LEDGER_NAMES,
    NUMBER_LIMITS,
    TEXT_LIMITS,
    column_label,
)
from desktop.domain.labels import field_label, finding_place
from desktop.domain.model import Draft
from desktop.importers.messages import field_name
from desktop.services.auditor import COLUMNS


def draft_fields(cls: type = Draft, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(path pattern, kind) of every value the draft format holds, records and lists included."""
    for name, kind, meta in field_specs(cls):
        path = f"{prefix}{name}"
        yield path, kind
        inner: Any = meta.get("cls")
        if kind == "object":
            yield from draft_fields(inner, path + ".")
        elif kind == "list" and inner is not None:
            yield from draft_fields(inner, path + "[].")


def test_every_field_of_the_draft_has_an_entry_with_both_labels_and_its_kind() -> None:
    fields = dict(draft_fields())
    assert len(fields) > 80  # the walk reaches the lines, their evidence and the facts
    missing = [p for p in fields if p not in CATALOGUE]
    assert not missing, f"no catalogue entry for {missing}"
    for path, kind in fields.items():
        entry = CATALOGUE[path]
        assert entry.label.zh.strip() and entry.label.en.strip(), path
        assert entry.label.zh != entry.label.en, path
        assert entry.kind == kind, f"{path}: catalogue says {entry.kind}, the draft format {kind}"
    assert sorted(CATALOGUE) == sorted(fields), "catalogue entries for values the draft does not hold"


def test_limits_and_labels_are_views_of_the_catalogue() -> None:
    assert {p: f.text for p, f in CATALOGUE.items() if f.text} == TEXT_LIMITS
    assert {p: f.number for p, f in CATALOGUE.items() if f.number} == NUMBER_LIMITS
    assert all(CATALOGUE[p].kind == "text" for p in TEXT_LIMITS)
    assert all(CATALOGUE[p].kind in ("int", "money", "decimal") for p in NUMBER_LIMITS)
    assert FIELD_LABELS["equipment[].quantity"] == ("数量", "quantity")
    assert field_label("equipment[3].unit_price", "en") == "unit price excl. VAT"
    # the records beyond the application keep their path in messages, as before
    assert not CATALOGUE["status.note"].named
    assert field_label("status.note", "zh") == "status.note"


def test_evidence_fields_are_named_in_words() -> None:
    for pattern, entry in CATALOGUE.items():
        if pattern.startswith("equipment[].") and pattern[12:].split(".")[0].removesuffix("[]") in EVIDENCE_FIELDS:
            assert entry.named, pattern
            assert FIELD_LABELS[pattern] == (entry.label.zh, entry.label.en)
    assert field_label("equipment[0].contract.number", "zh") == "合同编号"
    assert field_label("equipment[3].acceptance_date", "en") == "acceptance date"
    # a value in one of the line's lists says which row
    assert field_label("equipment[3].invoices[0].date", "zh") == "开票日期（发票第 1 行）"
    assert field_label("equipment[3].invoices[0].date", "en") == "invoice date (invoices, row 1)"
    assert field_label("equipment[3].payments[2]", "en") == "payments, row 3"
    assert field_label("equipment[3].payments", "zh") == "付款"
    # the command line's report keeps the path for other findings, words and the line for evidence
    assert finding_place("equipment[3].quantity", "en") == "equipment[3].quantity"
    assert finding_place("equipment[3].files[1].sha256", "zh") == "第 4 行 文件摘要（附件第 2 行）"
    assert finding_place("equipment[3].customs_declaration", "en") == "line 4 customs declaration number"
    assert finding_place("", "en") == ""


def test_the_importer_names_columns_from_the_catalogue() -> None:
    for name in LEDGER_NAMES:
        assert column_label(name) is not None, name
    # a line field the ledgers call as the form does takes the catalogue's label
    assert field_name("supplier", "en") == CATALOGUE["equipment[].supplier"].label.en
    assert field_name("quantity", "zh") == "数量"
    # one the ledgers call otherwise, and a column that is not a field of the line, have their own
    assert field_name("model", "zh") == "规格型号" != CATALOGUE["equipment[].model"].label.zh
    assert field_name("tax_rate", "en") == "tax rate"
    assert field_name("nonsense", "en") == "nonsense"


def test_the_auditor_headers_of_the_line_values_are_the_catalogue_names() -> None:
    headers = [h for h, _ in COLUMNS]
    for path in ("equipment[].name", "equipment[].supplier", "equipment[].contract.number",
                 "equipment[].payments[].method", "equipment[].customs_declaration", "equipment[].files"):
        assert CATALOGUE[path].label.zh in headers, path
    assert headers[:7] == ["序号", "草稿行号", "设备名称", "规格型号", "供应商", "类型", "数量"]


def test_the_form_texts_are_the_catalogue_s_and_the_wizard_reads_them() -> None:
    from desktop.domain.form_texts import FORM_TEXTS
    from desktop.rules.wizard_form import load_form

    assert set(FORM_TEXTS) <= set(CATALOGUE)
    form = load_form()
    shown = [f for step in form.steps for f in step.fields]
    assert len(shown) > 30
    for spec in shown:
        entry = CATALOGUE[spec.path]
        assert entry.form is not None and spec.label is entry.form.label and spec.help is entry.form.help
        for column in spec.columns:
            assert column.label is FORM_TEXTS[f"{spec.path}[].{column.name}"].label
    # the form's label may differ in wording from the name messages use; both are the catalogue's
    assert CATALOGUE["applicant.name"].form is not None
    assert CATALOGUE["applicant.name"].form.label.en == "Registered name"
    assert CATALOGUE["applicant.name"].label.en == "applicant name"


def _wizard(field: str) -> str:
    return ("version: 1\nsteps:\n  - id: s\n    title: {zh: 甲, en: A}\n    intro: {zh: 乙, en: B}\n"
            f"    fields:\n      - {field}\n")


def test_the_wizard_file_writes_no_label_of_its_own() -> None:
    import pytest

    from desktop.rules.wizard_form import FormError, parse_form

    spec = parse_form(_wizard("{path: applicant.name, editor: text}"))
    assert spec.steps[0].fields[0].label.zh == "申报单位名称"
    with pytest.raises(FormError, match=r"line \d+: unknown key \"label\""):
        parse_form(_wizard("{path: applicant.name, editor: text, label: {zh: 名称, en: Name}}"))
    with pytest.raises(FormError, match=r"'applicant.nick' is not a field of the draft"):
        parse_form(_wizard("{path: applicant.nick, editor: text}"))
    with pytest.raises(FormError, match=r"'equipment\[\].asset_tag' has no label on the form: add it to"):
        parse_form(_wizard("{path: 'equipment[].asset_tag', editor: text}"))


def test_the_printed_forms_label_fields_from_the_catalogue() -> None:
    from desktop.domain.form_texts import PRINTED
    from desktop.pdf.strings import S
    from tests.unit.pdf_helpers import demo, page_texts, render, squash

    assert set(PRINTED) <= set(CATALOGUE)
    printed = {p: f.printed for p, f in CATALOGUE.items() if f.printed is not None}
    assert printed == PRINTED
    # the document's own words no longer hold a field's label
    assert not {zh for zh, _ in S.values()} & {"单位名称", "注册资本（万元）", "认定（批复）日期", "指标类型"}
    text = squash("".join(page_texts(render(demo(), lang="bilingual"))))
    for path in ("applicant.name", "company_facts.registered_capital", "applicant.center_approved_on",
                 "company_facts.financials[].rd_spending", "project.requested_subsidy",
                 "project_facts.indicators[].target"):
        label = PRINTED[path]
        assert squash(label.zh) in text and squash(label.en) in text, path


def test_printed_equipment_headings_are_the_catalogue_labels_word_for_word() -> None:
    from desktop.pdf.strings import S

    # read from the catalogue, and worded as the table always printed them (the PDF bytes stay the same)
    assert S["col_model"] == ("型号", "Model") == astuple(CATALOGUE["equipment[].model"].heading)
    assert S["col_supplier"] == ("供应商", "Supplier")
    assert S["col_kind"] == ("类型", "Kind")
    assert S["col_price"] == ("不含税单价", "Unit price excl. VAT")
    # the table's own words where the catalogue words the field otherwise
    assert S["col_qty"] != astuple(CATALOGUE["equipment[].quantity"].heading)
    assert S["col_name"] != astuple(CATALOGUE["equipment[].name"].heading)
