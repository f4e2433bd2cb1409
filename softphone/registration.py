"""Registration bookkeeping: state in words, retry schedule, failover. Pure logic, driven by the engine."""

from __future__ import annotations

from dataclasses import replace

from softphone.backoff import RetryPlan
from softphone.model import Registration, RegistrationStatus
from softphone.reasons import classify_registration

# A refresh that has not arrived this long after the registration ran out means we are not registered.
_EXPIRY_GRACE_S = 2.0


class RegistrationTracker:
    """Turns REGISTER outcomes into `Registration` snapshots and decides when and where to try again."""

    def __init__(self, plan: RetryPlan) -> None:
        self.plan = plan
        self.failures = 0
        self.current = Registration()
        self._retry_at: float | None = None
        self._expires_at: float | None = None

    @property
    def registrar(self) -> str:
        return self.plan.registrar(self.failures)

    def started(self) -> Registration:
        self._retry_at = None
        self.current = Registration(RegistrationStatus.REGISTERING, self.registrar)
        return self.current

    def succeeded(self, code: int, expires_s: int, now: float) -> Registration:
        registrar = self.current.registrar or self.registrar
        # Registered on the secondary: count one failure so the next failure goes back to the primary.
        self.failures = 0 if registrar == self.plan.primary else 1
        self._retry_at = None
        self._expires_at = now + expires_s
        self.current = Registration(RegistrationStatus.REGISTERED, registrar, code)
        return self.current

    def failed(self, code: int, reason: str, detail: str, now: float) -> Registration:
        registrar = self.current.registrar or self.registrar
        self.failures += 1
        delay = self.plan.delay(self.failures)
        self._retry_at = now + delay
        self._expires_at = None
        failure = classify_registration(code, reason, detail)
        self.current = Registration(RegistrationStatus.FAILED, registrar, code, failure.words, delay, failure)
        return self.current

    def unregistered(self) -> Registration:
        self._retry_at = self._expires_at = None
        self.current = Registration(RegistrationStatus.OFFLINE, self.current.registrar)
        return self.current

    def retry_due(self, now: float) -> bool:
        return self._retry_at is not None and now >= self._retry_at

    def expired(self, now: float) -> bool:
        """True when registered but the refresh is overdue (a server that vanished without a word)."""
        return (self.current.status is RegistrationStatus.REGISTERED and self._expires_at is not None
                and now > self._expires_at + _EXPIRY_GRACE_S)

    def with_retry_in(self, now: float) -> Registration:
        if self._retry_at is None:
            return self.current
        return replace(self.current, retry_in_s=max(0.0, self._retry_at - now))
