"""call measurement: hourly aggregates of the call log (counts and whole-second wait histograms), kept apart

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNTS = ("offered", "answered", "abandoned", "rejected", "transferred", "recalled", "callbacks_done")


def upgrade() -> None:
    op.create_table(
        "call_stats_hourly",
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("hour_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("service", sa.String(length=100), nullable=False),
        sa.Column("console", sa.String(length=200), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTS),
        sa.PrimaryKeyConstraint("organisation", "hour_start", "service", "console", name=op.f("pk_call_stats_hourly")),
    )
    op.create_table(
        "call_stats_waits",
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("hour_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("service", sa.String(length=100), nullable=False),
        sa.Column("console", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("total_s", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("organisation", "hour_start", "service", "console", "kind", "seconds",
                                name=op.f("pk_call_stats_waits")),
    )


def downgrade() -> None:
    op.drop_table("call_stats_waits")
    op.drop_table("call_stats_hourly")
