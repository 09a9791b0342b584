"""The file names the save dialogs propose, valid on every platform whatever the title or the company's
name holds (the rules are desktop/pdf/names.py's)."""

from __future__ import annotations

# what each export is called after the applicant's name: (name, extension)
_EXPORTS = {"pdf": ("申报书", ".pdf"), "report": ("自查报告", ".pdf"), "zip": ("申报材料包", ".zip")}


def draft_file_name(title: str | None) -> str:
    """The name proposed for a draft file: its title."""
    from desktop.pdf.names import proposed_file_name  # desktop.pdf loads ReportLab: not before the first paint

    return proposed_file_name(title, ".json", fallback="draft")


def export_file_name(company: str | None, kind: str) -> str:
    """The name proposed for the application ("pdf"), the self-check report ("report") or the submission
    package ("zip"): the applicant's name, then what the file is (`广州示例公司-申报书.pdf`)."""
    from desktop.pdf.names import proposed_file_name

    what, extension = _EXPORTS[kind]
    after = f"-{what}{extension}"
    name = proposed_file_name(company, after, fallback="")
    return name if name != after else what + extension
