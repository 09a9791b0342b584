"""The draft and everything in it, as plain Python. Imports nothing else of the project.

The names below load with their modules on first use (PEP 562), so `desktop.domain.lang` alone does not
load the model (the drafts window paints before it is needed)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.domain.errors import DraftFormatError
    from desktop.domain.model import Applicant, Attachment, Contact, Draft, EquipmentLine, Project

_WHERE = {"DraftFormatError": "errors", "Applicant": "model", "Attachment": "model", "Contact": "model",
          "Draft": "model", "EquipmentLine": "model", "Project": "model"}

__all__ = [
    "Applicant",
    "Attachment",
    "Contact",
    "Draft",
    "DraftFormatError",
    "EquipmentLine",
    "Project",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"desktop.domain.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
