"""People's names for the draft's values, by path pattern (line indexes written as []): the labels of the
field catalogue (desktop/domain/fields.py). A line's evidence in a list (its invoices, payments, files)
is named with the row: `equipment[3].invoices[0].date` is 开票日期（发票第 1 行）/ invoice date (invoices,
row 1)."""

from __future__ import annotations

from desktop.domain.fieldpath import ANY, FieldPath, Step, line_text, pattern_of
from desktop.domain.fields import EVIDENCE_FIELDS, FIELD_LABELS
from desktop.domain.lang import choose

_ANY_LINE = line_text(ANY)  # `equipment[]`


def field_label(path: str, lang: str) -> str:
    """The field's label in `lang` (zh or en); the path itself for a value the catalogue does not name."""
    pattern = pattern_of(path)
    if _is_evidence(pattern) and (evidence := evidence_path(path)) is not None:
        return _evidence_label(evidence, lang) or path
    pair = FIELD_LABELS.get(pattern)
    if pair is None:
        return path
    return choose(lang, *pair)


def evidence_path(path: str) -> FieldPath | None:
    """The parsed path when it is a line's evidence (`equipment[3].invoices[0].date`), else None."""
    if not _is_evidence(pattern_of(path)):
        return None
    parsed = FieldPath.parse_or_none(path)
    if parsed is None or parsed.line is None or len(parsed.steps) < 2 or parsed.steps[1].name not in EVIDENCE_FIELDS:
        return None
    return parsed


def _is_evidence(pattern: str) -> bool:
    """A cheap first look (the PDF asks for the label of every finding, thousands): the pattern's field of
    the line is one of the evidence fields."""
    head, _, rest = pattern.partition(".")
    return head == _ANY_LINE and rest.split(".", 1)[0].removesuffix("[]") in EVIDENCE_FIELDS


def _row(step: Step, lang: str) -> str:
    zh, en = FIELD_LABELS[line_text(ANY, step.name)]
    return choose(lang, f"{zh}第 {(step.index or 0) + 1} 行", f"{en}, row {(step.index or 0) + 1}")


def _evidence_label(parsed: FieldPath, lang: str) -> str | None:
    inner = parsed.steps[1:]
    last = inner[-1]
    if last.index is not None:  # a whole row: equipment[3].invoices[0]
        return _row(last, lang) if len(inner) == 1 else None
    pair = FIELD_LABELS.get(parsed.pattern)
    if pair is None:
        return None
    label = choose(lang, *pair)
    rows = [_row(s, lang) for s in inner if s.index is not None]
    if not rows:
        return label
    return choose(lang, f"{label}（{'，'.join(rows)}）", f"{label} ({'; '.join(rows)})")


def finding_place(path: str, lang: str) -> str:
    """Where a finding is, as the command line's report writes it: the path, or for a line's evidence the
    line and the field in words (第 4 行 开票日期（发票第 1 行）/ line 4 invoice date (invoices, row 1))."""
    evidence = evidence_path(path)
    if evidence is None or evidence.line is None:
        return path
    line = choose(lang, f"第 {evidence.line + 1} 行", f"line {evidence.line + 1}")
    return f"{line} {field_label(path, lang)}"
