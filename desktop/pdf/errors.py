"""What rendering and packaging can refuse, as exceptions the CLI and the GUI both understand."""

from __future__ import annotations

from desktop.domain.fieldpath import ATTACHMENTS, path_text
from desktop.progress import Cancelled

RenderCancelled = Cancelled  # the render's Progress was cancelled (desktop/progress.py): nothing was written


class BlockedDraftError(Exception):
    """The draft has errors and a draft copy was not asked for."""

    def __init__(self, errors: int) -> None:
        self.errors = errors
        super().__init__(
            f"the draft has {errors} error(s): fix them before exporting, or ask for a draft copy (--draft)"
        )


class AttachmentError(Exception):
    """An attachment's file is missing, unreadable, or not the file the draft recorded."""

    def __init__(self, index: int, name: str, message: str) -> None:
        self.index = index
        self.name = name
        self.message = message
        super().__init__(f'{path_text(ATTACHMENTS, index)} "{name}": {message}')
