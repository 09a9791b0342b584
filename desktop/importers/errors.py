"""Why an import stops: the file cannot be read (refused), or the user cancelled it."""

from __future__ import annotations

from desktop.progress import Cancelled


class ImportRefused(Exception):
    """The file cannot be imported at all. The message names the file and says what to do."""

    def __init__(self, source: str, message: str, zh: str | None = None) -> None:
        self.source = source
        self.message = message
        self.zh = zh
        super().__init__(f"{source}: {message}")

    def text(self, lang: str = "en") -> str:
        """The message in the reader's language ("zh" or "en"), naming the file."""
        if lang == "zh" and self.zh:
            return f"{self.source}：{self.zh}"
        return f"{self.source}: {self.message}"


ImportCancelled = Cancelled  # a cancelled import (desktop/progress.py): nothing has been changed
