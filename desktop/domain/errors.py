"""Errors raised while reading a draft file."""

from __future__ import annotations


class DraftFormatError(ValueError):
    """The file cannot be read as a draft. `path` is the JSON path of the offending value."""

    def __init__(self, path: str, message: str, source: str | None = None) -> None:
        self.path = path
        self.message = message
        self.source = source
        where = f"{source}: " if source else ""
        at = f"{path}: " if path else ""
        super().__init__(f"{where}{at}{message}")
