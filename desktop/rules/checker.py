"""The checker: (draft, pack, as_of) -> Assessment. Pure and deterministic; no Qt, no SQL.

Amounts: each line is quantity × unit price × exchange rate, rounded half-up to the fen; the ceiling
(eligible × rate) is rounded down, so it never exceeds the rate or the cap. Every product and sum is
exact (money.multiply / money.total) across the whole range a draft may hold: only the stated
roundings round.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from desktop.domain import choices
from desktop.domain.changes import get_value
from desktop.domain.cities import is_guangdong
from desktop.domain.codes import (
    CreditCodeStatus,
    InvoiceKind,
    check_credit_code,
    normalise_invoice,
    recognise_invoice,
)
from desktop.domain.company import StandingDocument
from desktop.domain.evidence import draft_version, has_application_facts, line_has_evidence
from desktop.domain.fieldpath import ANY, EQUIPMENT, FieldPath, line_text
from desktop.domain.fields import FIELD_LABELS, TEXT_LIMITS, refused_characters, refused_pattern
from desktop.domain.model import Draft, EquipmentLine
from desktop.domain.money import ZERO, format_yuan, has_sub_fen, multiply, round_down, round_half_up, total
from desktop.rules.application_facts import check_application_facts
from desktop.rules.assessment import Assessment, Finding, LineResult, Param, Totals
from desktop.rules.evidence import check_draft_evidence, check_line_evidence
from desktop.rules.notice_checks import check_documents, check_notice
from desktop.rules.pack import Pack
from desktop.rules.template import template_for

ONE = Decimal(1)


# Values picked from a list are asked for with 请选择 / "Choose", the others with 请填写 / "Fill in".
CHOICE_PATHS = frozenset({"applicant.city", "applicant.center_level", "project.category", "equipment[].kind",
                          "equipment[].use", "equipment[].condition"})
_CHOOSE = ("选择", "Please choose")
_FILL = ("填写", "Fill in")


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


class _Collector:
    def __init__(self, pack: Pack) -> None:
        self.severity = pack.severities
        self.findings: list[Finding] = []
        self.invoice_start, self.invoice_end = pack.invoice_bounds
        self.uses = pack.eligible_uses

    def add(self, rule: str, path: str, **params: Param) -> None:
        self.findings.append(Finding(rule, self.severity[rule], path, params))


    def required(self, path: str, pattern: str | None = None) -> None:
        key = pattern or path
        self.add("required", path, field=FIELD_LABELS[key], action=_CHOOSE if key in CHOICE_PATHS else _FILL)


_NOT_CENTRE = ("name", "credit_code", "city")


def _check_applicant(draft: Draft, pack: Pack, out: _Collector) -> None:
    a = draft.applicant
    for name in ("name", "credit_code", "city", "center_level") if pack.center_required else _NOT_CENTRE:
        value = getattr(a, name)
        if _blank(value):
            out.required(f"applicant.{name}")
    if not _blank(a.credit_code):
        code = a.credit_code or ""
        result = check_credit_code(code)
        if result.status is CreditCodeStatus.WRONG_LENGTH:
            out.add(
                "credit_code_format", "applicant.credit_code", code=code,
                problem=(f"有 {len(code)} 位，应为 18 位", f"has {len(code)} characters instead of 18"),
            )
        elif result.status is CreditCodeStatus.WRONG_ALPHABET:
            out.add(
                "credit_code_format", "applicant.credit_code", code=code,
                problem=(
                    f"含有不允许的字符 {result.bad_chars}",
                    f"contains characters not allowed ({result.bad_chars})",
                ),
            )
        elif result.status is CreditCodeStatus.CHECKSUM_MISMATCH:
            out.add("credit_code_checksum", "applicant.credit_code", code=code, expected=result.expected_check or "")
    if not _blank(a.city) and not is_guangdong(a.city or ""):
        out.add("city_outside", "applicant.city", city=a.city or "")
    if not pack.center_required:
        pass
    elif a.center_level == "none":
        out.add("center_level_none", "applicant.center_level")
    elif a.center_level == "provincial" and not pack.cap_confirmed.get("provincial", True):
        out.add("provincial_cap_unconfirmed", "applicant.center_level", cap=format_yuan(pack.caps["provincial"]))
    approved = a.center_approved_on
    if approved is not None and not pack.approval_start <= approved <= pack.approval_end:
        out.add("center_approval_outside", "applicant.center_approved_on", date=approved.isoformat())


def _check_project(draft: Draft, pack: Pack, out: _Collector) -> None:
    p = draft.project
    for name in ("title", "category", "start_date", "end_date"):
        value = getattr(p, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            out.required(f"project.{name}")
    if p.category is not None and p.category != pack.track:
        zh, en = choices.CATEGORIES.get(p.category, (p.category, p.category))
        out.add("category_other_track", "project.category", category=(zh, en))
    if p.start_date and p.end_date and p.end_date < p.start_date:
        out.add(
            "project_dates_reversed", "project.end_date",
            start=p.start_date.isoformat(), end=p.end_date.isoformat(),
        )


def _check_line(
    i: int, line: EquipmentLine, pack: Pack, as_of: date, out: _Collector
) -> LineResult:
    # This runs for every line on every full check: the clean path does as little as it can.
    n = str(i + 1)
    base = line_text(i)
    name = line.name or ""
    if not name.strip():
        out.required(base + ".name", "equipment[].name")
    reasons: list[str] = []

    q = line.quantity
    if q is None:
        out.required(base + ".quantity", "equipment[].quantity")
    elif q < 1:
        out.add("quantity_below_one", base + ".quantity", line=n, value=str(q))
    p = line.unit_price
    fen_exact = True
    if p is None:
        out.required(base + ".unit_price", "equipment[].unit_price")
    else:
        if p <= 0:
            out.add("price_not_positive", base + ".unit_price", line=n, value=format(p, "f"))
        if has_sub_fen(p):
            fen_exact = False
            out.add("price_decimals", base + ".unit_price", line=n, value=format(p, "f"))
    currency = line.currency
    rate: Decimal | None = None
    if currency is None or currency == "CNY":
        unit_cny = p
        if line.exchange_rate is not None and line.exchange_rate != ONE:
            out.add("rate_on_cny", base + ".exchange_rate", line=n, value=format(line.exchange_rate, "f"))
    else:
        rate = line.exchange_rate
        unit_cny = None
        if rate is None:
            out.add("rate_missing", base + ".exchange_rate", line=n, currency=currency)
        elif rate <= 0:
            out.add("rate_invalid", base + ".exchange_rate", line=n, value=format(rate, "f"))
        elif p is not None:
            unit_cny = multiply(p, rate)
    amount: Decimal | None = None
    if q is not None and q >= 1 and p is not None and p > 0 and unit_cny is not None:
        # a CNY price in whole fen times a whole quantity needs no rounding
        amount = multiply(q, p) if rate is None and fen_exact else round_half_up(multiply(q, unit_cny))
    else:
        reasons.append("amount_unknown")

    condition = line.condition
    if condition != "new":
        if condition == "used":
            reasons.append("used")
            out.add("line_excluded_used", base + ".condition", line=n, name=name)
        else:
            reasons.append("condition_unknown")
            out.add("line_excluded_incomplete", base + ".condition", line=n, name=name,
                    missing=("新旧", "condition"))
    use = line.use
    if use != "rd" and use not in out.uses:
        if use == "production":
            reasons.append("production")
            out.add("line_excluded_production", base + ".use", line=n, name=name)
        else:
            reasons.append("use_unknown")
            out.add("line_excluded_incomplete", base + ".use", line=n, name=name, missing=("用途", "use"))

    bought = line.purchase_date
    if bought is None:
        reasons.append("date_unknown")
        out.required(base + ".purchase_date", "equipment[].purchase_date")
    else:
        if not out.invoice_start <= bought <= out.invoice_end:
            reasons.append("outside_window")
            out.add("line_excluded_window", base + ".purchase_date", line=n, name=name, date=bought.isoformat(),
                    start=out.invoice_start.isoformat(), end=out.invoice_end.isoformat())
        if bought > as_of:
            out.add("purchase_after_as_of", base + ".purchase_date", line=n, date=bought.isoformat(),
                    as_of=as_of.isoformat())

    number = line.invoice_number
    if number is None or not number.strip():
        if not line.invoices:  # grant-draft/2: the line's invoices say it
            out.add("invoice_missing", base + ".invoice_number", line=n)
    elif not (len(number) == 20 and number.isdigit()) and recognise_invoice(number) is InvoiceKind.UNRECOGNISED:
        out.add("invoice_unrecognised", base + ".invoice_number", line=n, value=number)

    if reasons:
        return LineResult(i, amount, False, tuple(reasons))
    if unit_cny is not None and unit_cny >= pack.quote_threshold:
        out.add("three_quotes", base + ".unit_price", line=n, name=name, amount=unit_cny)
    return LineResult(i, amount, True, ())


def _check_duplicates(draft: Draft, out: _Collector) -> None:
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(draft.equipment):
        if line.invoice_number and line.invoice_number.strip():
            seen.setdefault(normalise_invoice(line.invoice_number), []).append(i)
    for indexes in seen.values():
        if len(indexes) < 2:
            continue
        shown = [str(j + 1) for j in indexes[:6]]
        for i in indexes:
            others = [x for x in shown if x != str(i + 1)][:5]
            more = len(indexes) - 1 - len(others)
            text = ", ".join(others) + (f" (+{more})" if more > 0 else "")
            out.add("invoice_duplicate", line_text(i, "invoice_number"), line=str(i + 1), others=text)


def _check_text(path: str, pattern: str, value: str | None, out: _Collector) -> None:
    """The field catalogue's limits (desktop/domain/fields.py): length and refused characters."""
    if not value:
        return
    limit = TEXT_LIMITS[pattern]
    if len(value) > limit.max_length:
        out.add("text_too_long", path, field=FIELD_LABELS[pattern], length=str(len(value)),
                limit=str(limit.max_length))
    hidden = refused_characters(path, value)
    if hidden:
        out.add("text_hidden_characters", path, field=FIELD_LABELS[pattern], chars=", ".join(hidden[:5]))


_LINE_TEXTS = tuple(FieldPath.parse(p).fields for p in TEXT_LIMITS if FieldPath.parse(p).head == EQUIPMENT)
_DRAFT_TEXTS = tuple(p for p in TEXT_LIMITS if FieldPath.parse(p).head != EQUIPMENT)


def _check_draft_texts(draft: Draft, out: _Collector) -> None:
    for path in _DRAFT_TEXTS:
        value = get_value(draft, path)
        _check_text(path, path, value if isinstance(value, str) else None, out)


_LINE_TEXT_LIMITS = tuple(
    (name, line_text(ANY, name), TEXT_LIMITS[line_text(ANY, name)].max_length,
     refused_pattern(TEXT_LIMITS[line_text(ANY, name)]).search)
    for name in _LINE_TEXTS
)


def _check_line_texts(i: int, line: EquipmentLine, out: _Collector) -> None:
    for name, pattern, longest, hidden in _LINE_TEXT_LIMITS:
        value = getattr(line, name)
        # the clean path (almost every value): one length test and one search, no path built
        if value and (len(value) > longest or hidden(value)):
            _check_text(line_text(i, name), pattern, value, out)


LineCheck = tuple[LineResult, list[Finding]]


def check_line(
    i: int, line: EquipmentLine, pack: Pack, as_of: date, out: _Collector | None = None, evidence: bool = False
) -> LineCheck:
    """One line's amount, eligibility and findings (they depend on nothing but the line, and on whether
    the draft is checked for evidence: grant-draft/2)."""
    out = out or _Collector(pack)
    out.findings = []
    result = _check_line(i, line, pack, as_of, out)
    _check_line_texts(i, line, out)
    if evidence:
        check_line_evidence(i, line, pack, out)
    return result, out.findings


Elsewhere = Mapping[str, str] | None  # invoice number (normalised) -> the other draft that uses it
# The standing documents of the company the draft follows (None: the draft follows no company).
Documents = Sequence[StandingDocument] | None


def check(
    draft: Draft, pack: Pack, as_of: date, invoices_elsewhere: Elsewhere = None, company_documents: Documents = None
) -> Assessment:
    out = _Collector(pack)
    evidence = draft_version(draft) >= 2
    lines = [check_line(i, line, pack, as_of, out, evidence) for i, line in enumerate(draft.equipment)]
    return assemble(draft, pack, as_of, lines, invoices_elsewhere, evidence, company_documents)


def assemble(
    draft: Draft, pack: Pack, as_of: date, line_checks: list[LineCheck], invoices_elsewhere: Elsewhere = None,
    evidence: bool | None = None, company_documents: Documents = None,
) -> Assessment:
    """The whole assessment from the per-line checks (computed now or kept from before)."""
    out = _Collector(pack)
    if not pack.in_window(as_of):
        out.add(
            "as_of_outside_window", "", as_of=as_of.isoformat(),
            start=pack.window_start.isoformat(), end=pack.window_end.isoformat(),
        )
    _check_applicant(draft, pack, out)
    _check_project(draft, pack, out)
    if pack.notice is not None:
        check_notice(draft, pack.notice, as_of, out)
    if company_documents:
        check_documents(company_documents, pack.notice, as_of, out)
    _check_draft_texts(draft, out)

    lines = [result for result, _ in line_checks]
    for _, findings in line_checks:
        out.findings.extend(findings)
    _check_duplicates(draft, out)
    if draft_version(draft) >= 2 if evidence is None else evidence:
        check_draft_evidence(draft, pack, out, invoices_elsewhere)
        check_application_facts(draft, template_for(pack.notice), out)  # the parts the application prints
    declared = total(r.amount for r in lines if r.amount is not None)
    eligible = total(r.amount for r in lines if r.eligible and r.amount is not None)
    if not draft.equipment:
        out.add("equipment_none", "equipment")
    elif not any(r.eligible for r in lines):
        out.add("no_eligible_line", "equipment")

    level = draft.applicant.center_level if pack.center_required else "any"
    cap = pack.caps.get(level) if level else None
    uncapped = round_down(multiply(eligible, pack.rate))
    max_subsidy = ZERO if cap is None else min(uncapped, cap)
    if cap is not None and uncapped > cap:
        out.add(
            "cap_applied", "project.requested_subsidy", uncapped=format_yuan(uncapped), cap=format_yuan(cap),
            rate=f"{(pack.rate * 100).normalize():f}%",
        )

    requested_value = draft.project.requested_subsidy
    if requested_value is None:
        requested = max_subsidy
        if max_subsidy > 0:
            out.add("requested_defaulted", "project.requested_subsidy", maximum=format_yuan(max_subsidy))
    else:
        requested = requested_value
        if requested_value <= 0 or has_sub_fen(requested_value):
            out.add("requested_invalid", "project.requested_subsidy", value=format(requested_value, "f"))
        elif requested_value > max_subsidy:
            out.add(
                "requested_above_max", "project.requested_subsidy",
                requested=format_yuan(requested_value), maximum=format_yuan(max_subsidy),
            )

    totals = Totals(
        declared=declared, eligible=eligible, rate=pack.rate, cap=cap, uncapped=uncapped,
        max_subsidy=max_subsidy, requested=requested,
    )
    counts = Counter(f.severity for f in out.findings)
    return Assessment(pack, as_of, totals, lines, out.findings, counts)


def _reindexed(found: LineCheck, i: int) -> LineCheck:
    """A line's check moved to index `i`: only its paths and its line number change."""
    result, findings = found
    moved_result = LineResult(i, result.amount, result.eligible, result.reasons)
    if not findings:
        return moved_result, findings
    cut = len(line_text(result.index))
    new = line_text(i)
    n = str(i + 1)
    moved = [
        Finding(f.rule, f.severity, new + f.path[cut:], {**f.params, "line": n} if "line" in f.params else f.params)
        for f in findings
    ]
    return moved_result, moved


class IncrementalChecker:
    """Keeps each line's check between runs, by the line object itself: after an edit only the lines
    marked changed, and lines it has not seen (inserted, replaced, restored), are checked again; lines
    that only moved keep their check with the new index. The result is always equal to
    `check(draft, pack, as_of)` (a test holds it to that)."""

    def __init__(self, pack: Pack, as_of: date) -> None:
        self.pack = pack
        self.as_of = as_of
        # id(line) -> (the line itself, so the id cannot be reused while cached; its check; whether it
        # holds evidence; its evidence findings, computed only once the draft is grant-draft/2)
        self._cache: dict[int, _Entry] = {}
        self._order: list[EquipmentLine] = []
        self.invoices_elsewhere: Elsewhere = None  # set by the caller from the other stored drafts
        self.company_documents: Documents = None  # set by the caller from the draft's company

    def line_changed(self, index: int, line: EquipmentLine | None = None) -> None:
        """The line at `index` was edited in place (give the line when lines may have moved since the
        last run)."""
        if line is None:
            if not 0 <= index < len(self._order):
                return
            line = self._order[index]
        self._cache.pop(id(line), None)

    def all_changed(self) -> None:
        self._cache = {}

    def set_as_of(self, as_of: date) -> None:
        if as_of != self.as_of:
            self.as_of = as_of
            self.all_changed()

    def run(self, draft: Draft) -> Assessment:
        old = self._cache
        cache: dict[int, _Entry] = {}
        entries: list[_Entry] = []
        out = _Collector(self.pack)
        pack, as_of = self.pack, self.as_of
        evidence = draft.format_version >= 2 or has_application_facts(draft) or draft.notice is not None
        for i, line in enumerate(draft.equipment):
            key = id(line)
            kept = old.get(key)
            if kept is not None and kept[0] is line:
                entry = kept
                if kept[1][0].index != i:
                    ev = kept[3]
                    entry = (line, _reindexed(kept[1], i), kept[2], None if ev is None else _reindexed(ev, i))
            else:
                entry = (line, check_line(i, line, pack, as_of, out), line_has_evidence(line), None)
            evidence = evidence or entry[2]
            cache[key] = entry
            entries.append(entry)
        if evidence:  # grant-draft/2: each line's findings followed by its evidence findings, as check() gives
            checks: list[LineCheck] = []
            for i, (line, found, has, ev) in enumerate(entries):
                if ev is None:
                    ev = (found[0], _line_evidence(i, line, pack))
                    cache[id(line)] = (line, found, has, ev)
                checks.append((found[0], found[1] + ev[1]) if ev[1] else found)
        else:
            checks = [entry[1] for entry in entries]
        self._cache = cache  # lines no longer in the draft are forgotten
        self._order = list(draft.equipment)
        return assemble(draft, pack, as_of, checks, self.invoices_elsewhere, evidence, self.company_documents)


_Entry = tuple[EquipmentLine, LineCheck, bool, "LineCheck | None"]


def _line_evidence(i: int, line: EquipmentLine, pack: Pack) -> list[Finding]:
    out = _Collector(pack)
    check_line_evidence(i, line, pack, out)
    return out.findings
