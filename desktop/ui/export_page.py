"""Step 7, export: a preview of the real PDF, Save PDF…, Print… (the same pages), Save submission
package…. Rendering and packaging run in a worker with progress and Cancel; while errors remain the
document is a watermarked draft copy."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.pdf import RenderCancelled, build_package, render_application
from desktop.services.exporting import resolve_attachments
from desktop.services.files import write_atomic
from desktop.ui import workers
from desktop.ui.pdf_printing import print_pdf
from desktop.ui.step_text import pick, plain

__all__ = ["ExportPage", "render_application"]

BUTTONS = (("preview", "Refresh preview", "刷新预览"), ("pdf", "Save PDF…", "保存 PDF…"),
           ("print", "Print…", "打印…"), ("package", "Save submission package…", "保存申报材料包…"))


class ExportPage(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = "zh"
        self.job: workers.Job | None = None
        self.last_error: str | None = None
        self._rendered_at = -1  # undo-stack index the preview was rendered at
        # hooks: tests set what a dialog would answer
        self.choose_save_path = self._ask_save_path
        self.confirm_print = self._ask_print
        self.status = QLabel(self)
        plain(self.status)
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, _, _ in BUTTONS:
            b = QPushButton(self)
            b.clicked.connect(getattr(self, f"do_{key}"))
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
        self.retranslate("zh")

    def _t(self, en: str, zh: str) -> str:
        return pick("ExportPage", self.lang, en, zh)

    # ---- the step protocol
    def retranslate(self, lang: str) -> None:
        changed = lang != self.lang
        self.lang = lang
        for key, en, zh in BUTTONS:
            self.buttons[key].setText(self._t(en, zh))
            self.buttons[key].setAccessibleName(self._t(en, zh))
        self.view.setAccessibleName(self._t("Preview of the application", "申报书预览"))
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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._rendered_at != self.session.undo_stack.index():
            self.do_preview()

    def _describe(self) -> None:
        a = self.session.assessment
        if a.errors:
            self.status.setText(self._t(
                f"Draft copy: {a.errors} errors remain, so every page is watermarked 草稿 / DRAFT. "
                "Fix them on the Review step for the copy to submit.",
                f"草稿副本：仍有 {a.errors} 个错误，每页均带“草稿”水印。请在“检查”步骤中修改后再导出正式文本。"))
        else:
            self.status.setText(self._t("Ready: this is the copy to sign and submit.",
                                        "可以提交：这是用于签章和提交的正式文本。"))

    # ---- rendering
    def _snapshot(self):
        """The draft and a fresh assessment, copied on the UI thread for the worker."""
        assessment = self.session.check_now()
        return copy.deepcopy(self.session.draft), assessment

    def do_preview(self):
        draft, assessment = self._snapshot()
        self._describe()
        at = self.session.undo_stack.index()
        lang = self.lang
        self.status.setText(self.status.text() + self._t(" Rendering the preview…", " 正在生成预览……"))

        def work(progress):
            return render_application(draft, assessment, lang=lang, draft_copy=assessment.errors > 0,
                                      created=datetime.now(UTC), progress=progress)

        def done(data: bytes) -> None:
            self._rendered_at = at
            self.show_pdf(data)
            self._describe()

        self.job = workers.Job(work, done=done, failed=self._failed, cancelled=self._describe,
                               cancel_types=(RenderCancelled,)).start()
        return self.job

    def show_pdf(self, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def _failed(self, exc: BaseException) -> None:
        self.last_error = str(exc)
        self.status.setText(self._t(f"Could not finish: {exc}", f"未能完成：{exc}"))

    def _saved(self, path: str) -> None:
        self.last_error = None
        self.status.setText(self._t(f"Saved {path}", f"已保存 {path}"))

    def _cancelled(self) -> None:
        self.status.setText(self._t("Cancelled; nothing was written.", "已取消，未写入任何文件。"))

    def _in_worker(self, label_en: str, label_zh: str, work, path: str):
        self.job, _ = workers.run_with_progress(
            self, self._t(label_en, label_zh), self._t("Cancel", "取消"), work,
            done=lambda _: self._saved(path), failed=self._failed, cancelled=self._cancelled,
            cancel_types=(RenderCancelled,))
        return self.job

    def do_pdf(self):
        path = self.choose_save_path("pdf")
        if not path:
            return None
        draft, assessment = self._snapshot()
        lang = self.lang

        def work(progress):
            write_atomic(Path(path), render_application(
                draft, assessment, lang=lang, draft_copy=assessment.errors > 0, created=datetime.now(UTC),
                progress=progress))

        return self._in_worker("Saving the PDF…", "正在保存 PDF……", work, path)

    def do_package(self):
        path = self.choose_save_path("zip")
        if not path:
            return None
        draft, assessment = self._snapshot()
        lang = self.lang

        def work(progress):
            files = resolve_attachments(draft)
            write_atomic(Path(path), build_package(
                draft, assessment, files, lang=lang, draft_copy=assessment.errors > 0, created=datetime.now(UTC),
                progress=progress))

        return self._in_worker("Building the submission package…", "正在生成申报材料包……", work, path)

    def do_print(self) -> bool:
        """Print the previewed pages (render the preview first if it is out of date)."""
        if self.document.status() != QPdfDocument.Status.Ready:
            self.status.setText(self._t("The preview is not ready yet.", "预览尚未生成。"))
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.confirm_print(printer):
            return False
        print_pdf(self.document, printer)
        self.status.setText(self._t("Sent to the printer.", "已发送到打印机。"))
        return True

    # ---- dialogs (replaceable in tests)
    def _ask_save_path(self, kind: str) -> str:
        if kind == "pdf":
            name, _ = QFileDialog.getSaveFileName(self, self._t("Save PDF", "保存 PDF"), "申报书.pdf", "PDF (*.pdf)")
        else:
            name, _ = QFileDialog.getSaveFileName(self, self._t("Save submission package", "保存申报材料包"),
                                                  "申报材料包.zip", "ZIP (*.zip)")
        return name

    def _ask_print(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        return dialog.exec() == QDialog.DialogCode.Accepted
