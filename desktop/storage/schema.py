"""The schema revisions this program ships, read from the migration files' headers without importing
alembic or SQLAlchemy (alembic alone costs a quarter of a second at every start; only upgrades need it).
A test holds this to alembic's own reading of the same folder."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_REVISION_LINE = re.compile(r'^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|\'([^\']*)\'|None)', re.M)


def revisions_in(migrations: Path) -> tuple[set[str], str | None]:
    """The revisions under `migrations`/versions and the head (None unless there is exactly one)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((migrations / "versions").glob("*.py")):
        found = {m.group(1): m.group(2) or m.group(3) for m in _REVISION_LINE.finditer(script.read_text("utf-8"))}
        if found.get("revision"):
            revisions.add(str(found["revision"]))
            if found.get("down_revision"):
                parents.add(str(found["down_revision"]))
    heads = revisions - parents
    return revisions, (next(iter(heads)) if len(heads) == 1 else None)
