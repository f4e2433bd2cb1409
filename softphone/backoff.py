"""When and where to re-register after a failure: exponential backoff with failover."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    """Exponential delays with +/- `jitter` spread, so a restarted server is not hit by every phone at once."""

    initial_s: float = 2.0
    maximum_s: float = 120.0
    factor: float = 2.0
    jitter: float = 0.2

    def delay(self, failures: int, rand: Callable[[], float] = random.random) -> float:
        """Delay before the next attempt after `failures` consecutive failures (>= 1)."""
        base = min(self.maximum_s, self.initial_s * self.factor ** max(0, failures - 1))
        return max(0.0, base * (1.0 + self.jitter * (2.0 * rand() - 1.0)))


@dataclass(frozen=True)
class RetryPlan:
    """The registrar to try and the wait before trying, given the consecutive failures so far.

    With a secondary, failures alternate the registrar: the secondary is tried about a second after the
    primary fails, and the backoff between rounds (primary then secondary) grows exponentially.
    """

    primary: str
    secondary: str = ""
    backoff: Backoff = Backoff()

    def registrar(self, failures: int) -> str:
        if not self.secondary:
            return self.primary
        return self.primary if failures % 2 == 0 else self.secondary

    def delay(self, failures: int, rand: Callable[[], float] = random.random) -> float:
        if failures <= 0:
            return 0.0
        steps = (failures + 1) // 2 if self.secondary else failures
        if self.secondary and failures % 2 == 1:
            return min(1.0, self.backoff.initial_s)  # fail over promptly
        return self.backoff.delay(steps, rand)
