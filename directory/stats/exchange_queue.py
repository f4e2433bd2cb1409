"""Callers who left the exchange's queue unanswered, from its own records (exchange_queue_events).

The exchange (installer/exchange) writes every queued caller's life into the store. A caller it hands to
a console (offered) rings there, so the console's call log has that call: answered, or abandoned while
ringing. A caller who hangs up while waiting, or whom the queue sends on to its overflow number, reaches
no console and is in no call log; those are counted from the records, so no caller counts twice:

- "abandoned" or "overflowed" while not ringing at a console (as many "returned" as "offered" events
  since the caller joined) counts: offered in the hour it joined, for the service it dialled, at no
  console;
- everything else ("answered" above all) is left to the consoles' call logs.

Each record names its organisation (the exchange's; migration 0013): a store counts its own. Queue ids
restarted with Kamailio before they started from the time, so a caller's events are matched by id *and*
time (from joining to leaving). The records are read by name, so statistics work on a store from
before they existed. `at` is epoch seconds and `waited_s` the time since joining.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Float, and_, case, column, func, inspect, select, table

from directory.stats.tally import QUEUE_ABANDONED, QUEUE_OVERFLOWED

_EVENTS = table("exchange_queue_events", column("id"), column("queue_id"), column("event"),
                column("at", Float()), column("dialled"), column("waited_s", Float()), column("organisation"))
_SLACK_S = 0.01  # `at` and `waited_s` are stored to the millisecond


@dataclass(frozen=True, slots=True)
class LeftQueue:
    """One caller who left the exchange's queue unanswered and never rang at a console meanwhile."""

    joined_at: datetime  # aware UTC: the offered time
    event: str  # abandoned | overflowed
    waited_s: float
    service: str  # the dialled number


def first_left(connection: Connection, organisation: str) -> datetime | None:
    """When the earliest caller who left the queue abandoned or overflowed joined it (None: no records)."""
    if not inspect(connection).has_table("exchange_queue_events"):
        return None
    first = connection.execute(select(func.min(_EVENTS.c.at - _EVENTS.c.waited_s))
                               .where(_EVENTS.c.event.in_((QUEUE_ABANDONED, QUEUE_OVERFLOWED)),
                                      _EVENTS.c.organisation == organisation)).scalar()
    return None if first is None else datetime.fromtimestamp(float(first), UTC)


def left_unanswered(connection: Connection, start: datetime, organisation: str) -> Iterable[LeftQueue]:
    """`organisation`'s callers who joined at or after `start` and left abandoned or overflowed while not
    ringing at a console (see the module's docstring); nothing when the store has no exchange records."""
    if not inspect(connection).has_table("exchange_queue_events"):
        return []
    left, step = _EVENTS.alias("left_queue"), _EVENTS.alias("step")
    joined = left.c.at - left.c.waited_s
    ringing = func.coalesce(func.sum(case((step.c.event == "offered", 1), (step.c.event == "returned", -1),
                                          else_=0)), 0)
    query = (select(left.c.at, left.c.event, left.c.waited_s, left.c.dialled, ringing)
             .select_from(left.outerjoin(step, and_(
                 step.c.queue_id == left.c.queue_id, step.c.event.in_(("offered", "returned")),
                 step.c.at >= joined - _SLACK_S, step.c.at <= left.c.at)))
             .where(left.c.event.in_((QUEUE_ABANDONED, QUEUE_OVERFLOWED)), joined >= start.timestamp(),
                    left.c.organisation == organisation)
             .group_by(left.c.id, left.c.at, left.c.event, left.c.waited_s, left.c.dialled))
    return [LeftQueue(joined_at=datetime.fromtimestamp(at - waited, UTC), event=event, waited_s=float(waited),
                      service=dialled or "")
            for at, event, waited, dialled, still_ringing in connection.execute(query) if not still_ringing]
