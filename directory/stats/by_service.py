"""The per-service aggregates (directory.store.stats_tables): written by the rollup beside the per-console
ones, read for every report that is not per console.

Reading a list of periods: the UTC days wholly inside a period come from the daily table, its first and
last hours from the hourly one, each summed by the database (same Core statements on SQLite and
PostgreSQL). A local month is a few hours plus some thirty days; a local day or hour is hours only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select

from directory.stats.tally import COUNTS, KINDS, Tally
from directory.store.database import Store
from directory.store.stats_tables import (
    BUCKET_KEYS,
    FIGURE_COLUMNS,
    ServiceDayRow,
    ServiceHourRow,
    bucket_column,
    total_column,
)

DAY = timedelta(days=1)
Span = tuple[datetime, datetime]
_HOURS, _DAYS = ServiceHourRow.__table__, ServiceDayRow.__table__


def day_floor(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _day_ceiling(moment: datetime) -> datetime:
    floor = day_floor(moment)
    return floor if floor == moment else floor + DAY


def wide(tally: Tally) -> dict[str, Any]:
    """A tally as one row's figure columns."""
    row: dict[str, Any] = dict.fromkeys(FIGURE_COLUMNS, 0)
    row.update(tally.counts())
    for kind in KINDS:
        row[total_column(kind)] = tally.total_s(kind)
        for key, calls in tally.waits[kind].items():
            row[bucket_column(kind, key)] += calls
    return row


def _tally(sums: Sequence[Any]) -> Tally:
    """A fresh tally from the figure columns' values, in FIGURE_COLUMNS' order."""
    tally = Tally()
    for name, value in zip(COUNTS, sums, strict=False):
        setattr(tally, name, int(value or 0))
    at = len(COUNTS) + len(KINDS)
    for index, kind in enumerate(KINDS):
        cells = sums[at + index * len(BUCKET_KEYS):at + (index + 1) * len(BUCKET_KEYS)]
        tally.waits[kind] = Counter({key: int(n) for key, n in zip(BUCKET_KEYS, cells, strict=True) if n})
        tally.totals[kind][-1] = float(sums[len(COUNTS) + index] or 0.0)
    return tally


def _spans(periods: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """(day spans, hour spans): whole UTC days inside each period, and the hours around them."""
    days: list[Span] = []
    hours: list[Span] = []
    for start, end in periods:
        first, last = _day_ceiling(start), day_floor(end)
        if first < last:
            days.append((first, last))
            hours += [span for span in ((start, first), (last, end)) if span[0] < span[1]]
        else:
            hours.append((start, end))
    return _joined(days), _joined(hours)


def _joined(spans: list[Span]) -> list[Span]:
    """Touching spans made one (a month by hour is one span of 744 hours, not 744 conditions)."""
    joined: list[Span] = []
    for start, end in sorted(spans):
        if joined and joined[-1][1] >= start:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def load_periods(store: Store, periods: Sequence[Span], *, by_service: bool,
                 services: tuple[str, ...] = ()) -> list[dict[str, Tally]]:
    """For each period (contiguous, in order), its tallies by service (`by_service`) or under "" (all)."""
    results: list[dict[str, Tally]] = [{} for _ in periods]
    starts = [start.timestamp() for start, _ in periods]
    day_spans, hour_spans = _spans(periods)
    with store.engine.connect() as connection:
        for table, moment, spans in ((_DAYS, _DAYS.c.day_start, day_spans), (_HOURS, _HOURS.c.hour_start, hour_spans)):
            if not spans:
                continue
            keys = ([] if len(periods) == 1 else [moment]) + ([table.c.service] if by_service else [])
            query = (select(*keys, *(func.sum(table.c[name]) for name in FIGURE_COLUMNS))
                     .where(table.c.organisation == store.organisation,
                            or_(*(and_(moment >= start, moment < end) for start, end in spans))))
            if services:
                query = query.where(table.c.service.in_(services))
            if keys:
                query = query.group_by(*keys)
            for row in connection.execute(query):
                index = 0 if len(periods) == 1 else bisect_right(starts, row[0].timestamp()) - 1
                service = str(row[len(keys) - 1]) if by_service else ""
                if row[len(keys)] is None:  # SUM over no rows
                    continue
                tally = _tally(row[len(keys):])
                if service in results[index]:
                    results[index][service].merge(tally)
                else:
                    results[index][service] = tally
    return results


def hours_with_calls(store: Store, start: datetime, end: datetime, services: tuple[str, ...] = ()) -> list[datetime]:
    """The UTC hours of [start, end) in which some call was offered: to find local days without any."""
    query = (select(_HOURS.c.hour_start).distinct()
             .where(_HOURS.c.organisation == store.organisation, _HOURS.c.hour_start >= start,
                    _HOURS.c.hour_start < end, _HOURS.c.offered > 0))
    if services:
        query = query.where(_HOURS.c.service.in_(services))
    with store.engine.connect() as connection:
        return list(connection.scalars(query))  # aware UTC already (UTCDateTime)


def known_services(store: Store) -> list[str]:
    with store.engine.connect() as connection:
        return sorted(connection.scalars(select(_DAYS.c.service).distinct()
                                         .where(_DAYS.c.organisation == store.organisation)))


def write(connection: Connection, organisation: str, start: datetime, kept: list[datetime],
          tallies: Iterable[tuple[datetime, str, Tally]]) -> None:
    """Rewrite the hours from `start` (but those `kept`) from the rollup's tallies, then every day from
    `start`'s day from its hours."""
    by_hour: dict[tuple[datetime, str], Tally] = defaultdict(Tally)
    for hour, service, tally in tallies:
        by_hour[(hour, service)].merge(tally)
    connection.execute(delete(_HOURS).where(_HOURS.c.organisation == organisation, _HOURS.c.hour_start >= start,
                                            _HOURS.c.hour_start.not_in(kept)))
    if by_hour:
        connection.execute(insert(_HOURS), [{"organisation": organisation, "hour_start": hour, "service": service,
                                              **wide(tally)} for (hour, service), tally in by_hour.items()])
    first_day = day_floor(start)
    days: dict[tuple[datetime, str], list[float]] = {}
    query = (select(_HOURS.c.hour_start, _HOURS.c.service, *(_HOURS.c[name] for name in FIGURE_COLUMNS))
             .where(_HOURS.c.organisation == organisation, _HOURS.c.hour_start >= first_day))
    for hour, service, *values in connection.execute(query):
        key = (day_floor(hour), service)
        if key in days:
            days[key] = [a + b for a, b in zip(days[key], values, strict=True)]
        else:
            days[key] = list(values)
    connection.execute(delete(_DAYS).where(_DAYS.c.organisation == organisation, _DAYS.c.day_start >= first_day))
    if days:
        connection.execute(insert(_DAYS), [
            {"organisation": organisation, "day_start": day, "service": service,
             **dict(zip(FIGURE_COLUMNS, values, strict=True))} for (day, service), values in days.items()])


def apply_retention(connection: Connection, organisation: str, cutoff: datetime) -> None:
    """Whole days only, so that a day is in both tables or in neither (a report reads days from one and
    their hours from the other)."""
    first_kept = day_floor(cutoff)
    for table, moment in ((_HOURS, _HOURS.c.hour_start), (_DAYS, _DAYS.c.day_start)):
        connection.execute(delete(table).where(table.c.organisation == organisation, moment < first_kept))

