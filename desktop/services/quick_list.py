"""The drafts list read with the standard library alone, before the database is opened (storage/quicklist.py):
this module imports nothing heavy (no SQLAlchemy, no rules), so the list paints at start without them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.storage.summary import DraftSummary


def quick_list(location: str, search: str, trash: bool) -> list[DraftSummary] | None:
    """The drafts list of the SQLite file at `location` (None when the file is not one this program can
    read that way: the full open lists it then)."""
    from desktop.storage.quicklist import quick_list_drafts

    return quick_list_drafts(location, search=search, trash=trash)
