"""optimistic versions on referrals and notes: the second of two conflicting edits is told, not applied

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 01:00:00

Referrals are never updated in place (a change clears rows and adds one), so a person's referrals get
their version in the audit trail: each audit row carries the person's referral version after its change,
unique per organisation and person, so an audit row is both the record and the version. Existing rows are
numbered in the order they were added. A note gets a version, and who edited it last and when.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("referral_audit", sa.Column("version", sa.Integer(), server_default="0", nullable=False))
    # Portable (SQLite and PostgreSQL): the row's place among its person's audit rows of its organisation.
    op.execute("UPDATE referral_audit SET version = (SELECT count(*) FROM referral_audit earlier "
               "WHERE earlier.organisation = referral_audit.organisation "
               "AND earlier.entry_id = referral_audit.entry_id AND earlier.id <= referral_audit.id)")
    op.create_index("ux_referral_audit_version", "referral_audit", ["organisation", "entry_id", "version"],
                    unique=True)
    op.add_column("notes", sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    op.add_column("notes", sa.Column("edited_by", sa.String(length=200), server_default="", nullable=False))
    op.add_column("notes", sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("notes", "edited_at")
    op.drop_column("notes", "edited_by")
    op.drop_column("notes", "version")
    op.drop_index("ux_referral_audit_version", table_name="referral_audit")
    op.drop_column("referral_audit", "version")
