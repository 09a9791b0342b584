"""Reading a draft file and checking it against its rule pack."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from desktop.domain.errors import DraftFormatError
from desktop.domain.exchange import DRAFT_FILE_LIMIT, loads
from desktop.domain.model import Draft
from desktop.files import InputRefused, read_limited
from desktop.rules.assessment import Assessment
from desktop.rules.checker import Documents, check
from desktop.services.notices import UnknownNotice, pack_for
from desktop.services.packs import UnknownProgram, get_pack


def read_draft_file(path: Path) -> Draft:
    """The draft in `path`; DraftFormatError (naming the file and the path) when it cannot be read or names a
    program without a rule pack (PackError when that pack itself is broken)."""
    try:
        data = read_limited(path, DRAFT_FILE_LIMIT, "draft file")
    except InputRefused as exc:
        raise DraftFormatError("", exc.reason, str(path)) from None
    except FileNotFoundError:
        raise DraftFormatError("", "no such file", str(path)) from None
    except IsADirectoryError:
        raise DraftFormatError("", "is a folder, not a draft file", str(path)) from None
    except OSError as exc:
        raise DraftFormatError("", f"cannot read the file ({exc.strerror})", str(path)) from None
    draft = loads(data, source=str(path))
    try:
        get_pack(draft.program)
    except UnknownProgram as exc:
        raise DraftFormatError("program", str(exc), str(path)) from None
    if draft.notice is not None:
        try:
            pack_for(draft)
        except UnknownNotice as exc:
            raise DraftFormatError("notice", str(exc), str(path)) from None
    return draft


def assess(
    draft: Draft, as_of: date | None = None, invoices_elsewhere: Mapping[str, str] | None = None,
    company_documents: Documents = None,
) -> Assessment:
    """Check `draft` against the pack it names (PackError if there is none); `invoices_elsewhere` are the
    invoice numbers other stored drafts use (services/evidence.py finds them), `company_documents` the
    standing documents of the company the draft follows (services/companies.py)."""
    return check(draft, pack_for(draft), as_of or date.today(), invoices_elsewhere, company_documents)
