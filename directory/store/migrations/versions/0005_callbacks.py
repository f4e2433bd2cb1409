"""call-backs: callers who gave up, shared by every console, with each step (added, claimed, done) audited

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "callbacks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("dialled", sa.String(length=100), nullable=False),
        sa.Column("hung_up_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("console", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("claimed_by", sa.String(length=200), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=200), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callbacks")),
    )
    op.create_index("ix_callbacks_state", "callbacks", ["state", "hung_up_at"], unique=False)
    op.create_table(
        "callback_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("callback_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("console", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["callback_id"], ["callbacks.id"],
                                name=op.f("fk_callback_audit_callback_id_callbacks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callback_audit")),
    )
    op.create_index(op.f("ix_callback_audit_callback_id"), "callback_audit", ["callback_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_callback_audit_callback_id"), table_name="callback_audit")
    op.drop_table("callback_audit")
    op.drop_index("ix_callbacks_state", table_name="callbacks")
    op.drop_table("callbacks")
