"""Application notices (申报通知): what one year's call adds to the policy's rule pack.

The policy pack keeps rates, caps, tracks and clauses. A notice says, for one call: its number, title and
issuing office, the spending windows (invoice dates, payment dates, project start and finish), the approval
window for centres, the submission deadline(s), the required documents and the application template (its
parts and the equipment table's columns). Notices are YAML (seeds/notices/ for the shipped ones, the data
folder's notices/ for the user's), read as strictly as a pack: unknown keys, bad dates and windows in the
wrong order are refused naming the file and the line.

A draft that names no notice is checked against the pack alone: the spending window is the policy period,
a reading whose basis is "practice" (`default_reading`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from desktop.domain.lang import Bilingual, Lang
from desktop.rules.evidence_pack import RequiredDocument, parse_required_documents
from desktop.rules.pack import BASES, NOTICE_RULES, Pack, Rule
from desktop.rules.template import COLUMNS, PARTS, Template, load_template
from desktop.rules.yamlnodes import Node, PackError, parse_root, read_yaml_text

NOTICE_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
WINDOWS: Final = ("invoices", "payments", "project_start", "project_finish")

# The pack's rules whose clause a notice's windows replace (with the notice as the source).
_WINDOW_RULES: Final = {
    "line_excluded_window": "invoices",
    "evidence_invoice_outside_window": "invoices",
    "evidence_payment_outside_window": "payments",
}


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def text(self) -> str:
        return f"{self.start.isoformat()} … {self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Deadline:
    id: str
    label: Bilingual
    day: date


@dataclass(frozen=True, slots=True)
class Notice:
    id: str
    program: str
    tracks: tuple[str, ...]
    number: str
    title: Bilingual
    issuer: Bilingual
    issued_on: date | None
    basis: str
    source: str
    invoices: Window
    payments: Window
    project_start: Window
    project_finish: Window
    center_approval: Window | None
    deadlines: tuple[Deadline, ...]
    required_documents: tuple[RequiredDocument, ...] | None
    parts: tuple[Bilingual, ...]
    equipment_columns: tuple[Bilingual, ...]
    path: str
    # The parts and columns the program prints, as the notice orders and words them (the items naming a
    # `part` or `column` of forms/application.yaml); None when it names none (the program's own template).
    template: Template | None = None

    @property
    def final_deadline(self) -> Deadline | None:
        """The last of the notice's deadlines (the one after which nothing can be handed in)."""
        return max(self.deadlines, key=lambda d: d.day) if self.deadlines else None

    def next_deadline(self, today: date) -> Deadline | None:
        """The first deadline on or after `today`, else the last one (already past)."""
        ahead = [d for d in self.deadlines if d.day >= today]
        return min(ahead, key=lambda d: d.day) if ahead else self.final_deadline


def _window(node: Node, name: str) -> Window:
    m = node.mapping(("start", "end"))
    start, end = m["start"].date(), m["end"].date()
    if end < start:
        raise m["end"].fail(f"the {name} window ends ({end}) before it starts ({start}); swap or correct the dates")
    return Window(start, end)


def _deadlines(node: Node) -> tuple[Deadline, ...]:
    out: list[Deadline] = []
    for key, m in node.keyed_items(("id", "zh", "en", "date"), "deadline"):
        out.append(Deadline(key, Bilingual(m["zh"].text(), m["en"].text()), m["date"].date()))
    return tuple(out)


def _template_items(node: Node, key: str, allowed: tuple[str, ...]) -> tuple[tuple[Bilingual, str | None], ...]:
    """Each item's text, and the part (or column) of the program's template it is, if it names one."""
    out: list[tuple[Bilingual, str | None]] = []
    for item in node.items():
        m = item.mapping(("zh", "en"), (key,))
        name = m[key].text() if key in m else None
        if name is not None and name not in allowed:
            raise m[key].fail(f'unknown {key} "{name}"; expected one of {", ".join(allowed)}, or leave {key} out '
                              "for one the program does not print")
        if name is not None and any(n == name for _, n in out):
            raise m[key].fail(f'{key} "{name}" is listed twice')
        zh, en = m["zh"].text().strip(), m["en"].text().strip()
        if not zh or not en:
            raise item.fail("give both the Chinese (zh) and the English (en) text")
        out.append((Bilingual(zh, en), name))
    return tuple(out)


def _template(notice_id: str, parts: tuple[tuple[Bilingual, str | None], ...],
              columns: tuple[tuple[Bilingual, str | None], ...]) -> Template | None:
    part_keys = tuple(k for _, k in parts if k is not None)
    column_keys = tuple(k for _, k in columns if k is not None)
    if not part_keys and not column_keys:
        return None
    base = load_template()
    return Template(
        id=f"notice:{notice_id}",
        parts=part_keys or base.parts,
        equipment_columns=column_keys or base.equipment_columns,
        headings=tuple((k, t.zh, t.en) for t, k in columns if k is not None),
    )


def parse_notice(text: str, source: str) -> Notice:
    root = parse_root(text, source)
    top = root.mapping(
        ("id", "program", "tracks", "number", "title", "issuer", "basis", "source", "windows"),
        ("issued_on", "deadlines", "required_documents", "template"),
    )
    notice_id = top["id"].text()
    if not NOTICE_ID.fullmatch(notice_id):
        raise top["id"].fail(
            f'the id "{notice_id}" must be letters, digits, ".", "_" or "-" (it names the file the notice is kept in)'
        )
    tracks = tuple(t.text() for t in top["tracks"].items())
    if not tracks:
        raise top["tracks"].fail("name at least one track (a category key of the program's rule pack)")
    number = top["number"].text().strip()
    if not number:
        raise top["number"].fail("give the notice's number (文号)")
    w = top["windows"].mapping(WINDOWS, ("center_approval",))
    windows = {name: _window(w[name], name) for name in WINDOWS}
    if windows["project_finish"].end < windows["project_start"].start:
        raise w["project_finish"].fail("the project must finish after it can start: the finish window ends "
                                       "before the start window begins")
    if windows["payments"].end < windows["invoices"].start:
        raise w["payments"].fail("the payment window ends before the invoice window begins")
    template = top["template"].mapping((), ("parts", "equipment_columns")) if "template" in top else {}
    parts = _template_items(template["parts"], "part", PARTS) if "parts" in template else ()
    columns = (
        _template_items(template["equipment_columns"], "column", COLUMNS) if "equipment_columns" in template else ()
    )
    return Notice(
        id=notice_id,
        program=top["program"].text(),
        tracks=tracks,
        number=number,
        title=top["title"].bilingual(filled=True),
        issuer=top["issuer"].bilingual(filled=True),
        issued_on=top["issued_on"].date() if "issued_on" in top else None,
        basis=top["basis"].choice(BASES),
        source=top["source"].text(),
        invoices=windows["invoices"],
        payments=windows["payments"],
        project_start=windows["project_start"],
        project_finish=windows["project_finish"],
        center_approval=_window(w["center_approval"], "center_approval") if "center_approval" in w else None,
        deadlines=_deadlines(top["deadlines"]) if "deadlines" in top else (),
        required_documents=(
            parse_required_documents(top["required_documents"]) if "required_documents" in top else None
        ),
        parts=tuple(t for t, _ in parts),
        equipment_columns=tuple(t for t, _ in columns),
        path=source,
        template=_template(notice_id, parts, columns),
    )


def load_notice_file(path: Path) -> Notice:
    text = read_yaml_text(path, "the notice")
    return parse_notice(text, str(path))


def check_against_pack(notice: Notice, pack: Pack) -> None:
    """PackError (naming the notice's file) when the notice does not fit the pack it names."""
    if notice.program != pack.id:
        raise PackError(f'{notice.path}: the notice is for program "{notice.program}", not "{pack.id}"')
    unknown = [t for t in notice.tracks if t not in pack.categories]
    if unknown:
        raise PackError(
            f'{notice.path}: unknown track "{unknown[0]}"; the pack {pack.id} has ' + ", ".join(pack.categories)
        )


def _window_rule(rule: Rule, notice: Notice, window: Window) -> Rule:
    clause = Bilingual(
        f"{notice.number}：支出须在 {window.start.isoformat()} 至 {window.end.isoformat()} 之内",
        f"{notice.number}: spending must fall within {window.start.isoformat()} to {window.end.isoformat()}",
    )
    return dataclasses.replace(rule, basis=notice.basis, source="notice", clause=clause)


def apply_notice(pack: Pack, notice: Notice) -> Pack:
    """The pack as the notice reads it: its windows, approval window, required documents and clauses.
    The policy period itself (the check date's window) stays the pack's."""
    rules = dict(pack.rules)
    for rule_id, name in _WINDOW_RULES.items():
        rules[rule_id] = _window_rule(pack.rules[rule_id], notice, getattr(notice, name))
    for rule_id in sorted(NOTICE_RULES):
        rules[rule_id] = dataclasses.replace(pack.rules[rule_id], basis=notice.basis, source="notice")
    source = Bilingual(f"{notice.number}《{notice.title.zh}》", f"{notice.number} ({notice.title.en})")
    sources = {**pack.sources, "notice": source}
    approval = notice.center_approval
    return dataclasses.replace(
        pack,
        invoice_window=(notice.invoices.start, notice.invoices.end),
        payment_window=(notice.payments.start, notice.payments.end),
        approval_start=approval.start if approval else pack.approval_start,
        approval_end=approval.end if approval else pack.approval_end,
        required_documents=pack.required_documents if notice.required_documents is None else notice.required_documents,
        rules=rules,
        sources=sources,
        notice=notice,
    )


def default_reading(pack: Pack, lang: str = "zh") -> str:
    """What a draft with no notice is checked against, said plainly (screen and validate output)."""
    start, end = pack.window_start.isoformat(), pack.window_end.isoformat()
    if Lang.parse(lang).english:
        return (f"No notice chosen: spending (invoice and payment dates) is read against the policy period "
                f"{start} … {end} (basis: practice, our reading; a notice sets its own windows)")
    return (f"未选择申报通知：支出（开票和付款日期）按政策有效期 {start} 至 {end} 认定"
            "（依据：通行做法，为本程序的理解；申报通知另有规定的以通知为准）")


def notice_reading(notice: Notice, lang: str = "zh") -> str:
    if Lang.parse(lang).english:
        return (f"Notice {notice.number}: invoices {notice.invoices.text()}, payments {notice.payments.text()}, "
                f"project start {notice.project_start.text()}, finish {notice.project_finish.text()} "
                f"(basis: {notice.basis})")
    return (f"申报通知 {notice.number}：开票 {notice.invoices.text()}，付款 {notice.payments.text()}，"
            f"项目开始 {notice.project_start.text()}，完成 {notice.project_finish.text()}（依据：{notice.basis}）")
