"""directory entries: a digest of the source's raw record, so a sync skips planning unchanged entries

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable, no default: existing rows have no digest and are planned once more on their next sync.
    op.add_column("directory_entries", sa.Column("source_digest", sa.String(length=40), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE (SQLite 3.35+ and PostgreSQL): batch mode would copy the table, which other
    # tables' foreign keys forbid while they are enforced.
    op.drop_column("directory_entries", "source_digest")
