"""Call measurement's per-service aggregates: one row per UTC hour (call_stats_service_hourly) and per UTC
day (call_stats_service_daily) and dialled service, its counts and its waits in fixed buckets, one column
each (migration 0011).

Why these beside call_stats_hourly/call_stats_waits (per console, waits in whole seconds, one row per
second) a year of a large exchange made millions of rows and reading a year took seconds. Here a year is
365 rows a service and a month by hour 744 a service, summed by the database in one pass; figures per
console still come from the per-console tables.

A wait counts in the first bucket whose upper bound (whole seconds, the wait rounded up) is not below it:
every second to 60 s (so service-level thresholds and the short-abandon limit up to a minute are exact),
every 10 s to 2 min, every 30 s to 5 min, every minute to 10 min, then 12, 15, 20, 30, 45 and 60 min, and
"more than an hour". The exact seconds of
each kind are summed apart, so means stay exact.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, String, Table

from directory.store.schema import Base, UTCDateTime

WAIT_BOUNDS: tuple[int, ...] = (
    *range(0, 61), *range(70, 121, 10), *range(150, 301, 30),
    *range(360, 601, 60), 720, 900, 1200, 1800, 2700, 3600)
OVER_AN_HOUR = 3601  # the last bucket's key: more than an hour
BUCKET_KEYS: tuple[int, ...] = (*WAIT_BOUNDS, OVER_AN_HOUR)
WAIT_KINDS = ("answer", "abandon", "connect")  # as directory.stats.tally's ANSWER, ABANDON, CONNECT
STATS_COUNTS = ("offered", "answered", "abandoned", "rejected", "overflowed", "transferred", "recalled",
                "callbacks_done")


def bucket_column(kind: str, key: int) -> str:
    return f"{kind}_over_3600" if key == OVER_AN_HOUR else f"{kind}_le_{key}"


def total_column(kind: str) -> str:
    return f"{kind}_total_s"


FIGURE_COLUMNS: tuple[str, ...] = (
    *STATS_COUNTS, *(total_column(kind) for kind in WAIT_KINDS),
    *(bucket_column(kind, key) for kind in WAIT_KINDS for key in BUCKET_KEYS))


def _table(name: str, period: str) -> Table:
    return Table(
        name, Base.metadata,
        # The tenant, as in call_stats_hourly: a Store rolls up and reads only its own organisation's rows.
        Column("organisation", String(100), primary_key=True),
        Column(period, UTCDateTime(), primary_key=True),
        Column("service", String(100), primary_key=True),  # the dialled switchboard number
        *(Column(name, Float() if name.endswith("_total_s") else Integer(), nullable=False, default=0)
          for name in FIGURE_COLUMNS))


class ServiceHourRow(Base):
    """One UTC hour of one dialled service: counts and bucketed waits (see the module's docstring)."""

    __table__ = _table("call_stats_service_hourly", "hour_start")


class ServiceDayRow(Base):
    """One UTC day of one dialled service: the sum of its hours, kept so that long periods read few rows."""

    __table__ = _table("call_stats_service_daily", "day_start")
