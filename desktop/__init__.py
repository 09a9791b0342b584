"""grant-assistant: applications for Guangdong's R&D-equipment subsidy (粤工信规字〔2025〕6号).
domain/ the draft, rules/ the checker, storage/, pdf/, importers/, services/ (their door), commands/, ui/ (Qt)."""

__version__ = "0.1.0"
