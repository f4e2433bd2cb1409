"""Counts and whole-second duration histograms for a group of calls: what an hourly aggregate holds.

A `Tally` adds up (hours into days, services into totals) without losing anything the figures need,
because thresholds and percentiles are read from the histograms afterwards. `CallFacts` is the part of
a call-log row the statistics read: no names, no caller numbers.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from directory.store.stats_tables import BUCKET_KEYS, STATS_COUNTS, WAIT_BOUNDS, WAIT_KINDS

ANSWER, ABANDON, CONNECT = WAIT_KINDS  # the histograms' kinds, as stored
KINDS = WAIT_KINDS
# Stored outcome values (softphone.desk.records.Outcome): the store depends on no softphone code.
GAVE_UP_OUTCOMES = frozenset({"abandoned", "abandoned_held", "abandoned_transfer"})
REJECTED, TRANSFERRED = "rejected", "transferred"
# Declined unanswered: by the operator, by a console whose call slots were all in use, or at its ring limit.
REJECTED_OUTCOMES = frozenset({REJECTED, "refused_full", "unanswered"})
# The exchange queue's records (exchange_queue_events) of callers who left it unanswered.
QUEUE_ABANDONED, QUEUE_OVERFLOWED = "abandoned", "overflowed"
COUNTS = STATS_COUNTS  # the counts an aggregate row holds, as stored


def whole_seconds(seconds: float) -> int:
    """The wait bucket `seconds` counts in, named by its upper bound (directory.store.stats_tables): rounded
    up to whole seconds, so that "within 20 s" is exact for the stored fractions (19.2 s -> 20 s), then to
    the bucket's bound (every second to a minute, then 10 s to 2 min, 30 s to 5 min, minutes, ...)."""
    value = max(0, math.ceil(round(seconds, 6)))  # round first: 20.0000001 stays 20
    return BUCKET_KEYS[bisect_left(WAIT_BOUNDS, value)]


@dataclass(frozen=True, slots=True)
class CallFacts:
    """What statistics read of one logged call."""

    offered_at: datetime
    incoming: bool
    answered: bool
    outcome: str
    waiting_s: float
    time_to_connect_s: float | None
    recalled: bool
    service: str  # the dialled switchboard number
    console: str


@dataclass(slots=True)
class Tally:
    """Counts and histograms (seconds -> calls) of one group; `add` and `merge` only ever add."""

    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    rejected: int = 0
    overflowed: int = 0  # callers the exchange's queue sent on to its overflow number
    transferred: int = 0
    recalled: int = 0
    callbacks_done: int = 0
    waits: dict[str, Counter[int]] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    totals: dict[str, defaultdict[int, float]] = field(  # the exact seconds behind each histogram cell
        default_factory=lambda: {k: defaultdict(float) for k in KINDS})

    def total_s(self, kind: str) -> float:
        """The exact seconds of every counted duration of `kind`, for the means."""
        return float(sum(self.totals[kind].values()))

    def add(self, call: CallFacts, gave_up: Collection[str] = GAVE_UP_OUTCOMES) -> None:
        """Count one call; outgoing calls are not offered and count for nothing."""
        if not call.incoming:
            return
        self.offered += 1
        self.recalled += call.recalled
        if call.answered:
            self.answered += 1
            self._duration(ANSWER, call.waiting_s)
            if call.time_to_connect_s is not None:
                self._duration(CONNECT, call.time_to_connect_s)
            self.transferred += call.outcome == TRANSFERRED
        elif call.outcome in gave_up:
            self.abandoned += 1
            self._duration(ABANDON, call.waiting_s)
        elif call.outcome in REJECTED_OUTCOMES:
            self.rejected += 1

    def add_left_queue(self, event: str, waited_s: float) -> None:
        """A caller who left the exchange's queue unanswered ("abandoned" or "overflowed") and so never
        reached a console's call log: offered, and abandoned (with its wait) or overflowed."""
        self.offered += 1
        if event == QUEUE_ABANDONED:
            self.abandoned += 1
            self._duration(ABANDON, waited_s)
        else:
            self.overflowed += 1

    def add_duration(self, kind: str, seconds: int, calls: int, total: float) -> None:
        """One stored histogram cell; `total` is the exact seconds, kept for the means."""
        self.waits[kind][seconds] += calls
        self.totals[kind][seconds] += total

    def _duration(self, kind: str, seconds: float) -> None:
        self.add_duration(kind, whole_seconds(seconds), 1, seconds)

    def merge(self, other: Tally) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind in KINDS:
            self.waits[kind].update(other.waits[kind])
            for seconds, total in other.totals[kind].items():
                self.totals[kind][seconds] += total

    def counts(self) -> Mapping[str, int]:
        return {name: getattr(self, name) for name in COUNTS}


def tally_all(calls: Iterable[CallFacts]) -> Tally:
    total = Tally()
    for call in calls:
        total.add(call)
    return total
