"""Column mappings corrected by hand, remembered per header layout in the data folder.

The file (import-mappings.json) holds, for each layout key (see header.Header.layout_key), the header
texts it was made for and which column letter feeds which line field. It is rewritten whole and
atomically; a damaged or foreign file is ignored (the automatic mapping is used instead).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string

from desktop import paths
from desktop.files import write_atomic
from desktop.importers.header import FIELDS, column_letter

FILE_NAME = "import-mappings.json"
VERSION = 1


def default_path() -> Path:
    return paths.data_dir() / FILE_NAME


class MappingStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        layouts = data.get("layouts") if isinstance(data, dict) and data.get("version") == VERSION else None
        return layouts if isinstance(layouts, dict) else {}

    def recall(self, key: str, width: int) -> dict[int, str] | None:
        """The mapping remembered for this layout (columns beyond `width` and unknown fields dropped)."""
        entry = self._load().get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("columns"), dict):
            return None
        mapping: dict[int, str] = {}
        for letter, field in entry["columns"].items():
            try:
                column = column_index_from_string(str(letter)) - 1
            except ValueError:
                continue
            if field in FIELDS and 0 <= column < width and field not in mapping.values():
                mapping[column] = field
        return mapping

    def remember(self, key: str, headers: tuple[str, ...], mapping: dict[int, str]) -> None:
        layouts = self._load()
        layouts[key] = {
            "headers": list(headers),
            "columns": {column_letter(c): f for c, f in sorted(mapping.items())},
        }
        self._save(layouts)

    def _save(self, layouts: dict[str, Any]) -> None:
        text = json.dumps({"version": VERSION, "layouts": layouts}, ensure_ascii=False, indent=1)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (text + "\n").encode("utf-8"))
