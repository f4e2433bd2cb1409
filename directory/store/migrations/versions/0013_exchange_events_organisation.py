"""exchange queue records: the organisation they belong to (the exchange's [exchange] organisation, else its
store's), so statistics on a shared store count only their own organisation's callers; existing rows are the
unnamed organisation's (as every row was before tenants)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("exchange_queue_events",
                  sa.Column("organisation", sa.String(length=100), server_default="", nullable=False))
    op.create_index("ix_exchange_queue_events_organisation", "exchange_queue_events", ["organisation"])


def downgrade() -> None:
    op.drop_index("ix_exchange_queue_events_organisation", table_name="exchange_queue_events")
    op.execute("ALTER TABLE exchange_queue_events DROP COLUMN organisation")  # SQLite 3.35 and later, PostgreSQL
