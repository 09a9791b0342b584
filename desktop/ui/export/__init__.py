"""The export step: the PDF preview, saving, printing and the submission package."""
