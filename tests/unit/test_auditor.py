"""The auditor's hand-off: the expense and voucher list (fixed columns, one row per counted line, every
reference) and the evidence ZIP by line and kind with a SHA256SUMS manifest."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font

from desktop import paths
from desktop.domain.model import Attachment, Draft, Invoice, LineFile, Payment
from desktop.rules.assessment import Assessment
from desktop.rules.checker import check
from desktop.services.auditor import COLUMNS, SHEET_TITLE, evidence_entries, expense_list_bytes, write_evidence_zip
from desktop.services.packs import get_pack
from desktop.storage.files_store import FileStore
from tests.conftest import AS_OF
from tests.unit.builders import draft, line
from tests.unit.evidence_builders import evidenced_line

PACK = get_pack("gd-ai-robotics-2025")


def _draft() -> Draft:
    d = draft([evidenced_line(0, quantity=2), line(condition="used"), evidenced_line(2)])
    d.equipment[2].invoices.append(Invoice("25442000000000000099", date(2025, 11, 2), Decimal("0.50")))
    d.equipment[2].payments = [Payment(date(2025, 10, 20), Decimal("30000.00"), "bank_transfer"),
                               Payment(date(2025, 11, 20), Decimal("20000.50"), "acceptance_bill")]
    d.equipment[2].name = "=HYPERLINK(\"x\")"
    return d


def test_expense_list_has_fixed_columns_and_every_reference() -> None:
    d = _draft()
    a = check(d, PACK, AS_OF)
    sheet = load_workbook(io.BytesIO(expense_list_bytes(d, a)))[SHEET_TITLE]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(title for title, _ in COLUMNS)
    assert len(rows) == 4  # header, the two counted lines (the used one is not counted), totals
    first, third, totals = rows[1], rows[2], rows[3]
    by = dict(zip(rows[0], third, strict=True))
    assert first[:3] == (1, 1, "协作机器人") and third[:2] == (2, 3)
    assert by["设备名称"] == "=HYPERLINK(\"x\")"  # text, never a formula
    assert by["发票号码"] == "25442000000000000002\n25442000000000000099"
    assert by["开票日期"] == "2025-10-15\n2025-11-02" and by["发票金额（不含税）"] == "50,000.00\n0.50"
    assert by["发票金额合计"] == 50000.5 and by["已付合计"] == 50000.5
    assert by["付款方式"] == "银行转账\n承兑汇票" and by["合同编号"] == "HT-2025-0002" and by["是否进口"] == "否"
    assert by["附件"].startswith("采购合同：合同2.pdf\n发票：发票2.pdf\n铭牌照片：铭牌2-0.jpg")
    assert by["计入金额（元，不含税）"] == 50000
    assert totals[0] == "合计" and totals[7] == 150000 and totals[13] == 150000.5
    assert sheet["H2"].number_format == "#,##0.00" and sheet["K3"].data_type == "s"


def test_evidence_zip_by_line_and_kind_with_checkable_sums(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    d = _draft()
    for holder in (d.equipment[0], d.equipment[2]):
        kept = []
        for item in holder.files:
            digest, size = store.add_bytes(f"content of {item.name}".encode())
            kept.append(LineFile(item.kind, digest, item.name, size))
        holder.files = kept
    licence, _ = store.add_bytes(b"%PDF licence")
    d.attachments = [Attachment(kind="business_licence", name="营业执照.pdf", sha256=licence, size=12),
                     Attachment(kind="audit_report", name="审计.pdf", sha256="f" * 64, size=3)]
    again = d.equipment[2].files[2].sha256
    d.equipment[2].files.append(LineFile("nameplate_photo", again, "铭牌2-0.jpg", 1))
    a = check(d, PACK, AS_OF)
    out = tmp_path / "evidence.zip"
    missing = write_evidence_zip(d, a, store, out)
    assert missing == ["f" * 64 + "  申报主体材料/audit_report/02-审计.pdf"]
    z = zipfile.ZipFile(out)
    names = z.namelist()
    assert names[0] == f"{SHEET_TITLE}.xlsx" and names[-2:] == ["MISSING.txt", "SHA256SUMS"]
    assert "001-第1行-协作机器人/contract/01-合同0.pdf" in names
    assert "001-第1行-协作机器人/nameplate_photo/02-铭牌0-1.jpg" in names
    assert "002-第3行-=HYPERLINK(_x_)/nameplate_photo/02-铭牌2-0.jpg" in names  # same name: numbered apart
    assert "申报主体材料/business_licence/01-营业执照.pdf" in names
    assert not any("第2行" in n for n in names)  # the line not counted
    sums = z.read("SHA256SUMS").decode().splitlines()
    assert len(sums) == len(names) - 2
    for entry in sums:
        digest, name = entry.split("  ", 1)
        assert hashlib.sha256(z.read(name)).hexdigest() == digest
    folder = tmp_path / "x"
    z.extractall(folder)
    done = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=folder, capture_output=True, check=False)
    assert done.returncode == 0, done.stdout


def test_entries_never_clash() -> None:
    d = draft([evidenced_line(0)])
    d.equipment[0].files = [LineFile("invoice", f"{i:064x}", "同名.pdf", 1) for i in range(3)]
    paths_ = [p for p, _ in evidence_entries(d, check(d, PACK, AS_OF))]
    assert len(set(paths_)) == 3


def test_cli_list_and_evidence(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], cwd=paths.PROJECT_ROOT,
                              capture_output=True, text=True, timeout=120)

    draft_id = cli("drafts", "import", str(paths.demo_draft_path())).stdout.strip()
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    assert cli("attach", draft_id, str(photo), "--kind", "nameplate_photo", "--line", "1").returncode == 0
    xlsx, zpath = tmp_path / "list.xlsx", tmp_path / "ev.zip"
    done = cli("auditor-list", draft_id, "-o", str(xlsx), "--as-of", "2026-06-01")
    assert done.returncode == 0, done.stderr
    assert load_workbook(xlsx)[SHEET_TITLE].max_row >= 3
    done = cli("auditor-evidence", draft_id, "-o", str(zpath), "--as-of", "2026-06-01")
    assert done.returncode == 0, done.stderr
    assert any(n.endswith("/nameplate_photo/01-p.jpg") for n in zipfile.ZipFile(zpath).namelist())
    bad = cli("auditor-list", "999", "-o", str(tmp_path / "no.xlsx"))
    assert bad.returncode == 2 and not (tmp_path / "no.xlsx").exists()


def _every_cell_styled(d: Draft, a: Assessment) -> bytes:
    """The list written the plain way: every value through a WriteOnlyCell (what the fast path must equal)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from desktop.services import auditor

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)

    def cell(value: Any, column: int, bold: bool = False) -> WriteOnlyCell:
        c = WriteOnlyCell(sheet)
        if isinstance(value, str):
            c.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            c.data_type = "s"
            if auditor.SEP in value:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            c.value = value
            if column in (7, 13, 17) and value is not None:
                c.number_format = auditor.MONEY
        if bold:
            c.font = Font(bold=True)
        return c

    sheet.append([cell(title, i, bold=True) for i, (title, _) in enumerate(COLUMNS)])
    totals: list[Any] = [None] * len(COLUMNS)
    totals[0], totals[7], totals[13], totals[17] = auditor.TOTALS_LABEL, Decimal(0), Decimal(0), Decimal(0)
    for k, (index, item, amount) in enumerate(auditor.counted_lines(d, a), 1):
        values = auditor.line_cells(k, index, item, amount)
        sheet.append([cell(v, i) for i, v in enumerate(values)])
        totals[7], totals[13], totals[17] = totals[7] + amount, totals[13] + values[13], totals[17] + values[17]
    sheet.append([cell(v, i, bold=True) for i, v in enumerate(totals)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_expense_list_cells_and_styles_are_those_of_a_cell_object_per_value() -> None:
    d = _draft()  # lines 1 and 3 counted
    d.equipment[0].name, d.equipment[2].name = "#N/A", "="
    d.equipment[0].model, d.equipment[2].model = "a\x07b", "#DIV/0!"
    d.equipment[0].asset_tag, d.equipment[2].location = "", "=A1\n二楼"
    a = check(d, PACK, AS_OF)
    ours = load_workbook(io.BytesIO(expense_list_bytes(d, a)))[SHEET_TITLE]
    plain = load_workbook(io.BytesIO(_every_cell_styled(d, a)))[SHEET_TITLE]
    assert ours.max_row == plain.max_row == 4 and ours.max_column == plain.max_column == len(COLUMNS)
    for row in range(1, 5):
        for column in range(1, len(COLUMNS) + 1):
            mine, theirs = ours.cell(row, column), plain.cell(row, column)
            where = mine.coordinate
            assert (mine.value, mine.data_type, mine.number_format) == (theirs.value, theirs.data_type,
                                                                          theirs.number_format), where
            assert (mine.font.b, mine.alignment.wrap_text, mine.alignment.vertical) == (
                theirs.font.b, theirs.alignment.wrap_text, theirs.alignment.vertical), where
    assert ours["C2"].value == "#N/A" and ours["C2"].data_type == "s" and ours["C3"].value == "="
    assert ours["D2"].value == "ab" and ours["D3"].data_type == "s"
    assert ours["U3"].alignment.wrap_text and ours["U3"].data_type == "s" and not ours["C2"].alignment.wrap_text
    assert all(c.font.b for c in ours[4]) and ours["H4"].number_format == "#,##0.00" and ours["R4"].value == 150000.5
