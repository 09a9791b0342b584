"""The importer's entry points: a file (or an already-read table) in, a Preview out."""

from __future__ import annotations

from pathlib import Path

from desktop.importers.errors import ImportRefused
from desktop.importers.header import FIELDS, Header, auto_mapping, column_letter, find_header, normalise, shown_headers
from desktop.importers.mapping import MappingStore
from desktop.importers.preview import Options, Preview, build_preview, missing_fields, one_per_card
from desktop.importers.problems import Note
from desktop.importers.sources import read_table
from desktop.importers.table import Table
from desktop.progress import Progress

_EXAMPLE_HEADERS = "设备名称, 规格型号, 数量, 单价, 金额, 购置日期, 发票号码"


def _header_at(table: Table, row: int) -> Header:
    """The header on spreadsheet row `row`, as the user said (--header-row)."""
    for index, source in enumerate(table.rows):
        if source.number == row:
            texts = tuple("" if v is None else str(v).strip() for v in source.values)
            while texts and not texts[-1]:
                texts = texts[:-1]
            return Header(index, row, texts)
    raise ImportRefused(table.source, f"row {row} is empty or past the end; it cannot be the header",
                        f"第 {row} 行为空或超出表格，不能作为表头")


def _overrides(table: Table, header: Header, mapping: dict[int, str], columns: dict[str, str]) -> dict[int, str]:
    """FIELD=HEADER as the user said (--column): the column under that header (or its letter) feeds the field."""
    out = {c: f for c, f in mapping.items() if f not in columns}
    for field, wanted in columns.items():
        if field not in FIELDS:
            raise ImportRefused(table.source, f'"{field}" is not a line field; the fields are {", ".join(FIELDS)}',
                                f"「{field}」不是设备字段；可用字段：{', '.join(FIELDS)}")
        found = [c for c, t in enumerate(header.texts) if t == wanted.strip() or normalise(t) == normalise(wanted)]
        if not found and wanted.strip().isalpha() and wanted.strip().isascii() and len(wanted.strip()) <= 3:
            found = [c for c in range(max(len(header.texts), 1) + 50) if column_letter(c) == wanted.strip().upper()]
        if not found:
            shown = "、".join(t for t in header.texts if t)
            raise ImportRefused(table.source, f'the header on row {header.row} has no column "{wanted}" (for '
                                f"{field}); its columns are {shown}",
                                f"第 {header.row} 行表头中没有「{wanted}」列（对应 {field}）；现有列：{shown}")
        out = {c: f for c, f in out.items() if c != found[0]}
        out[found[0]] = field
    return out


def preview_table(table: Table, mapping: dict[int, str] | None = None, store: MappingStore | None = None,
                  progress: Progress | None = None, options: Options | None = None,
                  header_row: int | None = None, columns: dict[str, str] | None = None) -> Preview:
    """The preview of a table read by `read_table`. `mapping` (column index -> field) overrides the
    automatic one; otherwise a mapping remembered in `store` for this header layout is used. `header_row`
    (a spreadsheet row number) and `columns` (field -> header text) override what was guessed."""
    header = _header_at(table, header_row) if header_row is not None else find_header(table.rows, table.merged)
    where = f'sheet "{table.sheet}": ' if table.sheet else ""
    if header is None:
        seen = shown_headers(table.rows)
        found = f"; the first row with words reads: {seen}" if seen else ""
        found_zh = f"；第一行文字为：{seen}" if seen else ""
        where_zh = f"工作表「{table.sheet}」：" if table.sheet else ""
        raise ImportRefused(
            table.source,
            f"{where}no columns match an equipment list (expected headers such as {_EXAMPLE_HEADERS}){found}",
            f"{where_zh}没有与设备清单对应的列（应有 {_EXAMPLE_HEADERS} 等表头）{found_zh}",
        )
    remembered = False
    notes: list[Note] = []
    if mapping is None and store is not None:
        recalled = store.recall(header.layout_key, len(header.texts))
        if recalled:
            mapping, remembered = recalled, True
    if mapping is None:
        mapping = _visible_mapping(table, header, notes)
    if columns:
        mapping = _overrides(table, header, mapping, columns)
    unknown = set(mapping.values()) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown line fields in the mapping: {sorted(unknown)}")
    return build_preview(table, header, mapping, remembered, progress, options, notes)


def _visible_mapping(table: Table, header: Header, notes: list[Note]) -> dict[int, str]:
    """The mapping from the visible columns; hidden columns only when nothing visible fits (said)."""
    hidden = table.hidden_columns
    mapping = auto_mapping(header.texts, hidden)
    if not hidden:
        return mapping
    named = [f"{column_letter(c)} {header.label(c)}" for c in sorted(hidden) if header.label(c)]
    if missing_fields(mapping, one_per_card(mapping, header)):
        with_hidden = auto_mapping(header.texts)
        used = [f"{column_letter(c)} {header.label(c)}" for c in sorted(hidden) if c in with_hidden]
        if used and len(missing_fields(with_hidden, one_per_card(with_hidden, header))) < len(
                missing_fields(mapping, one_per_card(mapping, header))):
            notes.append(Note("hidden_columns_used", args=(("columns", ", ".join(used)),)))
            return with_hidden
    if named:
        notes.append(Note("hidden_columns_ignored", args=(("columns", ", ".join(named)),)))
    return mapping


def import_file(path: Path, *, sheet: str | None = None, encoding: str | None = None,
                delimiter: str | None = None, mapping: dict[int, str] | None = None,
                store: MappingStore | None = None, progress: Progress | None = None,
                options: Options | None = None, header_row: int | None = None,
                columns: dict[str, str] | None = None) -> Preview:
    """Read `path` (.xlsx, .csv, .txt) and preview its lines. ImportRefused when it cannot be read."""
    table = read_table(Path(path), sheet, encoding, delimiter, None if progress is None else progress.part(0, 80))
    return preview_table(table, mapping, store, None if progress is None else progress.part(80, 100),
                         options, header_row, columns)
