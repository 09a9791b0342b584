"""Export use-cases shared by the CLI and the GUI: the application PDF, the self-check report (a
separate PDF, never part of the application) and the submission package (which carries both).

Creation date (it is stamped in the PDF and the ZIP, so it decides the bytes): the caller passes it.
`creation_time(as_of)` is the CLI's choice: SOURCE_DATE_EPOCH when set (the reproducible-builds
convention), else the check date at 00:00 UTC. The same draft checked as of the same day therefore
gives the same bytes on any machine, whenever it is run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from pathlib import Path

from desktop.domain.model import Draft
from desktop.files import write_atomic
from desktop.pdf import AttachmentError as AttachmentError
from desktop.pdf import AttachmentFile, build_package, render_report
from desktop.pdf import BlockedDraftError as BlockedDraftError
from desktop.pdf import RenderCancelled as RenderCancelled
from desktop.pdf import render_application as render_application  # the preview renders without writing
from desktop.progress import Progress
from desktop.rules.assessment import Assessment
from desktop.services.attachment_paths import AttachmentRefused, Folders, read_attachment
from desktop.services.checking import assess, read_draft_file


def creation_time(as_of: date, environ: Mapping[str, str] | None = None) -> datetime:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC) if set, else `as_of` at 00:00 UTC.

    ValueError names the variable when it is set but not a whole number of seconds."""
    env = os.environ if environ is None else environ
    raw = (env.get("SOURCE_DATE_EPOCH") or "").strip()
    if raw:
        try:
            seconds = int(raw)
            return datetime.fromtimestamp(seconds, UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(f'SOURCE_DATE_EPOCH: expected whole seconds since 1970, got "{raw}"') from None
    return datetime.combine(as_of, time(0, 0), UTC)


def resolve_attachments(
    draft: Draft, *, base_dir: Path | None = None, search_dir: Path | None = None, context: str = "cli"
) -> list[AttachmentFile]:
    """Each attachment's file, found by its `path` (relative paths from `base_dir`) or by its name in
    `search_dir`, read only from inside those two folders (see attachment_paths), and checked against
    the size and SHA-256 the draft recorded. AttachmentRefused names the first attachment refused."""
    folders = Folders(base=base_dir, search=search_dir, context=context)
    out = []
    for i, att in enumerate(draft.attachments):
        label = att.name or att.path or f"attachment {i + 1}"
        found, data = read_attachment(i, att, folders)
        digest = hashlib.sha256(data).hexdigest()
        if att.sha256 and digest != att.sha256.lower():
            raise AttachmentRefused(i, label, att.path, "changed", context=context, file=str(found),
                                    digest=digest[:16], recorded=att.sha256[:16])
        if att.size is not None and len(data) != att.size:
            raise AttachmentRefused(i, label, att.path, "size", context=context, file=str(found),
                                    size=f"{len(data):,}", recorded=f"{att.size:,}")
        out.append(AttachmentFile(i, att, data))
    return out


def write_application(
    draft: Draft, assessment: Assessment, output: Path, *, lang: str = "zh", draft_copy: bool = False,
    created: datetime, revision: str | None = None, progress: Progress | None = None,
) -> None:
    """Render and write the PDF whole or not at all (BlockedDraftError, RenderCancelled, OSError)."""
    data = render_application(
        draft, assessment, lang=lang, draft_copy=draft_copy, created=created, revision=revision, progress=progress
    )
    write_atomic(output, data)


def write_report(
    draft: Draft, assessment: Assessment, output: Path, *, lang: str = "zh", created: datetime,
    revision: str | None = None, progress: Progress | None = None,
) -> None:
    """Render and write the self-check report whole or not at all (any draft: blocked ones too)."""
    data = render_report(draft, assessment, lang=lang, created=created, revision=revision, progress=progress)
    write_atomic(output, data)


def write_package(
    draft: Draft, assessment: Assessment, output: Path, *, attachments: list[AttachmentFile], lang: str = "zh",
    draft_copy: bool = False, created: datetime, revision: str | None = None, appendix: bool = True,
    progress: Progress | None = None,
) -> None:
    data = build_package(
        draft, assessment, attachments, lang=lang, draft_copy=draft_copy, created=created, revision=revision,
        appendix=appendix, progress=progress,
    )
    write_atomic(output, data)


def export_file(
    draft_path: Path, output: Path, *, as_of: date | None, lang: str, draft_copy: bool,
    environ: Mapping[str, str] | None = None, report: bool = False,
) -> Assessment:
    """The `export` command: read, check, render, write (the application, or with `report` the
    self-check report). Returns the assessment it rendered."""
    draft = read_draft_file(draft_path)
    assessment = assess(draft, as_of)
    created = creation_time(assessment.as_of, environ)
    if report:
        write_report(draft, assessment, output, lang=lang, created=created)
    else:
        write_application(draft, assessment, output, lang=lang, draft_copy=draft_copy, created=created)
    return assessment


def package_file(
    draft_path: Path, output: Path, *, as_of: date | None, lang: str, draft_copy: bool,
    attachments_dir: Path | None, appendix: bool = True, environ: Mapping[str, str] | None = None,
) -> Assessment:
    """The `package` command: read, check, find the attachments, build the ZIP, write it."""
    draft = read_draft_file(draft_path)
    assessment = assess(draft, as_of)
    created = creation_time(assessment.as_of, environ)
    files = resolve_attachments(draft, base_dir=draft_path.parent, search_dir=attachments_dir)
    write_package(
        draft, assessment, output, attachments=files, lang=lang, draft_copy=draft_copy, created=created,
        appendix=appendix,
    )
    return assessment
