"""referral audit: who changed which referral, when, from which console, old and new value

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "referral_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("console", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["directory_entries.id"], name=op.f("fk_referral_audit_entry_id_directory_entries")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referrals.id"], name=op.f("fk_referral_audit_referral_id_referrals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_audit")),
    )
    with op.batch_alter_table("referral_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_audit_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_audit_entry_id"))
    op.drop_table("referral_audit")
