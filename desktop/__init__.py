"""grant-assistant: applications for Guangdong's R&D-equipment subsidy (粤工信规字〔2025〕6号)."""

__version__ = "0.1.0"
