"""call log details from the operator desk: priority, waiting/held time, consultations, time to connect

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("priority", "waiting_s", "held_s", "hold_count", "consulted", "time_to_connect_s", "recalled",
            "end_reason", "console", "search_text")


def upgrade() -> None:
    with op.batch_alter_table("call_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("priority", sa.String(length=20), server_default="normal", nullable=False))
        batch_op.add_column(sa.Column("waiting_s", sa.Float(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("held_s", sa.Float(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("hold_count", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("consulted", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("time_to_connect_s", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("recalled", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("end_reason", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("console", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("call_log", schema=None) as batch_op:
        for name in reversed(_COLUMNS):
            batch_op.drop_column(name)
