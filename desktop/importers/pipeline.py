"""The importer's entry points: a file (or an already-read table) in, a Preview out."""

from __future__ import annotations

from pathlib import Path

from desktop.importers.errors import ImportRefused
from desktop.importers.header import ALIASES, auto_mapping, find_header, shown_headers
from desktop.importers.mapping import MappingStore
from desktop.importers.preview import Preview, build_preview
from desktop.importers.sources import Progress, Table, read_table

_EXAMPLE_HEADERS = "设备名称, 规格型号, 数量, 单价, 金额, 购置日期, 发票号码"


def preview_table(table: Table, mapping: dict[int, str] | None = None, store: MappingStore | None = None,
                  progress: Progress | None = None) -> Preview:
    """The preview of a table read by `read_table`. `mapping` (column index -> field) overrides the
    automatic one; otherwise a mapping remembered in `store` for this header layout is used."""
    header = find_header(table.rows)
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
    if mapping is None and store is not None:
        recalled = store.recall(header.layout_key, len(header.texts))
        if recalled:
            mapping, remembered = recalled, True
    if mapping is None:
        mapping = auto_mapping(header.texts)
    unknown = set(mapping.values()) - set(ALIASES)
    if unknown:
        raise ValueError(f"unknown line fields in the mapping: {sorted(unknown)}")
    return build_preview(table, header, mapping, remembered, progress)


def import_file(path: Path, *, sheet: str | None = None, encoding: str | None = None,
                delimiter: str | None = None, mapping: dict[int, str] | None = None,
                store: MappingStore | None = None, progress: Progress | None = None) -> Preview:
    """Read `path` (.xlsx, .csv, .txt) and preview its lines. ImportRefused when it cannot be read."""
    table = read_table(Path(path), sheet, encoding, delimiter,
                       None if progress is None else (lambda p: progress(p * 8 // 10)))
    return preview_table(table, mapping, store, None if progress is None else (lambda p: progress(80 + p // 5)))
