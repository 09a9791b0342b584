"""The draft and everything in it, as plain Python. Imports nothing else of the project."""

from desktop.domain.errors import DraftFormatError
from desktop.domain.model import (
    Applicant,
    Attachment,
    Contact,
    Draft,
    EquipmentLine,
    Project,
)

__all__ = [
    "Applicant",
    "Attachment",
    "Contact",
    "Draft",
    "DraftFormatError",
    "EquipmentLine",
    "Project",
]
