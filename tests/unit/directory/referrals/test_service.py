"""The pure "prepare" step: defaults from the code, working days, and refusals with reasons."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from directory.model import Referral
from directory.referrals import (
    DEFAULT_CODES,
    ReferralError,
    ReferralProblem,
    ReferralService,
    WhenError,
    WorkingDays,
    build_referral,
    default_until,
    local_zone,
    merge_codes,
)
from directory.store.audit import Actor, ReferralLog

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FRIDAY = datetime(2026, 11, 20, 16, 10, tzinfo=STOCKHOLM)
WORKDAYS = WorkingDays()


def build(code: str, **kw: object) -> Referral:
    return build_referral(DEFAULT_CODES[code], 7, now=FRIDAY, zone=STOCKHOLM, workdays=WORKDAYS, language="nb",
                          **kw)  # type: ignore[arg-type]


def test_default_return_times() -> None:
    assert default_until(DEFAULT_CODES["lunch"], FRIDAY, STOCKHOLM, WORKDAYS) == FRIDAY + timedelta(minutes=30)
    monday_8 = datetime(2026, 11, 23, 8, tzinfo=STOCKHOLM)
    assert default_until(DEFAULT_CODES["meeting"], FRIDAY, STOCKHOLM, WORKDAYS) == monday_8
    assert default_until(DEFAULT_CODES["sick"], FRIDAY, STOCKHOLM, WORKDAYS) is None
    holidays = WorkingDays([date(2026, 11, 23)])
    assert default_until(DEFAULT_CODES["meeting"], FRIDAY, STOCKHOLM, holidays) == monday_8 + timedelta(days=1)
    late_sunday = datetime(2026, 11, 22, 23, 30, tzinfo=ZoneInfo("UTC"))  # already Monday in Stockholm
    assert default_until(DEFAULT_CODES["meeting"], late_sunday, STOCKHOLM, WORKDAYS) == monday_8 + timedelta(days=1)


def test_default_minutes_are_real_minutes_across_dst() -> None:
    before_the_change = datetime(2026, 3, 29, 1, 45, tzinfo=STOCKHOLM)  # 02:00 becomes 03:00
    until = default_until(DEFAULT_CODES["lunch"], before_the_change, STOCKHOLM, WORKDAYS)
    assert until is not None
    assert until - before_the_change == timedelta(minutes=30)
    assert until.astimezone(STOCKHOLM).hour == 3


def test_built_referral_takes_the_codes_defaults() -> None:
    referral = build("lunch")
    assert referral.code == "lunch"
    assert referral.text == "Lunsj"
    assert referral.entry_id == 7
    assert referral.until == FRIDAY + timedelta(minutes=30)
    assert referral.starts_at is None
    configured = merge_codes(DEFAULT_CODES, {"lunch": {"alternative_value": "019-602 10 00"}})["lunch"]
    made = build_referral(configured, 7, now=FRIDAY, zone=STOCKHOLM, workdays=WORKDAYS, language="sv")
    assert made.alternative == "019-602 10 00"
    assert build_referral(configured, 7, now=FRIDAY, zone=STOCKHOLM, workdays=WORKDAYS, language="sv",
                          alternative="").alternative == ""


def test_scheduled_defaults_count_from_the_start() -> None:
    start = datetime(2026, 11, 24, 12, tzinfo=STOCKHOLM)
    referral = build("lunch", starts_at=start)
    assert referral.starts_at == start
    assert referral.until == start + timedelta(minutes=30)
    assert build("lunch", starts_at=FRIDAY - timedelta(minutes=1)).starts_at is None  # already begun: now


@pytest.mark.parametrize(("code", "kw", "problem"), [
    ("vacation", {}, ReferralProblem.RETURN_REQUIRED),
    ("lunch", {"until": FRIDAY - timedelta(minutes=1)}, ReferralProblem.RETURN_PAST),
    ("lunch", {"until": FRIDAY + timedelta(hours=1), "starts_at": FRIDAY + timedelta(hours=2)},
     ReferralProblem.RETURN_BEFORE_START),
])
def test_refusals(code: str, kw: dict[str, object], problem: ReferralProblem) -> None:
    with pytest.raises(ReferralError) as caught:
        build(code, **kw)
    assert caught.value.problem is problem


def test_prepare_refuses_unknown_and_disabled_codes_and_bad_times() -> None:
    codes = merge_codes(DEFAULT_CODES, {"dnd": {"enabled": False}})
    service = ReferralService(ReferralLog.__new__(ReferralLog), codes, STOCKHOLM, Actor("cli"), clock=lambda: FRIDAY)
    for key in ("nap", "dnd"):
        with pytest.raises(ReferralError, match=f"unknown referral code '{key}'"):
            service.prepare(1, key)
    with pytest.raises(WhenError):
        service.prepare(1, "lunch", until_text="soon-ish")
    assert service.prepare(1, "lunch", until_text="17").until == datetime(2026, 11, 20, 17, tzinfo=STOCKHOLM)
    assert service.code("gone-from-config").caller.en == "is not available"


def test_local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    assert local_zone("Europe/Oslo").key == "Europe/Oslo"
    monkeypatch.setenv("TZ", ":Asia/Tokyo")  # the computer's own zone, as TZ gives it
    assert local_zone().key == "Asia/Tokyo"
    with pytest.raises(ValueError, match="unknown time zone"):
        local_zone("Mars/Olympus")
