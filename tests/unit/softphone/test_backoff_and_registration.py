from __future__ import annotations

import pytest

from softphone.backoff import Backoff, RetryPlan
from softphone.model import RegistrationStatus
from softphone.registration import RegistrationTracker


def test_backoff_doubles_up_to_the_cap_without_jitter() -> None:
    backoff = Backoff(initial_s=2, maximum_s=30, jitter=0)
    assert [backoff.delay(n) for n in range(1, 7)] == [2, 4, 8, 16, 30, 30]


def test_backoff_jitter_stays_within_bounds() -> None:
    backoff = Backoff(initial_s=10, maximum_s=100, jitter=0.2)
    assert backoff.delay(1, rand=lambda: 0.0) == pytest.approx(8)
    assert backoff.delay(1, rand=lambda: 1.0) == pytest.approx(12)


def test_plan_without_secondary_stays_on_primary() -> None:
    plan = RetryPlan("a", backoff=Backoff(1, 60, jitter=0))
    assert [plan.registrar(n) for n in range(4)] == ["a"] * 4
    assert [plan.delay(n) for n in range(4)] == [0, 1, 2, 4]


def test_plan_alternates_and_fails_over_promptly() -> None:
    plan = RetryPlan("a", "b", Backoff(2, 60, jitter=0))
    assert [plan.registrar(n) for n in range(5)] == ["a", "b", "a", "b", "a"]
    assert [plan.delay(n) for n in range(1, 6)] == [1, 2, 1, 4, 1]


def test_tracker_words_failure_and_schedules_retry() -> None:
    tracker = RegistrationTracker(RetryPlan("a", backoff=Backoff(2, 60, jitter=0)))
    tracker.started()
    failed = tracker.failed(401, "Unauthorized", "", now=100.0)
    assert failed.status is RegistrationStatus.FAILED
    assert failed.reason == "wrong user name or password (401)"
    assert failed.retry_in_s == 2
    assert not tracker.retry_due(101.0)
    assert tracker.retry_due(102.0)
    assert tracker.with_retry_in(101.5).retry_in_s == pytest.approx(0.5)


def test_tracker_fails_over_and_returns_to_primary_after_secondary_fails() -> None:
    tracker = RegistrationTracker(RetryPlan("a", "b", Backoff(2, 60, jitter=0)))
    assert tracker.started().registrar == "a"
    tracker.failed(503, "Connection refused", "", now=0)
    assert tracker.started().registrar == "b"
    assert tracker.succeeded(200, 60, now=1).registrar == "b"
    tracker.failed(408, "Request Timeout", "", now=100)
    assert tracker.registrar == "a"


def test_tracker_notices_a_refresh_that_never_came() -> None:
    tracker = RegistrationTracker(RetryPlan("a"))
    tracker.started()
    tracker.succeeded(200, 60, now=0)
    assert not tracker.expired(61)
    assert tracker.expired(63)
