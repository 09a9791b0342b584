"""The rows of a ledger file, whatever it is: an .xlsx workbook or a CSV/TXT export.

`read_table` gives every non-empty row with its spreadsheet row number, its values by column and
whether it is hidden; it refuses (ImportRefused, naming the file) what cannot be read at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from desktop.importers.errors import ImportRefused

Progress = Callable[[int], None]  # percent done; may raise ImportCancelled to stop

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
DELIMITERS = {",": ",", "comma": ",", ";": ";", "semicolon": ";", "\t": "\t", "\\t": "\t", "tab": "\t"}


class SourceRow(NamedTuple):
    number: int  # the spreadsheet's row number (1-based)
    values: list[Any]  # by column, 0-based; None for an empty cell
    hidden: bool = False


@dataclass
class Table:
    source: str
    rows: list[SourceRow]
    kind: str = "csv"  # "xlsx" or "csv"
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_col, min_row, max_col, max_row
    epoch1904: bool = False


def read_table(
    path: Path,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> Table:
    source = str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportRefused(source, "no such file", "找不到该文件") from None
    except IsADirectoryError:
        raise ImportRefused(source, "is a folder, not a spreadsheet", "这是文件夹，不是表格文件") from None
    except OSError as exc:
        raise ImportRefused(
            source, f"cannot read the file ({exc.strerror})", f"无法读取该文件（{exc.strerror}）"
        ) from None
    suffix = path.suffix.lower()
    if head.startswith(CFB_SIGNATURE):
        raise ImportRefused(source, *_cfb_message(path, suffix))
    if head.startswith(ZIP_SIGNATURE) or suffix in XLSX_SUFFIXES:
        from desktop.importers.xlsx_source import read_xlsx

        return read_xlsx(path, sheet, progress)
    # Anything else is read as text: finance systems save CSV and tab-separated text under many names.
    if sheet is not None:
        raise ImportRefused(
            source, f'is a text (CSV) file, it has no sheets; there is no sheet "{sheet}"',
            f"这是文本（CSV）文件，没有工作表，也就没有「{sheet}」工作表",
        )
    return read_csv(path, encoding, delimiter, progress)


def _cfb_message(path: Path, suffix: str) -> tuple[str, str]:
    data = path.read_bytes()[: 16 * 1024 * 1024]
    if "EncryptionInfo".encode("utf-16-le") in data or suffix != ".xls":
        return (
            "the workbook is encrypted (password-protected) and cannot be read; open it in Excel or WPS, "
            "remove the password and save it as .xlsx, then import that copy",
            "工作簿已加密（设有密码），无法读取：请用 Excel 或 WPS 打开，取消密码后另存为 .xlsx，再导入该副本",
        )
    return (
        "is an old Excel 97-2003 workbook (.xls); open it in Excel or WPS, save it as .xlsx and import that",
        "这是旧版 Excel 97-2003 工作簿（.xls）：请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入",
    )


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: as asked, else UTF-8 (with or without BOM), else GB18030."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ImportRefused(
                source, f'"{encoding}" is not an encoding this program knows', f"不认识的编码「{encoding}」"
            ) from None
        except UnicodeDecodeError as exc:
            raise ImportRefused(
                source, f"is not {encoding} text (byte {exc.start}); try another --encoding",
                f"不是 {encoding} 编码的文本（第 {exc.start} 字节）：请换一种编码",
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            source, f"is neither UTF-8 nor GBK/GB18030 text (byte {exc.start}); name the encoding with --encoding",
            f"既不是 UTF-8 也不是 GBK/GB18030 文本（第 {exc.start} 字节）：请指定文件的编码",
        ) from None


def sniff_delimiter(text: str) -> str:
    """Comma, tab or semicolon: the one that splits most of the first lines into the same number of fields."""
    sample = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for candidate in (",", "\t", ";"):
        counts = [len(r) for r in csv.reader(sample, delimiter=candidate)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = (wide.count(modal), modal)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv(path: Path, encoding: str | None, delimiter: str | None, progress: Progress | None) -> Table:
    source = str(path)
    data = path.read_bytes()
    text, used = decode(data, source, encoding)
    if delimiter is not None:
        chosen = DELIMITERS.get(delimiter.lower() if delimiter.strip() else delimiter)
        if chosen is None:
            raise ImportRefused(
                source, f'cannot split on "{delimiter}"; the delimiter is comma, tab or semicolon',
                f"不能按「{delimiter}」分列：分隔符应为逗号、制表符或分号",
            )
    else:
        chosen = sniff_delimiter(text)
    total = max(text.count("\n"), 1)
    rows: list[SourceRow] = []
    try:
        for number, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=chosen), 1):
            if progress is not None and number % 5000 == 0:
                progress(min(99, number * 100 // total))
            values: list[Any] = [cell if cell.strip() else None for cell in record]
            if any(v is not None for v in values):
                rows.append(SourceRow(number, values))
    except csv.Error as exc:
        raise ImportRefused(source, f"is not a readable CSV file ({exc})", f"不是可读取的 CSV 文件（{exc}）") from None
    if not rows:
        raise ImportRefused(source, "is empty: there are no rows to import", "文件是空的：没有可导入的行")
    return Table(source, rows, "csv", encoding=used, delimiter=chosen)
