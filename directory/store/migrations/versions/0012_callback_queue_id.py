"""call-backs: the exchange's queue id of a caller who gave up at the exchange, unique per organisation, so the
consoles that all hear of it put one entry on the shared list, not one each; existing rows have none

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 23:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("callbacks", sa.Column("queue_id", sa.String(40), server_default="", nullable=False))
    op.create_index("ux_callbacks_queue_id", "callbacks", ["organisation", "queue_id"], unique=True,
                    sqlite_where=sa.text("queue_id <> ''"), postgresql_where=sa.text("queue_id <> ''"))


def downgrade() -> None:
    op.drop_index("ux_callbacks_queue_id", table_name="callbacks")
    # Not a batch copy: callback_audit's foreign key would refuse the table being dropped and made anew.
    op.execute("ALTER TABLE callbacks DROP COLUMN queue_id")  # SQLite 3.35 and later, PostgreSQL
