"""Reading an .xlsx ledger in one streaming pass: values (saved formula results), hidden rows, merges.

openpyxl's read-only mode does not expose row_dimensions (hidden rows) nor tell a formula without a
saved result from an empty cell. Its own sheet parser sees both, so this module drives that parser
directly (the same objects `ReadOnlyWorksheet` uses) and keeps what it sees. The cost is nil: no
second pass over the XML, no non-read-only load. Numbers that are not whole are read from the text
stored in the file, so money never passes through a float.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

from desktop.files import describe_size
from desktop.importers.errors import ImportCancelled, ImportRefused
from desktop.importers.table import SourceRow, Table
from desktop.importers.values import NoCachedValue, excel_decimal
from desktop.progress import Progress

# What a workbook may unpack to, read from the zip's directory before anything is unpacked: a real
# ledger of 300,000 rows unpacks to about 100 MB; a "zip bomb" of a few KB can unpack to gigabytes.
PART_LIMIT = 256 * 2**20  # one part (a sheet, the shared strings)
TOTAL_LIMIT = 512 * 2**20  # all parts together
PARTS_LIMIT = 10_000  # how many parts

_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, InvalidFileException, KeyError, ParseError,
               ValueError, TypeError, AttributeError, IndexError, EOFError, OSError)


class _LedgerParser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's sheet parser, also reporting hidden rows and formulas without a saved result."""

    def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]], bool]:
        hidden = row.get("hidden") in ("1", "true") or row.get("ht") in ("0", "0.0")
        number, cells = super().parse_row(row)
        return number, cells, hidden

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        value = cell["value"]
        if type(value) is float:
            cell["value"] = excel_decimal(element.findtext(VALUE_TAG))
        elif value is None:
            formula = element.find(FORMULA_TAG)
            if formula is not None:
                cell["value"] = NoCachedValue("=" + (formula.text or ""))
        return cell


def check_unpacked_sizes(path: Path) -> None:
    """Refuse (ImportRefused) a workbook whose parts would unpack to more than the limits; the sizes are
    those the zip's directory declares (the reader never unpacks more than declared)."""
    source = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except _UNREADABLE as exc:
        raise ImportRefused(
            source, f"is not a readable .xlsx workbook ({_reason(exc)}); it may be damaged",
            f"不是可读取的 .xlsx 工作簿（{_reason(exc)}），文件可能已损坏",
        ) from None
    if len(infos) > PARTS_LIMIT:
        raise ImportRefused(
            source, f"holds {len(infos):,} parts; a workbook may hold at most {PARTS_LIMIT:,}",
            f"包含 {len(infos):,} 个部件，超过 {PARTS_LIMIT:,} 个的上限",
        )
    whole = 0
    for info in infos:
        whole += info.file_size
        if info.file_size > PART_LIMIT:
            limit = describe_size(PART_LIMIT)
            raise ImportRefused(
                source, f'its part "{info.filename}" unpacks to {info.file_size:,} bytes; a part may unpack to at '
                f"most {limit}: split the ledger and import the parts one after the other",
                f"其中「{info.filename}」解压后有 {info.file_size:,} 字节，超过 {limit} 的上限：请拆分台账后分批导入",
            )
    if whole > TOTAL_LIMIT:
        limit = describe_size(TOTAL_LIMIT)
        raise ImportRefused(
            source, f"unpacks to {whole:,} bytes; a workbook may unpack to at most {limit}: split the ledger and "
            "import the parts one after the other",
            f"解压后共有 {whole:,} 字节，超过 {limit} 的上限：请拆分台账后分批导入",
        )


def read_xlsx(path: Path, sheet: str | None, progress: Progress | None) -> Table:
    source = str(path)
    check_unpacked_sizes(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _UNREADABLE as exc:
        raise ImportRefused(
            source, f"is not a readable .xlsx workbook ({_reason(exc)}); it may be damaged",
            f"不是可读取的 .xlsx 工作簿（{_reason(exc)}），文件可能已损坏",
        ) from None
    try:
        names = tuple(workbook.sheetnames)
        looks: tuple[tuple[str, str, str], ...] = ()
        if sheet is None:
            tables = [w for w in workbook.worksheets if hasattr(w, "_get_source")]
            if len(tables) > 1:
                worksheet, looks = _choose_sheet(source, workbook, tables)
            else:
                worksheet = workbook.active or workbook.worksheets[0]
        elif sheet in names:
            worksheet = workbook[sheet]
        else:
            listed = ", ".join(f'"{n}"' for n in names)
            raise ImportRefused(
                source, f'has no sheet "{sheet}"; its sheets are {listed}',
                f"没有「{sheet}」工作表；现有工作表：{'、'.join(names)}",
            )
        if not hasattr(worksheet, "_get_source"):
            raise ImportRefused(
                source, f'"{worksheet.title}" is a chart sheet, not a table', f"「{worksheet.title}」是图表页，不是表格"
            )
        parser = _parser(workbook, worksheet)
        try:
            rows = list(_rows(parser, worksheet.max_row, progress))
        except ImportCancelled:
            raise
        except _UNREADABLE as exc:
            raise ImportRefused(
                source, f'sheet "{worksheet.title}" cannot be read ({_reason(exc)}); the file may be damaged',
                f"工作表「{worksheet.title}」无法读取（{_reason(exc)}），文件可能已损坏",
            ) from None
        finally:
            parser.source.close()
        if not rows:
            raise ImportRefused(
                source, f'sheet "{worksheet.title}" is empty: there are no rows to import',
                f"工作表「{worksheet.title}」是空的：没有可导入的行",
            )
        merged = []
        if parser.merged_cells is not None:
            for cell_range in parser.merged_cells.mergeCell:
                merged.append(tuple(range_boundaries(cell_range.ref)))
        epoch1904 = workbook.epoch.year == 1904
        return Table(source, rows, "xlsx", sheet=worksheet.title, sheets=names, merged=merged, epoch1904=epoch1904,
                     hidden_columns=_hidden_columns(parser), sheet_looks=looks)
    finally:
        workbook.close()


def _parser(workbook: Any, worksheet: Any) -> _LedgerParser:
    return _LedgerParser(
        worksheet._get_source(), worksheet._shared_strings, data_only=True, epoch=workbook.epoch,
        date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats,
    )


def _hidden_columns(parser: _LedgerParser) -> frozenset[int]:
    hidden: set[int] = set()
    for attrs in parser.column_dimensions.values():
        if attrs.get("hidden") in ("1", "true"):
            try:
                hidden.update(range(int(attrs["min"]) - 1, int(attrs.get("max", attrs["min"]))))
            except (KeyError, ValueError):
                continue
    return frozenset(hidden)


def _choose_sheet(source: str, workbook: Any, sheets: list[Any]) -> tuple[Any, tuple[tuple[str, str, str], ...]]:
    """The sheet that holds equipment lines, by scoring the first rows of every sheet: a column for the
    name counts most, then one for a price, then every other field named. Refused, naming every sheet and
    what it looks like, when none has a column for the name."""
    from desktop.importers.header import SCAN_ROWS, score_rows

    best: tuple[int, int] | None = None
    looks: list[tuple[str, str, str]] = []
    for position, worksheet in enumerate(sheets):
        parser = _parser(workbook, worksheet)
        head: list[SourceRow] = []
        try:
            for row in _rows(parser, None, None):
                head.append(row)
                if len(head) >= SCAN_ROWS:
                    break
        except _UNREADABLE:
            head = []
        finally:
            parser.source.close()
        score, zh, en = score_rows(head)
        looks.append((worksheet.title, zh, en))
        if score > 0 and (best is None or score > best[0]):
            best = (score, position)
    if best is None:
        en = "; ".join(f'"{name}": {look}' for name, _, look in looks)
        zh = "；".join(f"「{name}」：{look}" for name, look, _ in looks)
        raise ImportRefused(
            source, f"no sheet holds equipment lines (a column for the equipment name and one for a price or "
            f"quantity); the sheets are {en}; choose one with --sheet if it is one of them",
            f"没有哪个工作表是设备清单（应有设备名称列及价格或数量列）；各工作表：{zh}；"
            "如确是其中之一，请用 --sheet 指定",
        )
    return sheets[best[1]], tuple(looks)


def _rows(parser: _LedgerParser, max_row: int | None, progress: Progress | None) -> Iterator[SourceRow]:
    step = max((max_row or 0) // 100, 1000)
    for number, cells, hidden in parser.parse():
        if progress is not None and number % step == 0:
            progress.report(min(99, number * 100 // max(max_row or number, 1)), 100, "rows")
        if not cells:
            continue
        values: list[Any] = [None] * max(cell["column"] for cell in cells)
        present = False
        for cell in cells:
            value = cell["value"]
            if value is not None and value != "":
                values[cell["column"] - 1] = value
                present = True
        if present:
            yield SourceRow(number, values, hidden)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    name = type(exc).__name__
    return f"{name}: {text[:120]}" if text else name
