"""Equipment lines from the spreadsheets people already keep (XLSX, CSV/TXT), and back to XLSX. No Qt.

    preview = import_file(path, store=MappingStore())   # ImportRefused if unreadable
    preview.lines, preview.problems, preview.notes       # nothing touched yet
    new_draft = preview.apply(draft)                     # only when the user chooses
"""

from desktop.importers.errors import ImportCancelled, ImportRefused
from desktop.importers.header import FIELDS, Header
from desktop.importers.mapping import MappingStore
from desktop.importers.pipeline import import_file, preview_table
from desktop.importers.preview import Options, Preview
from desktop.importers.problems import Note, Problem
from desktop.importers.sources import read_table
from desktop.importers.table import SourceRow, Table

__all__ = [
    "FIELDS", "Header", "ImportCancelled", "ImportRefused", "MappingStore", "Note", "Options", "Preview", "Problem",
    "SourceRow", "Table", "import_file", "preview_table", "read_table",
]
