"""Who did what, and who is editing what: the author of each revision, who last changed a draft, the
review step (marked for review, approved for submission: by whom and when), and edit leases.

Frozen: types are plain SQLAlchemy ones here, whatever tables.py says later.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 06:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("author", sa.String(), nullable=True))
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("updated_by", sa.String(), nullable=True))
        batch.add_column(sa.Column("review_state", sa.String(), nullable=True))
        batch.add_column(sa.Column("review_by", sa.String(), nullable=True))
        batch.add_column(sa.Column("review_at", sa.DateTime(), nullable=True))
    op.create_table(
        "draft_leases",
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(), nullable=False),
        sa.Column("token", sa.String(), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name=op.f("fk_draft_leases_draft_id_drafts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("draft_id", name=op.f("pk_draft_leases")),
    )


def downgrade() -> None:
    op.drop_table("draft_leases")
    with op.batch_alter_table("drafts") as batch:
        for name in ("review_at", "review_by", "review_state", "updated_by"):
            batch.drop_column(name)
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("author")
