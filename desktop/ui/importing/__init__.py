"""Importing equipment lines from ledgers and e-tax exports: the mapping and preview dialog."""
