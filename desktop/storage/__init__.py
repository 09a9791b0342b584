"""Where drafts, revisions, files and company records live: SQLite (or any SQLAlchemy URL) through
SQLModel tables, with Alembic migrations, backups and restore. Reached only through desktop/services; no Qt."""
