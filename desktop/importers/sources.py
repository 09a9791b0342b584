"""The rows of a ledger file, whatever it is: an .xlsx workbook or a CSV/TXT export.

`read_table` gives every non-empty row with its spreadsheet row number, its values by column and
whether it is hidden; it refuses (ImportRefused, naming the file) what cannot be read at all.

Bounds, checked before anything is read into memory: the file must be a regular file (not a device,
a FIFO or /proc), of at most LEDGER_FILE_LIMIT bytes; a CSV line may hold LINE_LIMIT characters; an
.xlsx's parts are bounded by their unpacked sizes (xlsx_source.py).
"""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path
from typing import Any

from desktop.files import describe_size
from desktop.importers.errors import ImportRefused
from desktop.importers.table import SourceRow, Table
from desktop.progress import Progress

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
LEDGER_FILE_LIMIT = 256 * 2**20  # bytes of a ledger file (.xlsx or CSV)
LINE_LIMIT = 64 * 2**10  # characters of one CSV line: a ledger row is a few hundred
DELIMITERS = {",": ",", "comma": ",", ";": ";", "semicolon": ";", "\t": "\t", "\\t": "\t", "tab": "\t"}


def read_table(
    path: Path,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> Table:
    source = str(path)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise ImportRefused(
                source, "is not a regular file (a device, a pipe or a socket); save the ledger as a file and "
                "import that", "不是普通文件（设备、管道或套接字）：请把表格保存为文件后再导入",
            )
        if st.st_size > LEDGER_FILE_LIMIT:
            limit = describe_size(LEDGER_FILE_LIMIT)
            raise ImportRefused(
                source, f"is {st.st_size:,} bytes; a ledger may have at most {limit}: split it and import "
                "the parts one after the other",
                f"文件有 {st.st_size:,} 字节，超过 {limit} 的上限：请拆分后分批导入",
            )
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
    with open(path, "rb") as fh:
        data = fh.read(16 * 1024 * 1024)
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


def long_line(text: str, limit: int = LINE_LIMIT) -> tuple[int, int] | None:
    """(line number, length) of the first line longer than `limit` characters, else None; linear."""
    start, number = 0, 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > limit:
            return number, stop - start
        if end < 0:
            return None
        start, number = end + 1, number + 1


def sniff_delimiter(text: str) -> str:
    """Comma, tab or semicolon: the one that splits most of the first lines into the same number of fields."""
    sample = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for candidate in (",", "\t", ";"):
        try:
            counts = [len(r) for r in csv.reader(sample, delimiter=candidate)]
        except csv.Error:  # a field past the csv module's limit: not this delimiter's table
            continue
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
    with open(path, "rb") as fh:
        data = fh.read(LEDGER_FILE_LIMIT + 1)
    if len(data) > LEDGER_FILE_LIMIT:  # it grew since read_table looked at it
        limit = describe_size(LEDGER_FILE_LIMIT)
        raise ImportRefused(source, f"is larger than {limit}, the limit for a ledger", f"文件超过 {limit} 的上限")
    text, used = decode(data, source, encoding)
    del data
    found = long_line(text)
    if found is not None:
        number, length = found
        raise ImportRefused(
            source, f"line {number} has {length:,} characters; a ledger line may have at most {LINE_LIMIT:,}: "
            "is this really a CSV export of the ledger?",
            f"第 {number} 行有 {length:,} 个字符，超过每行 {LINE_LIMIT:,} 个字符的上限：请确认这是台账导出的 CSV 文件",
        )
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
                progress.report(min(99, number * 100 // total), 100, "rows")
            values: list[Any] = [cell if cell.strip() else None for cell in record]
            if any(v is not None for v in values):
                rows.append(SourceRow(number, values))
    except csv.Error as exc:
        raise ImportRefused(source, f"is not a readable CSV file ({exc})", f"不是可读取的 CSV 文件（{exc}）") from None
    if not rows:
        raise ImportRefused(source, "is empty: there are no rows to import", "文件是空的：没有可导入的行")
    return Table(source, rows, "csv", encoding=used, delimiter=chosen)
