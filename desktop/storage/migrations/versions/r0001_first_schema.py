"""First schema: drafts, equipment lines, attachments, revisions.

Frozen: types are plain SQLAlchemy ones here, whatever tables.py says later.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 13:12:59.875037
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# 64-bit on PostgreSQL as on SQLite (whose INTEGER is always 64-bit): money in fen, quantities, sizes
_BIG = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("program", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("applicant_name", sa.String(), nullable=True),
        sa.Column("applicant_credit_code", sa.String(), nullable=True),
        sa.Column("applicant_city", sa.String(), nullable=True),
        sa.Column("applicant_address", sa.String(), nullable=True),
        sa.Column("applicant_legal_representative", sa.String(), nullable=True),
        sa.Column("applicant_contact_name", sa.String(), nullable=True),
        sa.Column("applicant_contact_phone", sa.String(), nullable=True),
        sa.Column("applicant_contact_email", sa.String(), nullable=True),
        sa.Column("applicant_center_level", sa.String(), nullable=True),
        sa.Column("applicant_center_name", sa.String(), nullable=True),
        sa.Column("applicant_center_approved_on", sa.String(), nullable=True),
        sa.Column("project_title", sa.String(), nullable=True),
        sa.Column("project_category", sa.String(), nullable=True),
        sa.Column("project_summary", sa.String(), nullable=True),
        sa.Column("project_start_date", sa.String(), nullable=True),
        sa.Column("project_end_date", sa.String(), nullable=True),
        sa.Column("project_requested_subsidy_fen", _BIG, nullable=True),
        sa.Column("project_requested_subsidy_text", sa.String(), nullable=True),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(), nullable=True),
        sa.Column("pack_version", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=True),
        sa.Column("warnings", sa.Integer(), nullable=True),
        sa.Column("max_subsidy_fen", _BIG, nullable=True),
        sa.Column("requested_fen", _BIG, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drafts")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("sha256", sa.String(), nullable=True),
        sa.Column("size", _BIG, nullable=True),
        sa.Column("path", sa.String(), nullable=True),
        sa.Column("lines", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name=op.f("fk_attachments_draft_id_drafts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index("ix_attachments_draft_position", "attachments", ["draft_id", "position"])

    op.create_table(
        "equipment_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("model", sa.String(), nullable=True),
        sa.Column("supplier", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("use", sa.String(), nullable=True),
        sa.Column("condition", sa.String(), nullable=True),
        sa.Column("quantity", _BIG, nullable=True),
        sa.Column("unit_price_fen", _BIG, nullable=True),
        sa.Column("unit_price_text", sa.String(), nullable=True),
        sa.Column("currency", sa.String(), nullable=True),
        sa.Column("exchange_rate", sa.String(), nullable=True),
        sa.Column("purchase_date", sa.String(), nullable=True),
        sa.Column("invoice_number", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name=op.f("fk_equipment_lines_draft_id_drafts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_equipment_lines")),
    )
    op.create_index("ix_equipment_lines_draft_position", "equipment_lines", ["draft_id", "position"])

    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name=op.f("fk_revisions_draft_id_drafts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
    )
    op.create_index("ix_revisions_draft_id", "revisions", ["draft_id"])


def downgrade() -> None:
    op.drop_index("ix_revisions_draft_id", table_name="revisions")

    op.drop_table("revisions")
    op.drop_index("ix_equipment_lines_draft_position", table_name="equipment_lines")

    op.drop_table("equipment_lines")
    op.drop_index("ix_attachments_draft_position", table_name="attachments")

    op.drop_table("attachments")
    op.drop_table("drafts")
