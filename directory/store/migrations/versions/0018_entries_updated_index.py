"""an index on directory_entries.updated_at: the search snapshot's catch-up reads by it at every start

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 02:00:00

A console or `directory search` opening the search index's snapshot (issue 19) reads the store's change
position (the latest updated_at) and the entries updated since the snapshot; the window reads the entries
updated since its last look every 30 s. Without an index each of these scanned every entry (0.1-0.2 s at
200,000 entries, each time).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_entries_updated", "directory_entries", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_entries_updated", table_name="directory_entries")
