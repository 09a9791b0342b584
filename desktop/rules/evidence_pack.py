"""The evidence part of a rule pack: the rule ids the evidence checks raise, and the documents the
applicant must attach (`required_documents`, data in the pack: each one satisfied by any of its kinds)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from desktop.domain import choices
from desktop.rules.yamlnodes import Node

# Raised by desktop/rules/evidence.py, on grant-draft/2 drafts only.
EVIDENCE_RULES: Final = frozenset(
    {
        "evidence_invoice_incomplete", "evidence_invoice_outside_window", "evidence_payment_outside_window",
        "evidence_payment_missing", "evidence_underpaid", "evidence_invoice_elsewhere",
        "evidence_contract_missing", "evidence_nameplate_missing", "evidence_nameplate_fewer",
        "evidence_nameplate_shared", "evidence_asset_tag_missing", "evidence_customs_missing",
        "required_document_missing",
    }
)


@dataclass(frozen=True, slots=True)
class RequiredDocument:
    id: str
    kinds: tuple[str, ...]  # attachment kinds, any one of which satisfies it
    zh: str
    en: str


def parse_required_documents(node: Node) -> tuple[RequiredDocument, ...]:
    out: list[RequiredDocument] = []
    for doc_id, m in node.keyed_items(("id", "kinds", "zh", "en"), "required document"):
        kinds = tuple(k.text() for k in m["kinds"].items())
        if not kinds:
            raise m["kinds"].fail("name at least one attachment kind")
        for k, kind in zip(m["kinds"].items(), kinds, strict=True):
            if kind not in choices.ATTACHMENT_KINDS:
                raise k.fail(f'unknown attachment kind "{kind}"; the draft has ' + ", ".join(choices.ATTACHMENT_KINDS))
        out.append(RequiredDocument(doc_id, kinds, m["zh"].text(), m["en"].text()))
    return tuple(out)
