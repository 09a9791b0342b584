"""The facts of the application's parts (grant-draft/2): the company's and the project's, as JSON text.

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
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("company_facts", sa.String(), nullable=True))
        batch.add_column(sa.Column("project_facts", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("project_facts")
        batch.drop_column("company_facts")
