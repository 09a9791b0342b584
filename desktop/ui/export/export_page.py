"""The export step: a preview of the real PDF, Save PDF…, Print… (the same pages), Save self-check
report… (a document of its own, never part of the application), Save submission package… (both).
Rendering and packaging run in a worker with progress and Cancel; while errors remain the document is a
watermarked draft copy."""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.attachment_messages import ui_text
from desktop.services.attachment_paths import AttachmentRefused, start_folder
from desktop.services.exporting import (
    render_application,
    resolve_attachments,
    write_application,
    write_package,
    write_report,
)
from desktop.ui.common import workers
from desktop.ui.export.pdf_printing import print_pdf, send_to_system, system_print_command
from desktop.ui.wizard.step_protocol import StepPage
from desktop.ui.wizard.step_text import Texts, plain, texts

if TYPE_CHECKING:
    from desktop.domain.model import Draft
    from desktop.progress import Progress
    from desktop.rules.assessment import Assessment
    from desktop.ui.wizard.session import DraftSession

__all__ = ["ExportPage", "render_application"]

BUTTONS = (("preview", QT_TRANSLATE_NOOP("ExportPage", "Refresh preview")),
           ("pdf", QT_TRANSLATE_NOOP("ExportPage", "Save PDF…")), ("print", QT_TRANSLATE_NOOP("ExportPage", "Print…")),
           ("report", QT_TRANSLATE_NOOP("ExportPage", "Save self-check report…")),
           ("package", QT_TRANSLATE_NOOP("ExportPage", "Save submission package…")))


def _created(assessment: Assessment) -> datetime:
    """The date stamped in the document: the same rule as the command line (SOURCE_DATE_EPOCH, else the
    check date at midnight UTC), so the same draft and date give the same bytes from the GUI too."""
    from desktop.services.exporting import creation_time

    try:
        return creation_time(assessment.as_of)
    except ValueError:  # a malformed SOURCE_DATE_EPOCH: the check date, as when it is not set
        return datetime.combine(assessment.as_of, time(0, 0), UTC)


class ExportPage(StepPage):
    def __init__(self, session: DraftSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self.job: workers.Job | None = None
        self.last_error: str | None = None
        self._edits = 0  # changes seen; the preview is current when rendered at this count
        self._rendered_at = -1
        self._preview_job: workers.Job | None = None
        self._print_when_ready = False  # Print… asked while the preview was out of date
        session.changed.connect(self._count_edit)
        # hooks: tests set what a dialog would answer
        self.choose_save_path = self._ask_save_path
        self.choose_attachments_folder = self._ask_attachments_folder
        self.attachments_folder: str | None = None  # the last folder chosen; attachments are read only there
        self.confirm_print = self._ask_print
        self.status = QLabel(self)
        plain(self.status)
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        doers = {"preview": self.do_preview, "pdf": self.do_pdf, "print": self.do_print,
                 "report": self.do_report, "package": self.do_package}
        for key, _ in BUTTONS:
            b = QPushButton(self)
            b.clicked.connect(doers[key])
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdfPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.document.statusChanged.connect(self._document_status)
        self.retranslate("zh")

    def _count_edit(self, _change: object) -> None:
        self._edits += 1

    @property
    def _texts(self) -> Texts:
        return texts(self.lang)

    # ---- the step protocol
    def retranslate(self, lang: str) -> None:
        changed = lang != self.lang
        self.lang = lang
        t = self._texts
        for key, title in BUTTONS:
            self.buttons[key].setText(t.translate("ExportPage", title))
            self.buttons[key].setAccessibleName(t.translate("ExportPage", title))
        self.view.setAccessibleName(t.translate("ExportPage", "Preview of the application"))
        self._describe()
        if changed and self.isVisible():
            self.do_preview()

    def focus_path(self, path: str) -> bool:
        return False

    def trigger(self, action: str) -> bool:
        if action == "export":
            self.do_pdf()
            return True
        if action == "print":
            self.do_print()
            return True
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._rendered_at != self._edits:
            self.do_preview()

    def _describe(self) -> None:
        a = self.session.assessment
        if a.errors:
            self.status.setText(self._texts.translate(
                "ExportPage", "Draft copy: {errors} errors remain, so every page is watermarked 草稿 / DRAFT. "
                "Fix them on the Review step for the copy to submit.").format(errors=a.errors))
        else:
            self.status.setText(self._texts.translate("ExportPage", "Ready: this is the copy to sign and submit."))

    # ---- rendering
    def _snapshot(self) -> tuple[Draft, Assessment]:
        """The draft and a fresh assessment, copied on the UI thread for the worker."""
        assessment = self.session.check_now()
        return copy.deepcopy(self.session.draft), assessment

    def do_preview(self) -> workers.Job:
        draft, assessment = self._snapshot()
        self._describe()
        at = self._edits
        lang = self.lang
        self.status.setText(self.status.text() + self._texts.translate("ExportPage", " Rendering the preview…"))

        def work(progress: Progress) -> bytes:
            return render_application(draft, assessment, lang=lang, draft_copy=assessment.errors > 0,
                                      created=_created(assessment), progress=progress)

        def done(data: bytes) -> None:
            self._rendered_at = at
            self._describe()
            self.show_pdf(data)

        self.job = self._preview_job = workers.Job(work, done=done, failed=self._failed, cancelled=self._describe,
                                                   owner=self).start()
        return self.job

    def preview_current(self) -> bool:
        """The preview shows the draft as it is now (nothing rendering, nothing edited since)."""
        busy = self._preview_job is not None and not self._preview_job.finished
        ready = self.document.status() == QPdfDocument.Status.Ready
        return ready and not busy and self._rendered_at == self._edits

    def show_pdf(self, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def _document_status(self, _status: object = None) -> None:
        """A print waiting for the preview goes ahead once the preview is current (rendered again if the
        draft changed while it rendered)."""
        if not self._print_when_ready or self.document.status() != QPdfDocument.Status.Ready:
            return
        if self.preview_current():
            self.do_print()
        elif self._preview_job is not None and self._preview_job.finished:
            self.do_preview()

    def _failed(self, exc: BaseException) -> None:
        self._print_when_ready = False
        from desktop.files import OutputError

        self.last_error = exc.text(self.lang) if isinstance(exc, AttachmentRefused | OutputError) else str(exc)
        self.status.setText(self._texts.translate("ExportPage", "Could not finish: {error}").format(
            error=self.last_error))

    def _saved(self, path: str) -> None:
        self.last_error = None
        self.status.setText(self._texts.translate("ExportPage", "Saved {path}").format(path=path))

    def _cancelled(self) -> None:
        self.status.setText(self._texts.translate("ExportPage", "Cancelled; nothing was written."))

    def _in_worker(self, label: str, work: Callable[[Progress], None], path: str) -> workers.Job:
        self.job, _ = workers.run_with_progress(
            self, label, self._texts.translate("ExportPage", "Cancel"), work,
            done=lambda _: self._saved(path), failed=self._failed, cancelled=self._cancelled)
        return self.job

    def do_pdf(self) -> workers.Job | None:
        path = self.choose_save_path("pdf")
        if not path:
            return None
        draft, assessment = self._snapshot()
        lang = self.lang

        def work(progress: Progress) -> None:
            write_application(draft, assessment, Path(path), lang=lang, draft_copy=assessment.errors > 0,
                              created=_created(assessment), progress=progress)

        return self._in_worker(self._texts.translate("ExportPage", "Saving the PDF…"), work, path)

    def do_report(self) -> workers.Job | None:
        """The self-check report: findings with clause and basis, lines not counted, the computation line
        by line, rule pack and fingerprints (for the applicant and the consultant, not for the office)."""
        path = self.choose_save_path("report")
        if not path:
            return None
        draft, assessment = self._snapshot()
        lang = self.lang

        def work(progress: Progress) -> None:
            write_report(draft, assessment, Path(path), lang=lang, created=_created(assessment), progress=progress)

        return self._in_worker(self._texts.translate("ExportPage", "Saving the self-check report…"), work, path)

    def do_package(self) -> workers.Job | None:
        path = self.choose_save_path("zip")
        if not path:
            return None
        draft, assessment = self._snapshot()
        lang = self.lang
        folder = None
        if draft.attachments:  # read only from the folder the user chooses now
            start = self.attachments_folder or start_folder(draft.attachments)
            chosen = self.choose_attachments_folder(start)
            if not chosen:
                self._cancelled()
                return None
            self.attachments_folder = chosen
            folder = Path(chosen)

        def work(progress: Progress) -> None:
            files = resolve_attachments(draft, base_dir=folder, search_dir=folder, context="gui")
            write_package(draft, assessment, Path(path), attachments=files, lang=lang,
                          draft_copy=assessment.errors > 0, created=_created(assessment), progress=progress)

        return self._in_worker(self._texts.translate("ExportPage", "Building the submission package…"), work, path)

    def do_print(self) -> bool:
        """Print the previewed pages; an out-of-date preview is rendered first and printed when ready."""
        if not self.preview_current():
            self._print_when_ready = True
            if self._preview_job is None or self._preview_job.finished:
                self.do_preview()
            self.status.setText(self._texts.translate("ExportPage", "Preparing the pages to print…"))
            return False
        self._print_when_ready = False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.confirm_print(printer):
            return False
        pages = self.document.pageCount()
        data = self._buffer.data().data() if self._buffer is not None else b""
        folder = Path(tempfile.mkdtemp(prefix="grant-print-"))
        pdf = folder / "application.pdf"
        pdf.write_bytes(data)
        command = system_print_command(printer, pdf, pages)
        if command is not None:  # the PDF itself, as vectors, each page as it is (CUPS)
            def work(progress: Progress) -> None:
                try:
                    send_to_system(command)
                finally:
                    shutil.rmtree(folder, ignore_errors=True)

            self.job = workers.Job(work, done=lambda _: self.status.setText(
                self._texts.translate("ExportPage", "Sent to the printer.")), failed=self._failed,
                owner=self).start()
            return True
        shutil.rmtree(folder, ignore_errors=True)
        dialog = QProgressDialog(self._texts.translate("ExportPage", "Printing…"),
                                 self._texts.translate("ExportPage", "Cancel"), 0, pages, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QApplication.processEvents()  # the window is repainted and Cancel answered between pages
            return not dialog.wasCanceled()

        focus = QApplication.focusWidget()
        printed = print_pdf(self.document, printer, progress)
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
        if QApplication.activeWindow() in (None, dialog):
            self.window().activateWindow()
        if focus is not None:  # the keyboard stays where it was before printing
            focus.setFocus()
        if printed < pages and dialog.wasCanceled():
            self.status.setText(self._texts.translate("ExportPage", "Printing cancelled."))
            return False
        self.status.setText(self._texts.translate("ExportPage", "Sent to the printer."))
        return True

    # ---- dialogs (replaceable in tests)
    def proposed_name(self, kind: str) -> str:
        """The file name the save dialog proposes: the applicant's name, then what the file is."""
        from desktop.services.file_names import export_file_name

        return export_file_name(self.session.draft.applicant.name, "zip" if kind not in ("pdf", "report") else kind)

    def _ask_save_path(self, kind: str) -> str:
        caption, kinds = {
            "pdf": (self._texts.translate("ExportPage", "Save PDF"), "PDF (*.pdf)"),
            "report": (self._texts.translate("ExportPage", "Save self-check report"), "PDF (*.pdf)"),
        }.get(kind, (self._texts.translate("ExportPage", "Save submission package"), "ZIP (*.zip)"))
        name, _ = QFileDialog.getSaveFileName(self, caption, self.proposed_name(kind), kinds)
        return name

    def _ask_attachments_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, ui_text("choose_folder", self.lang), start)

    def _ask_print(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        return dialog.exec() == QDialog.DialogCode.Accepted
