"""call measurement: an overflowed count per aggregate hour (callers the exchange's queue sent on to its
overflow number, read from exchange_queue_events); existing hours count none

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("call_stats_hourly", sa.Column("overflowed", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("call_stats_hourly") as batch:
        batch.drop_column("overflowed")
