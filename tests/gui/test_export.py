"""The export step: preview of the real PDF, Save PDF and package from the GUI, printing to a PDF file."""

from __future__ import annotations

import threading
import zipfile

from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.pdf.strings import WATERMARK
from desktop.services import exporting
from desktop.ui.export.export_page import ExportPage
from tests.gui.steps_support import demo_session, show


def _page(qtbot):
    page = show(qtbot, ExportPage(demo_session()), 1000, 800)
    qtbot.waitUntil(lambda: page.job is not None and page.job.finished, timeout=20000)
    return page


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_preview_save_pdf_and_package(qtbot, tmp_path) -> None:
    page = _page(qtbot)
    assert page.document.status() == QPdfDocument.Status.Ready and page.document.pageCount() >= 1
    target = tmp_path / "申报书.pdf"
    page.choose_save_path = lambda kind: str(target if kind == "pdf" else tmp_path / "pkg.zip")
    page.buttons["pdf"].click()
    qtbot.waitUntil(lambda: page.job.finished, timeout=20000)
    text = _text(target)
    assert "六轴协作机器人研发平台" in text and "草稿" not in text.replace("草稿副本", "")
    page.buttons["package"].click()
    qtbot.waitUntil(lambda: page.job.finished, timeout=20000)
    assert page.last_error is None
    with zipfile.ZipFile(tmp_path / "pkg.zip") as z:
        assert any(n.endswith(".pdf") for n in z.namelist())


def test_draft_copy_is_watermarked_while_errors_remain(qtbot, tmp_path) -> None:
    page = _page(qtbot)
    page.session.set_value("equipment[0].quantity", 0)
    target = tmp_path / "draft.pdf"
    page.choose_save_path = lambda kind: str(target)
    assert page.trigger("export")
    qtbot.waitUntil(lambda: page.job.finished, timeout=20000)
    assert "草稿" in page.status.text() or "已保存" in page.status.text()
    reader = PdfReader(str(target))
    assert all(WATERMARK in p.extract_text() for p in reader.pages)


def test_print_to_a_pdf_file_through_qprinter(qtbot, tmp_path) -> None:
    page = _page(qtbot)
    out = tmp_path / "printed.pdf"

    def confirm(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    page.confirm_print = confirm
    assert page.trigger("print")
    assert len(PdfReader(str(out)).pages) == page.document.pageCount()


def test_cancel_leaves_nothing_written(qtbot, tmp_path, monkeypatch) -> None:
    page = _page(qtbot)
    gate = threading.Event()
    real = exporting.render_application

    def held(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(exporting, "render_application", held)  # the service the command line uses too
    target = tmp_path / "cancelled.pdf"
    page.choose_save_path = lambda kind: str(target)
    job = page.do_pdf()
    job.cancel()  # what the progress dialog's Cancel does
    gate.set()
    qtbot.waitUntil(lambda: job.finished, timeout=20000)
    assert not target.exists()
    assert "取消" in page.status.text()


def test_saving_twice_gives_the_same_bytes_as_the_command_line(qtbot, tmp_path, monkeypatch) -> None:
    from desktop.pdf import render_application
    from desktop.services.exporting import creation_time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    page = _page(qtbot)
    saved = []
    for name in ("a.pdf", "b.pdf"):
        target = tmp_path / name
        page.choose_save_path = lambda kind, target=target: str(target)
        page.buttons["pdf"].click()
        qtbot.waitUntil(lambda: page.job.finished, timeout=20000)
        saved.append(target.read_bytes())
    assert saved[0] == saved[1]
    a = page.session.check_now()
    expected = render_application(page.session.draft, a, lang=page.lang, draft_copy=a.errors > 0,
                                  created=creation_time(a.as_of))
    assert saved[0] == expected


def test_the_self_check_report_is_saved_apart_from_the_application(qtbot, tmp_path) -> None:
    page = _page(qtbot)
    app, report = tmp_path / "申报书.pdf", tmp_path / "自查报告.pdf"
    page.choose_save_path = lambda kind: str(report if kind == "report" else app)
    page.buttons["pdf"].click()
    qtbot.waitUntil(lambda: page.job.finished, timeout=20000)
    page.buttons["report"].click()
    qtbot.waitUntil(lambda: page.job.finished, timeout=20000)
    assert page.last_error is None
    app_text, report_text = _text(app), _text(report)
    assert "自查报告" in report_text and "gd-ai-robotics-2025" in report_text
    assert "自查报告" not in app_text and "gd-ai-robotics-2025" not in app_text
    assert page.buttons["report"].text() and page.buttons["report"].isEnabled()


def test_printing_keeps_each_page_in_its_own_orientation(qtbot, tmp_path) -> None:
    from desktop.ui.export.pdf_printing import print_pdf

    page = _page(qtbot)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(72)
    seen: list[tuple[int, int]] = []

    def note(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    assert print_pdf(page.document, printer, note) == page.document.pageCount()
    assert seen[0] == (0, page.document.pageCount()) and seen[-1][0] == seen[-1][1]
    printed = PdfReader(str(out)).pages
    for n, p in enumerate(printed):
        size = page.document.pagePointSize(n)
        wide = float(p.mediabox.width) > float(p.mediabox.height)
        assert wide == (size.width() > size.height()), n  # the purchase list prints landscape
    assert any(float(p.mediabox.width) > float(p.mediabox.height) for p in printed)


def test_printing_can_be_cancelled_between_pages(qtbot, tmp_path) -> None:
    from desktop.ui.export.pdf_printing import print_pdf

    page = _page(qtbot)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    printer.setResolution(72)
    assert print_pdf(page.document, printer, lambda done, total: done < 2) == 2


def test_the_system_prints_the_pdf_itself_as_vectors(qtbot, tmp_path, monkeypatch) -> None:
    from desktop.ui.export import pdf_printing

    monkeypatch.setattr("desktop.ui.export.pdf_printing.shutil.which",
                        lambda name: "/usr/bin/lp" if name == "lp" else None)
    monkeypatch.setattr("desktop.ui.export.pdf_printing.sys.platform", "linux")
    pdf_printer = QPrinter()
    pdf_printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert pdf_printing.system_print_command(pdf_printer, tmp_path / "a.pdf", 9) is None  # to a file: Qt draws
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.printerName():
        printer.setPrinterName("office")
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.printerName():
        import pytest

        pytest.skip("no native printer backend here")
    printer.setCopyCount(2)
    command = pdf_printing.system_print_command(printer, tmp_path / "a.pdf", 9)
    assert command is not None and command[:5] == ["/usr/bin/lp", "-d", printer.printerName(), "-n", "2"]
    assert command[-1] == str(tmp_path / "a.pdf")
