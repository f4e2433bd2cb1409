"""tenants: an organisation on every shared row; on PostgreSQL row-level security and a console role

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 20:00:00

Existing rows belong to the organisation "" (a console configured with none), so nothing is lost.
On PostgreSQL each shared table gets a policy: a row is visible and writable only when its organisation
is the connection's ``switchboard.organisation`` setting *and* the user is a member of that
organisation's role (``switchboard_org_role(org)``), so setting another organisation by hand shows
nothing. The group role ``switchboard_console`` gets the least a console needs (no DDL; the audit tables
only SELECT and INSERT). Creating roles needs CREATEROLE: without it they are left to the SQL in
docs/shared-store.md and the upgrade goes on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TENANT_TABLES = ("referrals", "notes", "referral_audit", "call_log", "callbacks", "callback_audit")
AUDIT_TABLES = ("referral_audit", "callback_audit")
CONSOLE_ROLE = "switchboard_console"
_VISIBLE = "switchboard_may_see(organisation)"


def upgrade() -> None:
    for table in TENANT_TABLES:
        op.add_column(table, sa.Column("organisation", sa.String(length=100), server_default="", nullable=False))
        op.create_index(op.f(f"ix_{table}_organisation"), table, ["organisation"], unique=False)
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("CREATE OR REPLACE FUNCTION switchboard_org_role(org text) RETURNS text LANGUAGE sql IMMUTABLE "
               "AS $$ SELECT 'switchboard_org_' || left(md5(org), 20) $$")
    op.execute("CREATE OR REPLACE FUNCTION switchboard_may_see(org text) RETURNS boolean LANGUAGE sql STABLE "
               "AS $$ SELECT org = current_setting('switchboard.organisation', true) AND EXISTS ("
               "SELECT 1 FROM pg_roles r WHERE r.rolname = switchboard_org_role(org) "
               "AND pg_has_role(current_user, r.oid, 'MEMBER')) $$")
    for table in TENANT_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY tenant ON {table} USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})")
    bind = op.get_bind()
    may_create = bind.execute(sa.text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
    if may_create:
        op.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{CONSOLE_ROLE}') "
                   f"THEN CREATE ROLE {CONSOLE_ROLE} NOLOGIN; END IF; END $$")
    if bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": CONSOLE_ROLE}).first():
        grant_console_role(bind)


def grant_console_role(bind: sa.engine.Connection) -> None:
    """What a console may do: read everything, write the shared tables, only add to the audit tables."""
    tables = [name for name in sa.inspect(bind).get_table_names() if name != "alembic_version"]
    bind.execute(sa.text(f"GRANT USAGE ON SCHEMA public TO {CONSOLE_ROLE}"))
    bind.execute(sa.text(f"GRANT SELECT ON alembic_version TO {CONSOLE_ROLE}"))
    for table in tables:
        rights = "SELECT, INSERT" if table in AUDIT_TABLES else "SELECT, INSERT, UPDATE, DELETE"
        bind.execute(sa.text(f'GRANT {rights} ON "{table}" TO {CONSOLE_ROLE}'))
    bind.execute(sa.text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {CONSOLE_ROLE}"))


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in TENANT_TABLES:
            op.execute(f"DROP POLICY IF EXISTS tenant ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP FUNCTION IF EXISTS switchboard_may_see(text)")
        op.execute("DROP FUNCTION IF EXISTS switchboard_org_role(text)")
    for table in TENANT_TABLES:
        op.drop_index(op.f(f"ix_{table}_organisation"), table_name=table)
        op.drop_column(table, "organisation")
