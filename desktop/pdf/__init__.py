"""ReportLab rendering of the application (申报书), the self-check report (自查报告) and the submission
package. No Qt here."""

from __future__ import annotations

from desktop.pdf.document import fingerprint, render_application
from desktop.pdf.errors import AttachmentError, BlockedDraftError, RenderCancelled
from desktop.pdf.package import AttachmentFile, build_package
from desktop.pdf.report_doc import render_report

__all__ = [
    "AttachmentError",
    "AttachmentFile",
    "BlockedDraftError",
    "RenderCancelled",
    "build_package",
    "fingerprint",
    "render_application",
    "render_report",
]
