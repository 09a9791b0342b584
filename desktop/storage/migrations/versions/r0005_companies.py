"""Notices, companies and where an application is: drafts.notice, drafts.company_id, the application's
state columns, the companies table and the application_events table.

Frozen: types are plain SQLAlchemy ones here, whatever tables.py says later.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 06:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        *(sa.Column(name, sa.String(), nullable=True) for name in (
            "credit_code", "city", "address", "legal_representative", "contact_name", "contact_phone",
            "contact_email", "facts",
        )),
        sa.Column("documents", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_companies")),
    )
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("notice", sa.String(), nullable=True))
        batch.add_column(sa.Column("company_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("app_state", sa.String(), nullable=False, server_default="draft"))
        batch.add_column(sa.Column("app_state_on", sa.String(), nullable=True))
        batch.add_column(sa.Column("granted_fen", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("app_note", sa.String(), nullable=True))
    # company_id has no foreign key: adding one makes SQLite copy the drafts table, and dropping the old
    # copy would cascade into every draft's lines. companies.delete_company clears it instead.
    op.create_table(
        "application_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("on_date", sa.String(), nullable=True),
        sa.Column("granted_fen", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name=op.f("fk_application_events_draft_id_drafts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_events")),
    )
    op.create_index("ix_application_events_draft_id", "application_events", ["draft_id"])


def downgrade() -> None:
    op.drop_index("ix_application_events_draft_id", table_name="application_events")
    op.drop_table("application_events")
    with op.batch_alter_table("drafts") as batch:
        for name in ("app_note", "granted_fen", "app_state_on", "app_state", "company_id", "notice"):
            batch.drop_column(name)
    op.drop_table("companies")
