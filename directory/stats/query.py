"""Read a period's per-console aggregates back as `Tally`s: per UTC hour, or per service or console
(SQLAlchemy Core, the same statements on SQLite and PostgreSQL). Reports not per console read the
per-service aggregates instead (directory.stats.by_service)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Select, func, select

from directory.stats.periods import aware_utc
from directory.stats.tally import COUNTS, Tally
from directory.store.database import Store
from directory.store.schema import CallStatsHourRow, CallStatsWaitRow


def _filtered(query: Select, table: type, start: datetime, end: datetime, *,  # type: ignore[type-arg]
              organisation: str, services: tuple[str, ...], consoles: tuple[str, ...]) -> Select:  # type: ignore[type-arg]
    query = query.where(table.organisation == organisation,  # type: ignore[attr-defined]
                        table.hour_start >= start, table.hour_start < end)  # type: ignore[attr-defined]
    if services:
        query = query.where(table.service.in_(services))  # type: ignore[attr-defined]
    if consoles:
        query = query.where(table.console.in_(consoles))  # type: ignore[attr-defined]
    return query


def _key(value: object, by: str) -> datetime | str:
    if by == "hour":
        moment = aware_utc(value)  # type: ignore[arg-type]
        assert moment is not None  # a primary-key column
        return moment
    return str(value)


def load(store: Store, start: datetime, end: datetime, by: str, *, services: tuple[str, ...] = (),
         consoles: tuple[str, ...] = ()) -> dict[datetime | str, Tally]:
    """Tallies of [start, end) keyed by UTC hour (`by` "hour") or by "service" or "console"."""
    h, w = CallStatsHourRow, CallStatsWaitRow
    key_h = {"hour": h.hour_start, "service": h.service, "console": h.console}[by]
    key_w = {"hour": w.hour_start, "service": w.service, "console": w.console}[by]
    counts = _filtered(select(key_h, *(func.sum(getattr(h, n)) for n in COUNTS)), h, start, end,
                       organisation=store.organisation, services=services, consoles=consoles).group_by(key_h)
    waits = _filtered(select(key_w, w.kind, w.seconds, func.sum(w.calls), func.sum(w.total_s)), w, start, end,
                      organisation=store.organisation, services=services, consoles=consoles,
                      ).group_by(key_w, w.kind, w.seconds)
    tallies: dict[datetime | str, Tally] = defaultdict(Tally)
    with store.engine.connect() as connection:
        for key, *sums in connection.execute(counts):
            tally = tallies[_key(key, by)]
            for name, value in zip(COUNTS, sums, strict=True):
                setattr(tally, name, int(value or 0))
        for key, kind, seconds, calls, total in connection.execute(waits):
            tallies[_key(key, by)].add_duration(
                kind, int(seconds), int(calls), float(total))
    return dict(tallies)


def coverage(store: Store) -> tuple[datetime | None, datetime | None]:
    """The first and last hour the aggregates hold (None, None when empty)."""
    with store.engine.connect() as connection:
        first, last = connection.execute(
            select(func.min(CallStatsHourRow.hour_start), func.max(CallStatsHourRow.hour_start))
            .where(CallStatsHourRow.organisation == store.organisation)).one()
        return aware_utc(first), aware_utc(last)
