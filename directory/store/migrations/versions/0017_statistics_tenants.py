"""row-level security on the statistics aggregates and the exchange's queue records, and a role for the
exchange's Kamailio that may only add queue records

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 01:30:00

The statistics tables (per console: call_stats_hourly, call_stats_waits; per service: call_stats_service_hourly,
call_stats_service_daily) and exchange_queue_events have had an organisation since 0006, 0011 and 0013, but
on PostgreSQL a console's role could read another organisation's figures with SQL of its own. They get the
policy of migration 0009. Kamailio writes queue records without setting switchboard.organisation, so
exchange_queue_events also accepts a new row from a member of its organisation's role
(`switchboard_is_member`). The group role ``switchboard_exchange`` may INSERT into exchange_queue_events
(and take its ids) and nothing else: no SELECT, not even of its own rows. Creating the role needs
CREATEROLE: without it, docs/shared-store.md gives the SQL (`directory.store.tenancy.exchange_role_sql`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATS_TABLES = ("call_stats_hourly", "call_stats_waits", "call_stats_service_hourly", "call_stats_service_daily",
                "exchange_queue_events")
EXCHANGE_ROLE = "switchboard_exchange"
_VISIBLE = "switchboard_may_see(organisation)"  # migration 0009's function


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("CREATE OR REPLACE FUNCTION switchboard_is_member(org text) RETURNS boolean LANGUAGE sql STABLE "
               "AS $$ SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = switchboard_org_role(org) "
               "AND pg_has_role(current_user, r.oid, 'MEMBER')) $$")
    for table in STATS_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY tenant ON {table} USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})")
    op.execute("CREATE POLICY exchange_records ON exchange_queue_events FOR INSERT "
               "WITH CHECK (switchboard_is_member(organisation))")
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar():
        op.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{EXCHANGE_ROLE}') "
                   f"THEN CREATE ROLE {EXCHANGE_ROLE} NOLOGIN; END IF; END $$")
    if bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": EXCHANGE_ROLE}).first():
        grant_exchange_role(bind)


def grant_exchange_role(bind: sa.engine.Connection) -> None:
    """INSERT into the queue records and the next id of their sequence: what Kamailio's INSERT needs."""
    bind.execute(sa.text(f"GRANT USAGE ON SCHEMA public TO {EXCHANGE_ROLE}"))
    bind.execute(sa.text(f"GRANT INSERT ON exchange_queue_events TO {EXCHANGE_ROLE}"))
    sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('exchange_queue_events', 'id')")).scalar()
    if sequence:
        bind.execute(sa.text(f"GRANT USAGE ON SEQUENCE {sequence} TO {EXCHANGE_ROLE}"))


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": EXCHANGE_ROLE}).first():
        op.execute(f"REVOKE ALL ON exchange_queue_events FROM {EXCHANGE_ROLE}")
    op.execute("DROP POLICY IF EXISTS exchange_records ON exchange_queue_events")
    for table in STATS_TABLES:
        op.execute(f"DROP POLICY IF EXISTS tenant ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION IF EXISTS switchboard_is_member(text)")
