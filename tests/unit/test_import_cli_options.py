"""import-lines options through a real subprocess: --column, --header-row, --group-cards, --date-order,
--include-services, and a folder of 数电发票 files (REPRODUCTIONS, tests/unit/einvoices.py) kept as evidence."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop import paths
from desktop.domain.exchange import loads
from tests.unit.einvoices import Spec, write_ofd, write_pdf, write_xml
from tests.unit.ledgers import write_workbook
from tests.unit.test_import_cli import _run

CARDS = [
    ["资产编码", "固定资产名称", "规格型号", "原值", "入账日期", "报价"],
    ["GD-1", "五轴加工中心", "DMU50", 980000, "2025-07-01", 990000],
    ["GD-2", "五轴加工中心", "DMU50", 980000, "2025-07-01", 990000],
    ["GD-3", "安装调试服务", None, 20000, "2025-07-01", 20000],
]


def test_group_cards_include_services_and_column_override(tmp_path: Path) -> None:
    ledger = write_workbook(tmp_path / "cards.xlsx", CARDS)
    out = tmp_path / "new.json"
    base = len(loads(paths.demo_draft_path().read_bytes()).equipment)
    done = _run("import-lines", paths.demo_draft_path(), ledger, "-o", out, "--group-cards", "--lang", "en")
    assert done.returncode == 0, done.stderr
    added = loads(out.read_bytes()).equipment[base:]
    assert [(x.name, x.quantity, x.unit_price) for x in added] == [("五轴加工中心", 2, Decimal("980000.00"))]
    assert "services" in done.stdout and "(row 4)" in done.stdout
    both = _run(
        "import-lines",
        paths.demo_draft_path(),
        ledger,
        "--dry-run",
        "--include-services",
        "--lang",
        "en",
        "--column",
        "amount=报价",
    )
    assert "Lines to add: 3" in both.stdout and "990,000.00" in both.stdout, both.stdout


def test_header_row_and_date_order(tmp_path: Path) -> None:
    rows = [
        ["Equipment register"],
        ["Description", "Qty", "Unit Price", "Invoice Date", "Invoice No."],
        ["Oscilloscope", 1, 90000, "03.11.2025", "A-1"],
    ]
    ledger = write_workbook(tmp_path / "reg.xlsx", rows)
    asked = _run("import-lines", paths.demo_draft_path(), ledger, "--dry-run", "--lang", "en")
    assert asked.returncode == 2 and "--date-order" in asked.stderr and "Invoice Date" in asked.stderr
    out = tmp_path / "new.json"
    done = _run(
        "import-lines",
        paths.demo_draft_path(),
        ledger,
        "-o",
        out,
        "--date-order",
        "dmy",
        "--header-row",
        "2",
        "--lang",
        "en",
    )
    assert done.returncode == 0, done.stderr
    assert loads(out.read_bytes()).equipment[-1].purchase_date == date(2025, 11, 3)
    wrong = _run("import-lines", paths.demo_draft_path(), ledger, "--dry-run", "--header-row", "9")
    assert wrong.returncode == 2 and "9" in wrong.stderr
    bad = _run("import-lines", paths.demo_draft_path(), ledger, "--dry-run", "--column", "price")
    assert bad.returncode == 2 and "FIELD=HEADER" in bad.stderr


def test_a_folder_of_invoice_files_is_kept_as_evidence(tmp_path: Path) -> None:
    folder = tmp_path / "invoices"
    folder.mkdir()
    items = [("*机械设备*数控车床", "CK6150", "台", "1", "88495.58", "88495.58", "13%")]
    xml = write_xml(folder / "1.xml", Spec("25442000000000000101", "2025-06-01", items, total="88495.58"))
    write_pdf(folder / "2.pdf", Spec("25442000000000000102", "2025-06-02", items, total="88495.58"))
    write_ofd(folder / "3.ofd", Spec("25442000000000000103", "2025-06-03", items, total="88495.58"))
    out = tmp_path / "new.json"
    db = tmp_path / "data" / "drafts.sqlite3"
    db.parent.mkdir()
    done = _run("--db", db, "import-lines", paths.demo_draft_path(), folder, "-o", out, "--lang", "en")
    assert done.returncode == 0, done.stderr + done.stdout
    added = loads(out.read_bytes()).equipment[-3:]
    assert [(x.name, x.invoice_number, x.unit_price) for x in added] == [
        ("数控车床", "25442000000000000101", Decimal("88495.58")),
        ("数控车床", "25442000000000000102", Decimal("88495.58")),
        ("数控车床", "25442000000000000103", Decimal("88495.58")),
    ]
    digest = hashlib.sha256(xml.read_bytes()).hexdigest()
    assert added[0].files[0].sha256 == digest and added[0].files[0].kind == "invoice"
    assert (tmp_path / "data" / "files" / digest[:2] / digest).read_bytes() == xml.read_bytes()
    assert "3 invoice files kept" in done.stdout
