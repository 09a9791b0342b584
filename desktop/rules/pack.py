"""Rule packs: the programme, its parameters and its rules, read from seeds/programs/*.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop.domain.lang import Bilingual
from desktop.rules.evidence_pack import EVIDENCE_RULES, RequiredDocument, parse_required_documents
from desktop.rules.yamlnodes import Node, PackError, parse_root, read_yaml_text

if TYPE_CHECKING:
    from desktop.rules.notice import Notice

# Raised only when the draft names a notice (desktop/rules/notice_checks.py); the notice is their source.
NOTICE_RULES: Final = frozenset(
    {"project_start_outside_notice", "project_finish_outside_notice", "notice_other_track", "deadline_passed"}
)

# Raised when the checker is given the draft's company's standing documents (a fact of another record).
COMPANY_RULES: Final = frozenset({"document_expires"})

SEVERITIES: Final = ("error", "warning", "info")
BASES: Final = ("seed", "reprint", "practice")
# The checks of the application's own facts (rules/application_facts.py).
FACT_RULES: Final = frozenset({
    "fact_missing", "mobile_unrecognised", "financial_years_short", "financial_year_repeated",
    "indicator_kind_missing", "rd_staff_above_staff",
})
LEVELS: Final = ("national", "provincial")

# The rules the checker knows how to apply. A pack must describe each of them, and no others.
KNOWN_RULES: Final = frozenset(
    {
        "required", "equipment_none", "credit_code_format", "city_outside", "center_level_none",
        "category_other_track", "no_eligible_line", "requested_above_max", "requested_invalid",
        "project_dates_reversed", "rate_missing", "rate_invalid", "rate_on_cny", "price_decimals",
        "price_not_positive", "quantity_below_one", "as_of_outside_window",
        "credit_code_checksum", "line_excluded_used", "line_excluded_production",
        "line_excluded_window", "line_excluded_incomplete", "invoice_missing",
        "invoice_unrecognised", "invoice_duplicate", "purchase_after_as_of",
        "center_approval_outside", "three_quotes", "cap_applied", "provincial_cap_unconfirmed",
        "requested_defaulted", "text_too_long", "text_hidden_characters",
    }
) | EVIDENCE_RULES | FACT_RULES | NOTICE_RULES | COMPANY_RULES


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: str
    basis: str
    source: str
    clause: Bilingual
    message: Bilingual


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    name: Bilingual
    computed: bool


@dataclass(frozen=True, slots=True)
class Document:
    title: Bilingual
    number: str
    issuer: Bilingual
    issued_on: date
    parent: str


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    version: str
    document: Document
    window_start: date
    window_end: date
    rate: Decimal
    caps: dict[str, Decimal]
    cap_confirmed: dict[str, bool]
    quote_threshold: Decimal
    approval_start: date
    approval_end: date
    categories: dict[str, Category]
    sources: dict[str, Bilingual]
    rules: dict[str, Rule]
    path: str
    required_documents: tuple[RequiredDocument, ...] = ()
    # A notice's spending windows (None: the policy period, window_start … window_end) and the notice
    # itself, set by desktop/rules/notice.py apply_notice; a pack read from its file has none.
    invoice_window: tuple[date, date] | None = None
    payment_window: tuple[date, date] | None = None
    notice: Notice | None = None
    # The track the pack computes (a category key), whether the applicant must be an innovation centre
    # (the cap then follows its level; else the single cap `caps["any"]`), and the uses a line may have
    # to count. A track pack (desktop/rules/track.py) sets them; the policy pack's are these defaults.
    track: str = "innovation_center"
    center_required: bool = True
    eligible_uses: tuple[str, ...] = ("rd",)
    base: str | None = None

    @property
    def severities(self) -> dict[str, str]:
        return {rule_id: rule.severity for rule_id, rule in self.rules.items()}

    @property
    def invoice_bounds(self) -> tuple[date, date]:
        """The window a line's invoice (purchase) date must lie in."""
        return self.invoice_window or (self.window_start, self.window_end)

    @property
    def payment_bounds(self) -> tuple[date, date]:
        return self.payment_window or (self.window_start, self.window_end)

    def in_window(self, day: date) -> bool:
        return self.window_start <= day <= self.window_end


def _document(node: Node) -> Document:
    m = node.mapping(("title_zh", "title_en", "number", "issuer_zh", "issuer_en", "issued_on", "parent"))
    return Document(
        title=Bilingual(m["title_zh"].text(), m["title_en"].text()),
        number=m["number"].text(),
        issuer=Bilingual(m["issuer_zh"].text(), m["issuer_en"].text()),
        issued_on=m["issued_on"].date(),
        parent=m["parent"].text(),
    )


def _window(node: Node) -> tuple[date, date]:
    m = node.mapping(("start", "end"))
    start, end = m["start"].date(), m["end"].date()
    if end < start:
        raise m["end"].fail(f"the window ends ({end}) before it starts ({start})")
    return start, end


def _caps(node: Node) -> dict[str, Decimal]:
    caps: dict[str, Decimal] = {}
    for level, value_node in node.mapping(LEVELS).items():
        value = value_node.decimal()
        if value <= 0:
            raise value_node.fail("a cap must be above zero")
        caps[level] = value
    return caps


def _confirmed(node: Node) -> dict[str, bool]:
    return {level: value.boolean() for level, value in node.mapping(LEVELS).items()}


def _rule(node: Node, sources: dict[str, Bilingual]) -> Rule:
    m = node.mapping(("id", "severity", "basis", "source", "clause", "message"))
    rule_id = m["id"].text()
    if rule_id not in KNOWN_RULES:
        raise m["id"].fail(f'unknown rule id "{rule_id}": the checker has no such rule')
    source = m["source"].text()
    if source not in sources:
        raise m["source"].fail(f'unknown source "{source}"; the pack lists {", ".join(sources)}')
    return Rule(
        id=rule_id,
        severity=m["severity"].choice(SEVERITIES),
        basis=m["basis"].choice(BASES),
        source=source,
        clause=m["clause"].bilingual(),
        message=m["message"].bilingual(),
    )


def parse_pack(text: str, source: str) -> Pack:
    root = parse_root(text, source)
    top = root.mapping(
        ("id", "version", "document", "window", "parameters", "categories", "sources", "rules"),
        ("required_documents",),
    )
    params = top["parameters"].mapping(
        ("rate", "caps", "cap_confirmed", "quote_threshold", "approval_window")
    )
    rate = params["rate"].decimal()
    if not Decimal(0) < rate <= Decimal(1):
        raise params["rate"].fail(f"the rate must lie between 0 and 1, got {rate}")
    window_start, window_end = _window(top["window"])
    approval_start, approval_end = _window(params["approval_window"])

    categories: dict[str, Category] = {}
    for key, node in top["categories"].free_mapping().items():
        m = node.mapping(("zh", "en", "computed"))
        categories[key] = Category(key, Bilingual(m["zh"].text(), m["en"].text()), m["computed"].boolean())

    sources = {key: node.bilingual() for key, node in top["sources"].free_mapping().items()}

    rules: dict[str, Rule] = {}
    for item in top["rules"].items():
        rule = _rule(item, sources)
        if rule.id in rules:
            raise item.fail(f'rule "{rule.id}" is described twice')
        rules[rule.id] = rule
    missing = sorted(KNOWN_RULES - rules.keys())
    if missing:
        raise top["rules"].fail("the pack does not describe the rules " + ", ".join(missing))

    return Pack(
        id=top["id"].text(),
        version=top["version"].text(),
        document=_document(top["document"]),
        window_start=window_start,
        window_end=window_end,
        rate=rate,
        caps=_caps(params["caps"]),
        cap_confirmed=_confirmed(params["cap_confirmed"]),
        quote_threshold=params["quote_threshold"].decimal(),
        approval_start=approval_start,
        approval_end=approval_end,
        categories=categories,
        sources=sources,
        rules=rules,
        path=source,
        required_documents=parse_required_documents(top["required_documents"]) if "required_documents" in top else (),
    )


def read_pack_text(path: Path) -> str:
    return read_yaml_text(path, "the rule pack")


def load_pack_file(path: Path) -> Pack:
    return parse_pack(read_pack_text(path), str(path))


__all__ = ["Pack", "PackError", "Rule", "load_pack_file", "parse_pack"]
