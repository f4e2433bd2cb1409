"""Backoff after failed syncs and the regular schedule (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from directory.sync import LdapAuthError, LdapUnavailableError, RetryPolicy, next_sync


def test_transient_failures_back_off_exponentially_up_to_the_cap() -> None:
    policy = RetryPolicy(first_delay=10, factor=2, max_delay=100, jitter=0.2)
    error = LdapUnavailableError("s", "no server reachable")
    assert [policy.delay(n, error) for n in range(6)] == [0, 10, 20, 40, 80, 100]
    assert policy.delay(10_000, error) == 100


def test_jitter_spreads_the_delay_within_its_band_and_never_past_the_cap() -> None:
    policy = RetryPolicy(first_delay=10, factor=2, max_delay=100, jitter=0.2)
    assert policy.delay(1, spread=0.0) == pytest.approx(8)
    assert policy.delay(1, spread=1.0) == pytest.approx(12)
    assert policy.delay(9, spread=1.0) == 100
    assert policy.delay(1, spread=7) == pytest.approx(12)


def test_a_refused_bind_is_not_retried_quickly() -> None:
    policy = RetryPolicy(first_delay=10, max_delay=900)
    assert policy.delay(1, LdapAuthError("s", "invalidCredentials")) == 900


def test_full_sync_when_never_done_or_stale_otherwise_incremental_after_the_interval() -> None:
    now = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
    assert next_sync(now=now, last_full=None, last_attempt=None, incremental_interval=300,
                     full_interval=86400) == (now, True)
    assert next_sync(now=now, last_full=now - timedelta(days=2), last_attempt=now, incremental_interval=300,
                     full_interval=86400) == (now, True)
    assert next_sync(now=now, last_full=now - timedelta(hours=1), last_attempt=now - timedelta(minutes=1),
                     incremental_interval=300, full_interval=86400) == (now + timedelta(minutes=4), False)
    assert next_sync(now=now, last_full=now - timedelta(hours=1), last_attempt=now - timedelta(hours=1),
                     incremental_interval=300, full_interval=86400) == (now, False)
