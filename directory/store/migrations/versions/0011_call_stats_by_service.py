"""call measurement per service: hourly and daily rows per dialled service, counts and waits in fixed
buckets one column each (directory/store/stats_tables.py), filled from the per-console aggregates kept so
far, so no history is lost; an index on the call log's organisation and offered time for the rollup

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 23:00:00

The buckets are written out here as they were at this revision (a migration must not change when the
code does): every second to 60 s, 10 s to 120, 30 s to 300, 60 s to 600, then 720, 900, 1200, 1800,
2700, 3600 and "over 3600". The per-console aggregates held whole seconds (to 120 s, then 10 s, then
minutes); each such second goes to the first bucket not below it.
"""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BOUNDS = (*range(0, 61), *range(70, 121, 10), *range(150, 301, 30), *range(360, 601, 60),
          720, 900, 1200, 1800, 2700, 3600)
KINDS = ("answer", "abandon", "connect")
COUNTS = ("offered", "answered", "abandoned", "rejected", "overflowed", "transferred", "recalled", "callbacks_done")
TABLES = (("call_stats_service_hourly", "hour_start"), ("call_stats_service_daily", "day_start"))
CONSOLE_ROLE = "switchboard_console"


def _bucket(kind: str, seconds: int) -> str:
    index = bisect_left(BOUNDS, seconds)
    return f"{kind}_over_3600" if index == len(BOUNDS) else f"{kind}_le_{BOUNDS[index]}"


FIGURES = (*COUNTS, *(f"{kind}_total_s" for kind in KINDS),
           *(f"{kind}_le_{bound}" for kind in KINDS for bound in BOUNDS), *(f"{kind}_over_3600" for kind in KINDS))


def _columns(period: str) -> list[sa.Column[Any]]:
    return [sa.Column("organisation", sa.String(length=100), nullable=False),
            sa.Column(period, sa.DateTime(timezone=True), nullable=False),
            sa.Column("service", sa.String(length=100), nullable=False),
            *(sa.Column(name, sa.Float() if name.endswith("_total_s") else sa.Integer(), nullable=False)
              for name in FIGURES)]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _fill(bind: sa.engine.Connection, hourly: sa.Table, daily: sa.Table) -> None:
    """The per-service rows from the per-console ones, in Python (the same on both backends)."""
    counts = sa.table("call_stats_hourly", sa.column("organisation"), sa.column("hour_start", sa.DateTime(True)),
                      sa.column("service"), *(sa.column(name) for name in COUNTS))
    waits = sa.table("call_stats_waits", sa.column("organisation"), sa.column("hour_start", sa.DateTime(True)),
                     sa.column("service"), sa.column("kind"), sa.column("seconds"), sa.column("calls"),
                     sa.column("total_s"))
    rows: dict[tuple[str, datetime, str], dict[str, Any]] = defaultdict(lambda: dict.fromkeys(FIGURES, 0))
    for organisation, hour, service, *values in bind.execute(sa.select(
            counts.c.organisation, counts.c.hour_start, counts.c.service,
            *(sa.func.sum(counts.c[name]) for name in COUNTS))
            .group_by(counts.c.organisation, counts.c.hour_start, counts.c.service)):
        row = rows[(organisation, _utc(hour), service)]
        for name, value in zip(COUNTS, values, strict=True):
            row[name] += int(value or 0)
    for organisation, hour, service, kind, seconds, calls, total in bind.execute(sa.select(
            waits.c.organisation, waits.c.hour_start, waits.c.service, waits.c.kind, waits.c.seconds,
            sa.func.sum(waits.c.calls), sa.func.sum(waits.c.total_s))
            .group_by(waits.c.organisation, waits.c.hour_start, waits.c.service, waits.c.kind, waits.c.seconds)):
        if kind in KINDS:
            row = rows[(organisation, _utc(hour), service)]
            row[_bucket(kind, int(seconds))] += int(calls or 0)
            row[f"{kind}_total_s"] += float(total or 0.0)
    days: dict[tuple[str, datetime, str], dict[str, Any]] = defaultdict(lambda: dict.fromkeys(FIGURES, 0))
    for (organisation, hour, service), row in rows.items():
        day = days[(organisation, hour.replace(hour=0), service)]
        for name in FIGURES:
            day[name] += row[name]
    for table, period, source in ((hourly, "hour_start", rows), (daily, "day_start", days)):
        batch = [{"organisation": o, period: moment, "service": s, **row} for (o, moment, s), row in source.items()]
        for at in range(0, len(batch), 1000):
            bind.execute(sa.insert(table), batch[at:at + 1000])


def upgrade() -> None:
    created = [op.create_table(name, *_columns(period),
                               sa.PrimaryKeyConstraint("organisation", period, "service", name=op.f(f"pk_{name}")))
               for name, period in TABLES]
    # The rollup reads one organisation's calls from a time on: one index range, not a scan of the tenant.
    op.create_index("ix_call_log_organisation_offered_at", "call_log", ["organisation", "offered_at"])
    bind = op.get_bind()
    _fill(bind, *created)
    if bind.dialect.name == "postgresql" and bind.execute(
            sa.text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": CONSOLE_ROLE}).first():
        for name, _ in TABLES:  # as migration 0009 granted on every table then
            op.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{name}" TO {CONSOLE_ROLE}')


def downgrade() -> None:
    op.drop_index("ix_call_log_organisation_offered_at", table_name="call_log")
    for name, _ in reversed(TABLES):
        op.drop_table(name)
