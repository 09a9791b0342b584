"""Why an import stops: the file cannot be read (refused), or the user cancelled it."""

from __future__ import annotations


class ImportRefused(Exception):
    """The file cannot be imported at all. The message names the file and says what to do."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class ImportCancelled(Exception):
    """Raised by a progress callback to stop a running import; nothing has been changed."""
