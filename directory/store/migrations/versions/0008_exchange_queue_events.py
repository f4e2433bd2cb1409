"""exchange queue events: every queued caller's life (joined, offered, returned, answered, abandoned,
overflowed), written by the exchange's Kamailio itself (sqlops over db_sqlite or db_postgres)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 19:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_queue_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("queue_id", sa.String(length=20), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("caller_number", sa.String(length=40), nullable=False),
        sa.Column("caller_name", sa.String(length=100), nullable=False),
        sa.Column("dialled", sa.String(length=40), nullable=False),
        sa.Column("class", sa.String(length=20), nullable=False),
        sa.Column("operator", sa.String(length=40), nullable=True),
        sa.Column("waited_s", sa.Float(), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_queue_events")),
    )
    op.create_index("ix_exchange_queue_events_at", "exchange_queue_events", ["at"], unique=False)
    op.create_index("ix_exchange_queue_events_queue_id", "exchange_queue_events", ["queue_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_exchange_queue_events_queue_id", table_name="exchange_queue_events")
    op.drop_index("ix_exchange_queue_events_at", table_name="exchange_queue_events")
    op.drop_table("exchange_queue_events")
