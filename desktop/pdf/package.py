"""The submission package: one ZIP with the application PDF, the draft JSON, every attachment and
manifest.json (each file with its size and SHA-256). Same inputs, same bytes: fixed timestamps and
permissions in every ZIP entry, files in a fixed order."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.exchange import dumps
from desktop.domain.model import Attachment, Draft
from desktop.pdf.appendix import AppendixItem, append_appendix, kind_of, read_appendix
from desktop.pdf.catalogue import attachment_title
from desktop.pdf.document import fingerprint, render_application
from desktop.pdf.names import safe_file_name
from desktop.pdf.report_doc import render_report
from desktop.pdf.strings import t, tf
from desktop.progress import Progress
from desktop.rules.assessment import Assessment
from desktop.rules.template import Template

PACKAGE_FORMAT = "grant-package/1"
PDF_NAME = "application.pdf"
REPORT_NAME = "self-check-report.pdf"  # the self-check report: beside the application, never inside it
DRAFT_NAME = "draft.json"
MANIFEST_NAME = "manifest.json"
ATTACHMENTS_FOLDER = "attachments"


@dataclass(frozen=True)
class AttachmentFile:
    """An attachment of the draft with the bytes of its file (found and checked by the caller)."""

    index: int
    attachment: Attachment
    data: bytes

    @property
    def label(self) -> str:
        return self.attachment.name or self.attachment.path or f"attachment {self.index + 1}"


def archive_name(item: AttachmentFile) -> str:
    """attachments/NN-name: the file's own name, made safe (no control or direction characters, valid
    on Windows, at most 255 bytes in UTF-8 with its number, extension kept), numbered so that names
    never clash."""
    raw = item.attachment.name or item.attachment.path or ""
    return f"{ATTACHMENTS_FOLDER}/{safe_file_name(raw, prefix=f'{item.index + 1:02d}-')}"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _zip_time(created: datetime) -> tuple[int, int, int, int, int, int]:
    if created.tzinfo is not None:
        created = created.astimezone(UTC)
    c = max(created.replace(tzinfo=None), datetime(1980, 1, 1))
    return (c.year, c.month, c.day, c.hour, c.minute, c.second - c.second % 2)


def _appendix(draft: Draft, items: Sequence[AttachmentFile], lang: str) -> list[AppendixItem]:
    out = []
    for item in items:
        kind = kind_of(item.data)
        if kind is not None:
            label = tf("att_label", lang, " / ", n=item.index + 1)
            title = f"{label} {attachment_title(draft, item.index, lang)}"
            out.append(AppendixItem(item.index, item.label, title, item.data, kind))
    return out


def build_package(
    draft: Draft,
    assessment: Assessment,
    attachments: Sequence[AttachmentFile],
    *,
    lang: str = "zh",
    draft_copy: bool = False,
    created: datetime,
    revision: str | None = None,
    appendix: bool = True,
    progress: Progress | None = None,
    template: Template | None = None,
) -> bytes:
    """The package as ZIP bytes: the application (with the PDF and image attachments appended,
    stamped 附件N and numbered in its pages, unless `appendix` is false), the self-check report
    beside it, the draft, the attachments and the manifest. Raises what render_application raises,
    and AttachmentError when an attachment that looks like a PDF or an image cannot be read."""
    readers = read_appendix(_appendix(draft, attachments, lang), created) if appendix else []
    appended: list[tuple[int, int] | None] = [None] * len(draft.attachments)
    offset = 0
    for item, reader in readers:
        appended[item.index] = (offset, len(reader.pages))
        offset += len(reader.pages)
    pdf = render_application(
        draft, assessment, lang=lang, draft_copy=draft_copy, created=created, revision=revision,
        progress=progress, template=template, appended=appended if readers else None,
    )
    if readers:
        labels = [tf("att_label", lang, " / ", n=item.index + 1) for item, _ in readers]
        pdf = append_appendix(pdf, readers, t("appendix", lang), created, lang, labels)
    report = render_report(
        draft, assessment, lang=lang, created=created, application_sha256=_sha(pdf), revision=revision,
    )
    files: list[tuple[str, str, bytes, int | None]] = [
        (PDF_NAME, "application", pdf, None),
        (REPORT_NAME, "self_check_report", report, None),
        (DRAFT_NAME, "draft", dumps(draft).encode(), None),
    ]
    files += [(archive_name(a), "attachment", a.data, a.index) for a in attachments]
    manifest = {
        "format": PACKAGE_FORMAT,
        "program": assessment.pack.id,
        "program_version": assessment.pack.version,
        "as_of": assessment.as_of.isoformat(),
        "status": assessment.status,
        "draft_copy": draft_copy,
        "lang": lang,
        "created": _iso(created),
        "draft_sha256": fingerprint(draft),
        "files": [
            {"name": name, "role": role, "size": len(data), "sha256": _sha(data),
             **({"attachment": index} if index is not None else {})}
            for name, role, data, index in files
        ],
    }
    files.append((MANIFEST_NAME, "manifest", (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(),
                  None))
    stamp = _zip_time(created)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, _, data, _ in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            zf.writestr(info, data)
    if progress is not None:
        progress.report(1, 1, "package")
    return buf.getvalue()


def _iso(created: datetime) -> str:
    if created.tzinfo is not None:
        created = created.astimezone(UTC)
    return created.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
