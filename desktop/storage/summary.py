"""One row of the drafts list, as the repository hands it out (no SQLAlchemy here, so the list can also
be read before it is loaded: see quicklist.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class DraftSummary:
    id: int
    title: str | None
    applicant: str | None
    status: str
    errors: int | None
    warnings: int | None
    max_subsidy: Decimal | None
    requested: Decimal | None
    updated_at: datetime
    deleted_at: datetime | None
    line_count: int
