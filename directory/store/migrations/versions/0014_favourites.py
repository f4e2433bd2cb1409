"""favourites: kept per operator in the store (shared on PostgreSQL, one organisation's rows visible to it
alone, as the other shared tables), instead of a JSON file on each PC

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 23:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSOLE_ROLE = "switchboard_console"
_VISIBLE = "switchboard_may_see(organisation)"  # migration 0009's function


def upgrade() -> None:
    op.create_table(
        "favourites",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("entry_id", sa.Integer(), sa.ForeignKey("directory_entries.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=100), server_default="", nullable=False),
        sa.UniqueConstraint("organisation", "operator", "entry_id", name="uq_favourites_operator_entry"),
    )
    op.create_index("ix_favourites_organisation", "favourites", ["organisation"])
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE favourites ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant ON favourites USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})")
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": CONSOLE_ROLE}).first():
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON favourites TO {CONSOLE_ROLE}")
        op.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {CONSOLE_ROLE}")


def downgrade() -> None:
    op.drop_index("ix_favourites_organisation", table_name="favourites")
    op.drop_table("favourites")
