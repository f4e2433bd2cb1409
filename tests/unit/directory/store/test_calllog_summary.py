"""The call log's summary figures, shared by the window's summary line and `switchboard calllog list`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from directory.store.calllog import LoggedCall
from directory.store.calllog_summary import CallLogSummary, summarise

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
GAVE_UP = frozenset({"abandoned", "abandoned_held", "abandoned_transfer"})


def call(outcome: str, *, waited: float = 0.0, answered: bool = True, connect: float | None = None,
         incoming: bool = True) -> LoggedCall:
    return LoggedCall(number="070", name="", dialled="", incoming=incoming, offered_at=T0,
                      ended_at=T0 + timedelta(minutes=1), outcome=outcome, waiting_s=waited,
                      answered_at=T0 + timedelta(seconds=waited) if answered else None, time_to_connect_s=connect)


def test_no_calls_have_no_medians() -> None:
    assert summarise([], GAVE_UP) == CallLogSummary(0, 0, 0, None, None)


def test_counts_and_medians_follow_the_incoming_calls() -> None:
    calls = [call("transferred", waited=4, connect=20), call("handled", waited=10, connect=60),
             call("abandoned", waited=40, answered=False), call("outgoing", incoming=False, connect=5),
             call("abandoned_held", waited=3)]  # answered, then gave up on hold: not "gave up waiting"
    assert summarise(calls, GAVE_UP) == CallLogSummary(
        calls=5, answered=3, gave_up=1, median_wait_s=7.0, median_connect_s=40.0)


def test_gave_up_is_the_callers_rule() -> None:
    calls = [call("rejected", answered=False), call("abandoned", answered=False)]
    assert summarise(calls, {"rejected"}).gave_up == 1
