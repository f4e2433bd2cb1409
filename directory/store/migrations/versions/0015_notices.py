"""notices: the operators' notice board, a short message shown on every console of the organisation until it
expires or is cleared, who posted and cleared it kept (shared on PostgreSQL, one organisation's rows visible
to it alone, as the other shared tables)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 23:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSOLE_ROLE = "switchboard_console"
_VISIBLE = "switchboard_may_see(organisation)"  # migration 0009's function


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("posted_by", sa.String(length=200), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cleared_by", sa.String(length=200), server_default="", nullable=False),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("organisation", sa.String(length=100), server_default="", nullable=False),
    )
    op.create_index("ix_notices_organisation", "notices", ["organisation"])
    op.create_index("ix_notices_expires_at", "notices", ["expires_at"])
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE notices ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant ON notices USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})")
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": CONSOLE_ROLE}).first():
        op.execute(f"GRANT SELECT, INSERT, UPDATE ON notices TO {CONSOLE_ROLE}")  # never deleted: the record
        op.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {CONSOLE_ROLE}")


def downgrade() -> None:
    op.drop_index("ix_notices_expires_at", table_name="notices")
    op.drop_index("ix_notices_organisation", table_name="notices")
    op.drop_table("notices")
