"""Setting and clearing referrals for the console and the CLI: codes, defaults, checks, audit, read-out.

`build_referral` is the pure "prepare" step (unit-tested without a database); `ReferralService` runs it
against the `ReferralLog` with the operator's identity and clock. Blocking: call it on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from directory.model import Referral
from directory.referrals.codes import DefaultEnd, ReferralCode
from directory.referrals.defaults import UNKNOWN_CODE
from directory.referrals.readout import caller_sentence
from directory.referrals.when import parse_when
from directory.referrals.workdays import WorkingDays, at_local
from directory.store.audit import Actor, AuditRecord, ReferralChange, ReferralLog, ReferralState, StoredReferral

START_OF_DAY = time(0, 0)


class ReferralProblem(StrEnum):
    UNKNOWN_CODE = "unknown_code"
    RETURN_REQUIRED = "return_required"
    RETURN_BEFORE_START = "return_before_start"
    RETURN_PAST = "return_past"


class ReferralError(ValueError):
    """A referral that cannot be set; ``problem`` is for translated messages."""

    def __init__(self, problem: ReferralProblem, detail: str = "") -> None:
        messages = {
            ReferralProblem.UNKNOWN_CODE: f"unknown referral code '{detail}'",
            ReferralProblem.RETURN_REQUIRED: f"'{detail}' needs a return time",
            ReferralProblem.RETURN_BEFORE_START: "the return time is before the start",
            ReferralProblem.RETURN_PAST: "the return time has already passed",
        }
        super().__init__(messages[problem])
        self.problem, self.detail = problem, detail


def default_until(code: ReferralCode, start: datetime, zone: ZoneInfo, workdays: WorkingDays) -> datetime | None:
    """The return time a code implies from ``start`` when the operator gives none (None: until cleared)."""
    if code.default_end is DefaultEnd.MINUTES:
        # In UTC: real minutes even across a DST change (aware arithmetic in one zone is wall-clock time).
        return (start.astimezone(UTC) + timedelta(minutes=code.default_minutes)).replace(second=0, microsecond=0)
    if code.default_end is DefaultEnd.NEXT_WORKING_DAY:
        return at_local(workdays.next_working_day(start.astimezone(zone).date()), code.next_day_at, zone)
    return None


def build_referral(code: ReferralCode, entry_id: int, *, now: datetime, zone: ZoneInfo, workdays: WorkingDays,
                   language: str, until: datetime | None = None, starts_at: datetime | None = None,
                   alternative: str | None = None, comment: str = "", set_by: str = "") -> Referral:
    """A checked referral: the code's default return time and alternative fill what is not given.

    ``alternative=None`` takes the code's configured alternative; "" means none. The stored text is the
    code's label in the operator's ``language``, so the status column reads the same after a config change.
    """
    if starts_at is not None and starts_at <= now:
        starts_at = None  # "from now" is simply now
    if until is None:
        if code.return_required:
            raise ReferralError(ReferralProblem.RETURN_REQUIRED, code.label.get(language))
        until = default_until(code, starts_at or now, zone, workdays)
    elif until <= now:
        raise ReferralError(ReferralProblem.RETURN_PAST)
    if until is not None and starts_at is not None and until <= starts_at:
        raise ReferralError(ReferralProblem.RETURN_BEFORE_START)
    return Referral(entry_id=entry_id, code=code.key, text=code.label.get(language), starts_at=starts_at,
                    until=until, alternative=code.alternative_value if alternative is None else alternative.strip(),
                    comment=comment.strip(), set_by=set_by)


class ReferralService:
    """The referral operations one console (or one CLI run) performs as one actor."""

    def __init__(self, log: ReferralLog, codes: Mapping[str, ReferralCode], zone: ZoneInfo, actor: Actor, *,
                 language: str = "sv", workdays: WorkingDays | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.log, self.codes, self.zone, self.actor = log, codes, zone, actor
        self.language, self.workdays, self.clock = language, workdays or WorkingDays(), clock

    def code(self, key: str) -> ReferralCode:
        """The configured code, or a neutral stand-in for codes in the store no longer configured."""
        return self.codes.get(key) or UNKNOWN_CODE

    def prepare(self, entry_id: int, code_key: str, *, until_text: str = "", start_text: str = "",
                alternative: str | None = None, comment: str = "") -> Referral:
        """Build a referral from typed text (the CLI's arguments); raises WhenError or ReferralError."""
        code = self.codes.get(code_key)
        if code is None or not code.enabled:
            raise ReferralError(ReferralProblem.UNKNOWN_CODE, code_key)
        now = self.clock()
        start = parse_when(start_text, now, self.zone, default_time=START_OF_DAY) if start_text.strip() else None
        until = parse_when(until_text, now, self.zone) if until_text.strip() else None
        return build_referral(code, entry_id, now=now, zone=self.zone, workdays=self.workdays,
                              language=self.language, until=until, starts_at=start, alternative=alternative,
                              comment=comment, set_by=self.actor.name)

    def set(self, referral: Referral, *, version: int | None = None) -> ReferralChange:
        """``version``: the one `state` gave; someone's change since raises ReferralConflictError."""
        return self.log.set(referral, self.actor, self.clock(), version=version)

    def clear(self, entry_id: int, *, referral_id: int | None = None,
              version: int | None = None) -> tuple[StoredReferral, ...]:
        return self.log.clear(entry_id, self.actor, self.clock(), referral_id=referral_id, version=version)

    def state(self, entry_id: int) -> ReferralState:
        """What the operator decides on: in force (oldest first), the version to pass back, the last change."""
        return self.log.state(entry_id, self.clock())

    def in_force(self, entry_id: int) -> tuple[StoredReferral, ...]:
        """All referrals in force, oldest first."""
        return self.log.current(entry_id, self.clock())

    def current(self, entry_id: int) -> StoredReferral | None:
        """What the console shows: the most recently set referral in force."""
        in_force = self.log.current(entry_id, self.clock())
        return in_force[-1] if in_force else None

    def everyone_in_force(self) -> dict[int, Referral]:
        """Each entry's current referral, keyed by entry id, for the results' status column."""
        return self.log.everyone_in_force(self.clock())

    def upcoming(self, entry_id: int) -> tuple[StoredReferral, ...]:
        return self.log.upcoming(entry_id, self.clock())

    def history(self, entry_id: int, limit: int = 50) -> list[AuditRecord]:
        return self.log.history(entry_id, limit)

    def sentence(self, name: str, referral: Referral, language: str) -> str:
        """The read-out for the caller in ``language`` (sv, nb or en)."""
        return caller_sentence(name, referral, self.code(referral.code), language=language, now=self.clock(),
                               zone=self.zone)
