"""Keep the hourly aggregates filled from the call log, and from the exchange queue's records of callers
who left it unanswered (directory.stats.exchange_queue): per console (call_stats_hourly, call_stats_waits)
and per service (directory.stats.by_service: hours and days).

A rollup rewrites every hour from a little before the newest aggregate up to now from the raw rows, so
calls logged late (a call is logged when it ends, hours after it was offered) are counted in the hour
they were offered. Run it before the call log's retention deletes old rows (and before reading
statistics); hours already rolled up are never rewritten once their raw rows may be gone. Aggregates
have their own, longer retention.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import Connection, column, delete, func, insert, inspect, select, table

from directory.stats import by_service
from directory.stats.exchange_queue import first_left, left_unanswered
from directory.stats.periods import aware_utc, hour_floor
from directory.stats.tally import KINDS, CallFacts, Tally
from directory.store.calllog import CallLogRepository
from directory.store.database import Store
from directory.store.schema import CallLogRow, CallStatsHourRow, CallStatsWaitRow, UTCDateTime

LATE_MARGIN = timedelta(hours=12)  # the longest a call may last and still be counted in its own hour
Key = tuple[datetime, str, str]  # UTC hour, service, console

# The shared call-back list (directory/store/callbacks.py): read by name only, so statistics work on a
# store from before it existed and the two modules stay independent.
_CALLBACKS = table("callbacks", column("id"), column("dialled"), column("organisation"))
_CALLBACK_STEPS = table("callback_audit", column("callback_id"), column("action"), column("console"),
                        column("at", UTCDateTime()))


def _facts(rows: Iterable[tuple]) -> Iterable[CallFacts]:  # type: ignore[type-arg]
    for offered_at, direction, answered_at, outcome, waiting_s, connect_s, recalled, dialled, console in rows:
        yield CallFacts(offered_at=offered_at, incoming=direction == "in", answered=answered_at is not None,
                        outcome=outcome, waiting_s=waiting_s, time_to_connect_s=connect_s,
                        recalled=bool(recalled), service=dialled, console=console)


def tally_hours(calls: Iterable[CallFacts]) -> dict[Key, Tally]:
    """Pure: the calls counted per UTC hour they were offered, service and console."""
    tallies: dict[Key, Tally] = defaultdict(Tally)
    for call in calls:
        if call.incoming:
            tallies[(hour_floor(call.offered_at), call.service, call.console)].add(call)
    return tallies


def _read_calls(connection: Connection, start: datetime, organisation: str) -> Iterable[CallFacts]:
    c = CallLogRow.__table__.c
    query = select(c.offered_at, c.direction, c.answered_at, c.outcome, c.waiting_s, c.time_to_connect_s,
                   c.recalled, c.dialled_number, c.console).where(c.offered_at >= start,
                                                                     c.organisation == organisation)
    # Through the ORM column types, so offered_at comes back as an aware UTC datetime on both backends.
    return _facts(connection.execute(query))


def _add_callbacks(connection: Connection, start: datetime, organisation: str, tallies: dict[Key, Tally]) -> None:
    if not inspect(connection).has_table("callback_audit"):
        return
    query = (select(_CALLBACK_STEPS.c.at, _CALLBACKS.c.dialled, _CALLBACK_STEPS.c.console)
             .join(_CALLBACKS, _CALLBACKS.c.id == _CALLBACK_STEPS.c.callback_id)
             .where(_CALLBACK_STEPS.c.action == "done", _CALLBACK_STEPS.c.at >= start,
                    _CALLBACKS.c.organisation == organisation))
    for at, dialled, console in connection.execute(query):
        tallies[(hour_floor(at), dialled or "", console or "")].callbacks_done += 1


def _add_left_queue(connection: Connection, start: datetime, organisation: str, tallies: dict[Key, Tally]) -> None:
    # At no console: the caller never reached one (see exchange_queue for who is counted from where).
    for caller in left_unanswered(connection, start, organisation):
        tallies[(hour_floor(caller.joined_at), caller.service, "")].add_left_queue(caller.event, caller.waited_s)


def _write(connection: Connection, organisation: str, tallies: dict[Key, Tally]) -> None:
    hours, waits = [], []
    for (hour, service, console), tally in tallies.items():
        cell = {"organisation": organisation, "hour_start": hour, "service": service, "console": console}
        hours.append({**cell, **tally.counts()})
        for kind in KINDS:
            waits += [{**cell, "kind": kind,
                       "seconds": seconds, "calls": n, "total_s": float(tally.totals[kind][seconds])}
                      for seconds, n in tally.waits[kind].items()]
    if hours:
        connection.execute(insert(CallStatsHourRow), hours)
    if waits:
        connection.execute(insert(CallStatsWaitRow), waits)


Counts = dict[datetime, tuple[int, int]]  # UTC hour -> (calls offered, call-backs done)


def _counts(tallies: dict[Key, Tally]) -> Counts:
    counts: Counts = defaultdict(lambda: (0, 0))
    for (hour, _, _), tally in tallies.items():
        offered, done = counts[hour]
        counts[hour] = (offered + tally.offered, done + tally.callbacks_done)
    return counts


def _raw_counts(connection: Connection, start: datetime, organisation: str) -> Counts:
    """What the raw rows from `start` count per hour, read lightly (a time per call, no tallies)."""
    c = CallLogRow.__table__.c
    offered = Counter(hour_floor(at) for at in connection.scalars(
        select(c.offered_at).where(c.offered_at >= start, c.organisation == organisation, c.direction == "in")))
    offered.update(hour_floor(caller.joined_at) for caller in left_unanswered(connection, start, organisation))
    done: dict[Key, Tally] = defaultdict(Tally)
    _add_callbacks(connection, start, organisation, done)
    counts: Counts = {hour: (n, 0) for hour, n in offered.items()}
    for (hour, _, _), tally in done.items():
        counts[hour] = (counts.get(hour, (0, 0))[0], counts.get(hour, (0, 0))[1] + tally.callbacks_done)
    return counts


def _compare(connection: Connection, start: datetime, organisation: str, now: Counts) -> tuple[list[datetime], bool]:
    """(kept, unchanged). Kept: hours already counted that now hold fewer raw calls than were counted: the
    call log's retention took some of their rows, so their aggregates stay as they are (late calls only
    ever add). Unchanged: every hour counts what it counted (calls offered, call-backs done), so nothing
    needs writing: logged rows are never changed, only added or deleted."""
    query = (select(CallStatsHourRow.hour_start, func.sum(CallStatsHourRow.offered),
                    func.sum(CallStatsHourRow.callbacks_done))
             .where(CallStatsHourRow.hour_start >= start, CallStatsHourRow.organisation == organisation)
             .group_by(CallStatsHourRow.hour_start))
    stored = {hour: (int(offered or 0), int(done or 0)) for hour, offered, done in
              ((aware_utc(h), o, d) for h, o, d in connection.execute(query)) if hour is not None}
    kept = [hour for hour, (offered, _) in stored.items() if now.get(hour, (0, 0))[0] < offered]
    return kept, stored == {hour: counts for hour, counts in now.items() if counts != (0, 0)}


def rollup(store: Store, now: datetime, *, margin: timedelta = LATE_MARGIN) -> int:
    """Rewrite the store's organisation's aggregates from the raw rows of the last hours; returns how many
    hours were written.

    Starts `margin` before the newest aggregate hour (or at the first logged call or queue record), never
    before the oldest raw row, and leaves alone any hour whose raw rows retention has already thinned. Only the
    store's own organisation (migration 0009) is read and written, also on SQLite, which has no RLS."""
    organisation = store.organisation
    with store.engine.begin() as connection:
        newest, oldest_raw = (aware_utc(value) for value in connection.execute(select(
            select(func.max(CallStatsHourRow.hour_start))
            .where(CallStatsHourRow.organisation == organisation).scalar_subquery(),
            select(func.min(CallLogRow.offered_at))
            .where(CallLogRow.organisation == organisation).scalar_subquery())).one())
        oldest_raw = min((t for t in (oldest_raw, first_left(connection, organisation)) if t is not None), default=None)
        if oldest_raw is None:
            return 0  # nothing to count, and nothing rolled up may be rewritten without its rows
        start = hour_floor(oldest_raw)
        if newest is not None:
            start = max(min(newest, hour_floor(now)) - margin, start)
        if _compare(connection, start, organisation, _raw_counts(connection, start, organisation))[1]:
            return 0  # the usual case when reading figures again: nothing logged since the last rollup
        tallies = tally_hours(_read_calls(connection, start, organisation))
        _add_callbacks(connection, start, organisation, tallies)
        _add_left_queue(connection, start, organisation, tallies)
        kept, _ = _compare(connection, start, organisation, _counts(tallies))
        tallies = {key: tally for key, tally in tallies.items() if key[0] not in kept}
        for row in (CallStatsWaitRow, CallStatsHourRow):
            connection.execute(delete(row).where(row.organisation == organisation, row.hour_start >= start,
                                                 row.hour_start.not_in(kept)))
        _write(connection, organisation, tallies)
        by_service.write(connection, organisation, start, kept,
                         ((hour, service, tally) for (hour, service, _), tally in tallies.items()))
        return len({hour for hour, _, _ in tallies})


def apply_retention(store: Store, days: int, now: datetime) -> int:
    """Delete aggregates older than `days` (0 keeps them for ever); returns how many hour rows went."""
    if days <= 0:
        return 0
    cutoff = now - timedelta(days=days)
    mine = store.organisation
    with store.engine.begin() as connection:
        connection.execute(delete(CallStatsWaitRow).where(CallStatsWaitRow.organisation == mine,
                                                          CallStatsWaitRow.hour_start < cutoff))
        result = connection.execute(delete(CallStatsHourRow).where(CallStatsHourRow.organisation == mine,
                                                                   CallStatsHourRow.hour_start < cutoff))
        by_service.apply_retention(connection, mine, cutoff)
        return int(result.rowcount or 0)


def keep_history(store: Store, *, call_log_days: int, stats_days: int, now: datetime) -> tuple[int, int]:
    """The call log's retention made safe for statistics: roll up first, then delete old raw rows, then
    old aggregates. Returns (call-log rows, aggregate hours) deleted. Run it on the database worker."""
    rollup(store, now)
    return CallLogRepository(store).apply_retention(call_log_days, now), apply_retention(store, stats_days, now)
