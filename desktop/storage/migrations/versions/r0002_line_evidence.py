"""A line's evidence (grant-draft/2), the draft's format version, and which draft uses which stored file.

Frozen: types are plain SQLAlchemy ones here, whatever tables.py says later.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 05:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

# 64-bit on PostgreSQL as on SQLite (whose INTEGER is always 64-bit): money in fen, quantities, sizes
_BIG = sa.Integer().with_variant(sa.BigInteger(), "postgresql")

_LINE_COLUMNS = (
    "contract_number", "contract_date", "invoices", "payments", "acceptance_date", "asset_tag", "location",
)


def upgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("format_version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("equipment_lines") as batch:
        for name in _LINE_COLUMNS:
            batch.add_column(sa.Column(name, sa.String(), nullable=True))
        batch.add_column(sa.Column("imported", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("customs_declaration", sa.String(), nullable=True))
        batch.add_column(sa.Column("files", sa.String(), nullable=True))
    op.create_table(
        "draft_files",
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("size", _BIG, nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name=op.f("fk_draft_files_draft_id_drafts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("draft_id", "sha256", name=op.f("pk_draft_files")),
    )
    op.create_index("ix_draft_files_sha256", "draft_files", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_draft_files_sha256", table_name="draft_files")
    op.drop_table("draft_files")
    with op.batch_alter_table("equipment_lines") as batch:
        for name in (*_LINE_COLUMNS, "imported", "customs_declaration", "files"):
            batch.drop_column(name)
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("format_version")
