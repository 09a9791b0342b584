"""Evidence use-cases over the database: the invoice numbers other drafts use (the checker's input),
and checking a stored draft with them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from desktop.domain.errors import DraftFormatError
from desktop.domain.evidence import draft_version
from desktop.domain.model import Draft
from desktop.rules.assessment import Assessment
from desktop.rules.yamlnodes import PackError
from desktop.services.checking import assess, read_draft_file
from desktop.services.companies import company_documents_for
from desktop.storage.evidence_index import invoice_numbers_elsewhere


def invoices_elsewhere_for(session: Session, draft_id: int | None, draft: Draft) -> dict[str, str] | None:
    """The invoice numbers the other stored drafts use, for a grant-draft/2 draft (None for a /1 draft:
    it is checked exactly as before, and the database is not read)."""
    if draft_version(draft) < 2:
        return None
    return invoice_numbers_elsewhere(session, draft_id=draft_id)


def assess_stored(session: Session, draft_id: int | None, draft: Draft, as_of: date | None = None) -> Assessment:
    """Check a draft of the database (or one about to be stored: draft_id None) against every other one."""
    return assess(draft, as_of, invoices_elsewhere_for(session, draft_id, draft),
                  company_documents_for(session, draft_id))


def missing_documents(assessment: Assessment, lang: str = "zh") -> list[str]:
    """The names of the required documents the draft lacks (in `lang`; bilingual gives both)."""
    out = []
    for f in assessment.findings:
        document = f.params.get("document")
        if f.rule == "required_document_missing" and isinstance(document, tuple):
            zh, en = document
            out.append(en if lang == "en" else f"{zh} / {en}" if lang == "bilingual" else zh)
    return out


def missing_documents_in(path: Path, as_of: date | None, lang: str = "zh") -> list[str]:
    """The required documents the draft file lacks ([] when it cannot be read: that is said elsewhere)."""
    try:
        return missing_documents(assess(read_draft_file(path), as_of), lang)
    except (DraftFormatError, PackError):
        return []
