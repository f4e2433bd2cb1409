"""When to sync next: the schedule and the backoff after failures (pure, for the app's scheduler)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from directory.sync.errors import SyncError


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff for transient failures, and a slow retry for the rest.

    After ``failures`` consecutive transient failures (server unreachable, connection lost) the next
    attempt waits ``first_delay * factor ** (failures - 1)``, capped at ``max_delay``, spread by
    ``jitter`` so that many consoles do not hit a recovering server together. A non-transient
    failure (wrong password, untrusted certificate, bad settings) waits at least ``max_delay``:
    retrying a refused bind quickly can lock the service account.
    """

    first_delay: float = 15.0
    factor: float = 2.0
    max_delay: float = 1800.0
    jitter: float = 0.2

    def delay(self, failures: int, error: BaseException | None = None, *, spread: float = 0.5) -> float:
        """Seconds to wait before the next attempt after ``failures`` failures in a row.

        ``spread`` in [0, 1] picks where in the jitter band the delay falls (pass ``random.random()``;
        0.5 gives the nominal delay).
        """
        if failures <= 0:
            return 0.0
        if isinstance(error, SyncError) and not error.transient:
            return self.max_delay
        nominal = min(self.max_delay, self.first_delay * self.factor ** min(failures - 1, 64))
        spread = min(1.0, max(0.0, spread))
        return max(0.0, min(self.max_delay, nominal * (1.0 + self.jitter * (2.0 * spread - 1.0))))


def next_sync(
    *,
    now: datetime,
    last_full: datetime | None,
    last_attempt: datetime | None,
    incremental_interval: float,
    full_interval: float,
) -> tuple[datetime, bool]:
    """When the next regular sync is due, and whether it should be a full one.

    A source never fully synced, or whose last full sync is older than ``full_interval``, gets a
    full sync now; otherwise an incremental one ``incremental_interval`` after the last attempt.
    """
    if last_full is None or now - last_full >= timedelta(seconds=full_interval):
        return now, True
    base = last_attempt or now
    return max(now, base + timedelta(seconds=incremental_interval)), False
