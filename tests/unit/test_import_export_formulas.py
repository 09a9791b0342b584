"""export-lines writes texts beginning with = + - @ as text, never as formulas (read back from the file)."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl

from desktop.domain.model import EquipmentLine
from desktop.importers import import_file
from desktop.importers.xlsx_export import write_lines_xlsx

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]


def test_values_that_look_like_formulas_are_written_as_text(tmp_path: Path) -> None:
    lines = [
        EquipmentLine(
            name=text, model=text, supplier=text, quantity=1, unit_price=Decimal("10.00"), invoice_number=text
        )
        for text in HOSTILE
    ]
    buffer = io.BytesIO()
    write_lines_xlsx(lines, buffer)
    path = tmp_path / "lines.xlsx"
    path.write_bytes(buffer.getvalue())
    sheet = openpyxl.load_workbook(path).active
    for row, text in enumerate(HOSTILE, start=2):
        for column in ("B", "C", "D", "O"):
            cell = sheet[f"{column}{row}"]
            assert cell.value == text and cell.data_type == "s", (column, row, cell.data_type)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    back = import_file(path)
    assert [(x.name, x.model, x.invoice_number) for x in back.lines] == [(t, t, t) for t in HOSTILE]
