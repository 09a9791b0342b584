"""Evidence files kept in the database itself, so that every member of a team has them: file_blobs (one
row per file, by SHA-256, written after its bytes) and file_chunks (the bytes in pieces). Filled on
PostgreSQL only (storage/file_blobs.py); on SQLite the tables stay empty (the files are beside the file).
On PostgreSQL too: triggers that NOTIFY the channel `grant_assistant_drafts` whenever a draft is added,
saved, marked, trashed, restored or purged, or a lease is taken or given back, so that open drafts windows
elsewhere refresh at once (storage/change_feed.py); SQLite windows keep polling.

Frozen: types are plain SQLAlchemy ones here, whatever tables.py says later.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 08:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "file_blobs",
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("size", sa.Integer().with_variant(sa.BigInteger(), "postgresql"), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_file_blobs")),
    )
    op.create_table(
        "file_chunks",
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_file_chunks")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(  # one notice per statement and table (PostgreSQL folds equal ones of a transaction)
            "CREATE FUNCTION grant_assistant_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "PERFORM pg_notify('grant_assistant_drafts', TG_TABLE_NAME); RETURN NULL; END $$"
        )
        for table, events in _NOTIFYING:
            op.execute(f"CREATE TRIGGER {table}_notify AFTER {events} ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION grant_assistant_notify()")


_NOTIFYING = (("drafts", "INSERT OR UPDATE OR DELETE"), ("draft_leases", "INSERT OR DELETE"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, _events in _NOTIFYING:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
        op.execute("DROP FUNCTION IF EXISTS grant_assistant_notify()")
    op.drop_table("file_chunks")
    op.drop_table("file_blobs")
