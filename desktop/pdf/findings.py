"""Section 5: the compliance check, every finding with its severity, clause and basis.

A rule that fires on many lines (three quotes on 9,000 lines) is shown once, with the lines it
concerns written as ranges, so the section stays readable whatever the size of the draft.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.platypus import Flowable, Paragraph

from desktop.domain.fieldpath import line_of
from desktop.domain.labels import field_label
from desktop.domain.lang import Lang
from desktop.pdf.blocks import section
from desktop.pdf.grid import Column, GridLayout, GridTable
from desktop.pdf.strings import t, tf
from desktop.pdf.styles import ERROR_FILL, Styles
from desktop.pdf.text import para
from desktop.rules.assessment import Assessment, Finding

_ORDER = {"error": 0, "warning": 1, "info": 2}
GROUP_FROM = 4  # a rule with this many findings or more is shown as one row


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:]:
        if n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    out.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(out)


def _field(path: str, lang: str) -> str:
    return Lang.parse(lang).compose(lambda one: field_label(path, one))


def _where(path: str, lang: str) -> str:
    if not path:
        return "—"
    index = line_of(path)
    if index is None:
        return _field(path, lang)
    line = tf("line_no", lang, n=index + 1)
    return f"{line}\n{_field(path, lang)}" if "." in path else line


def _clause(a: Assessment, f: Finding, lang: str) -> str:
    basis = t(f"basis_{a.basis(f)}", lang)
    return f"{a.clause(f, lang)}\n[{basis}]"


def _rows(a: Assessment, lang: str) -> Iterator[tuple[str, str, str, str, str, str]]:
    groups: dict[str, list[Finding]] = {}
    for f in a.findings:
        groups.setdefault(f.rule, []).append(f)
    ordered = sorted(groups.values(), key=lambda g: _ORDER.get(g[0].severity, 3))
    n = 0
    for group in ordered:
        first = group[0]
        lines = sorted({index + 1 for f in group if (index := line_of(f.path)) is not None})
        if len(group) < GROUP_FROM or len(lines) < len(group) // 2:
            for f in group:
                n += 1
                yield str(n), f.severity, t(f.severity, lang, "\n"), _where(f.path, lang), a.message(f, lang), _clause(
                    a, f, lang
                )
            continue
        n += 1
        where = tf("lines_no", lang, "\n", n=_ranges(lines))
        fields = sorted({_field(f.path, lang) for f in group if "." in f.path})
        if len(fields) == 1:
            where += "\n" + fields[0]
        more = tf("and_more", lang, n=len(group), m=len(group) - 1)
        yield str(n), first.severity, t(first.severity, lang, "\n"), where, f"{a.message(first, lang)}（{more}）" if (
            Lang.parse(lang).chinese
        ) else f"{a.message(first, lang)} ({more})", _clause(a, first, lang)


def findings_section(
    a: Assessment, lang: str, width: float, max_height: float, st: Styles, key: str = "sec5"
) -> list[Flowable]:
    out = section(key, t(key, lang), st)
    for one in Lang.parse(lang).parts:
        summary = tf("check_summary", one, as_of=a.as_of.isoformat(), pack=a.pack.id, version=a.pack.version)
        status = tf("status_blocked", one, n=a.errors) if a.status == "blocked" else t("status_ready", one)
        counts = tf("counts", one, e=a.errors, w=a.warnings, i=a.counts["info"])
        out.append(Paragraph(para(f"{summary} {status} {counts}"), st.body))
    if not a.findings:
        out.append(Paragraph(para(t("no_findings", lang)), st.body))
        return out
    columns = [
        Column(t("col_no", lang, "\n"), 4, "right"),
        Column(t("col_severity", lang, "\n"), 7 if Lang.parse(lang).chinese else 8.5),
        Column(t("col_where", lang, "\n"), 18),
        Column(t("col_message", lang, "\n"), 40),
        Column(t("col_clause", lang, "\n"), 30),
    ]
    rows: list[tuple[str, ...]] = []
    fills = []
    for no, severity, label, where, message, clause in _rows(a, lang):
        rows.append((no, label, where, message, clause))
        fills.append(ERROR_FILL if severity == "error" else None)
    quotes = str.maketrans({"「": "“", "」": "”"})  # Chinese quotes as a Chinese document writes them
    rows = [tuple(cell.translate(quotes) for cell in row) for row in rows]
    layout = GridLayout(columns, rows, width, max_height, size=8, fills=fills)
    out.append(GridTable(layout))
    return out
