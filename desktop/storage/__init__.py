"""Where drafts live: SQLite (or any SQLAlchemy URL) through SQLModel tables, with migrations and backups.

database.py    open_database(): checks, pragmas, Alembic migrations, daily backups; Database.session()
repository.py  the keyword-only functions the services call (create, get, list, save, apply_change, ...)
tables.py      the tables and how values are stored (money in fen, exact decimals, UTC times)
backups.py     consistent copies with SQLite's backup API; telling a good file from a bad one
causes.py      why a database cannot be used (full disk, read-only, locked, damaged ...), said in en and zh
restore.py     a checked backup put in place of a damaged file, never losing either
damaged.py     a damaged draft's raw stored values, as JSON
quicklist.py   the drafts list read with sqlite3 alone (no SQLAlchemy), shown at start before the full open
summary.py     DraftSummary, one row of the drafts list, read row by row (no SQLAlchemy; damaged rows marked)
schema.py      the schema revisions the program ships, read without alembic
migrations/    Alembic revisions (configured in code, no alembic.ini)
No Qt here.
"""
