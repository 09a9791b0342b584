"""Alembic set up in code (no alembic.ini); versions/ holds the schema revisions, generated and kept as written."""
