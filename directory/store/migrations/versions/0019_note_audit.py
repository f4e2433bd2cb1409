"""note audit: every note added or edited, by whom, from which console, when, the text before and after (only
added to; shared on PostgreSQL, one organisation's rows visible to it alone, as the other audit tables)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 02:10:00

Notes existing before this revision have no audit row: their author and time are on the note itself.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSOLE_ROLE = "switchboard_console"
_VISIBLE = "switchboard_may_see(organisation)"  # migration 0009's function


def upgrade() -> None:
    op.create_table(
        "note_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note_id", sa.Integer(), sa.ForeignKey("notes.id", name="fk_note_audit_note_id_notes"),
                  nullable=False),
        sa.Column("entry_id", sa.Integer(),
                  sa.ForeignKey("directory_entries.id", name="fk_note_audit_entry_id_directory_entries"),
                  nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("console", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("old_text", sa.Text(), nullable=False),
        sa.Column("new_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=100), server_default="", nullable=False),
    )
    op.create_index("ix_note_audit_note_id", "note_audit", ["note_id"])
    op.create_index("ix_note_audit_organisation", "note_audit", ["organisation"])
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE note_audit ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant ON note_audit USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})")
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": CONSOLE_ROLE}).first():
        op.execute(f"GRANT SELECT, INSERT ON note_audit TO {CONSOLE_ROLE}")  # an audit is only added to
        op.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {CONSOLE_ROLE}")


def downgrade() -> None:
    op.drop_index("ix_note_audit_organisation", table_name="note_audit")
    op.drop_index("ix_note_audit_note_id", table_name="note_audit")
    op.drop_table("note_audit")
