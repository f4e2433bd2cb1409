"""The call log's summary figures (calls, answered, gave up, median wait, median time to connect).

Pure: the window's summary line and `switchboard calllog list` both compute it here, so they always agree.
Which outcomes count as "gave up" is the desk's rule (softphone.desk.records.ABANDONED_OUTCOMES); the
caller passes their stored values in, because the store depends on no softphone code.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from statistics import median

from directory.store.calllog import LoggedCall


@dataclass(frozen=True, slots=True)
class CallLogSummary:
    calls: int  # every call shown, outgoing included
    answered: int  # incoming calls the operator answered
    gave_up: int  # incoming callers who hung up before they were answered
    median_wait_s: float | None  # over incoming calls; None when there were none
    median_connect_s: float | None  # over answered calls with a time to connect; None when there were none


def summarise(calls: Sequence[LoggedCall], gave_up_outcomes: Collection[str]) -> CallLogSummary:
    """The figures over `calls`; `gave_up_outcomes` are the stored outcome values that mean the caller gave up."""
    incoming = [c for c in calls if c.incoming]
    answered = [c for c in incoming if c.answered_at is not None]
    gave_up = [c for c in incoming if c.outcome in gave_up_outcomes and c.answered_at is None]
    connects = [c.time_to_connect_s for c in answered if c.time_to_connect_s is not None]
    return CallLogSummary(
        calls=len(calls), answered=len(answered), gave_up=len(gave_up),
        median_wait_s=median(c.waiting_s for c in incoming) if incoming else None,
        median_connect_s=median(connects) if connects else None)
