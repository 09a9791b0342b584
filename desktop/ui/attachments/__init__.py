"""The attachments step and each line's evidence: the checklist of what is missing, required documents,
the evidence dialog and matching a folder of scans to lines."""
