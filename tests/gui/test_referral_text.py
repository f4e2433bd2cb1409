"""Referral wording for the operator: moments in the operator's zone, durations and the audit history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from directory.model import Referral
from directory.referrals import WhenError, WhenProblem
from directory.store.audit import AuditRecord
from ui.referral_text import ReferralText

pytestmark = pytest.mark.gui

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 20, 11, 5, tzinfo=UTC)  # 12:05 in Stockholm, a Friday


@pytest.fixture(autouse=True)
def _english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def text() -> ReferralText:
    return ReferralText(STOCKHOLM)


def test_moments_and_durations(text: ReferralText) -> None:
    assert text.moment(datetime(2026, 11, 20, 13, 30, tzinfo=UTC), NOW) == "today 14:30"
    assert text.moment(datetime(2026, 11, 21, 7, 0, tzinfo=UTC), NOW) == "tomorrow 08:00"
    assert text.moment(datetime(2026, 11, 23, 7, 0, tzinfo=UTC), NOW) == "Mon 23 Nov 08:00"
    assert text.moment(datetime(2027, 1, 4, 7, 0, tzinfo=UTC), NOW) == "Mon 4 Jan 2027 08:00"
    assert text.duration(timedelta(minutes=25)) == "in 25 min"
    assert text.duration(timedelta(minutes=60)) == "in 1 h"
    assert text.duration(timedelta(minutes=125)) == "in 2 h 5 min"
    assert text.duration(timedelta(days=3, hours=2)) == "in 3 day(s)"
    assert text.when_error(WhenError(WhenProblem.BAD_TIME, "25")) == "“25” is not a time of day (00:00 to 23:59)."


def test_history_is_plain_text_newest_first(text: ReferralText) -> None:
    lunch = Referral(1, "lunch", "Lunch", until=datetime(2026, 11, 20, 11, 30, tzinfo=UTC), alternative="Eva <b>Ek</b>")
    meeting = Referral(1, "meeting", "Meeting", until=datetime(2026, 11, 23, 7, tzinfo=UTC), comment="board")
    vacation = Referral(1, "vacation", "Vacation", starts_at=datetime(2026, 11, 22, 23, tzinfo=UTC),
                        until=datetime(2026, 11, 30, 7, tzinfo=UTC))
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    records = [
        AuditRecord(1, "clear", "Bo", "", at + timedelta(minutes=50), (meeting,), None),
        AuditRecord(1, "schedule", "Anna", "console-1", at + timedelta(minutes=40), (), vacation),
        AuditRecord(1, "set", "Bo", "console-2", at + timedelta(minutes=30), (lunch,), meeting),
        AuditRecord(1, "set", "Anna", "console-1", at, (), lunch),
    ]
    assert text.history(records, NOW).splitlines() == [
        "today 11:50 · Bo · cleared: Meeting until Mon 23 Nov 08:00 · board",
        "today 11:40 · Anna (console-1) · scheduled: Vacation from Mon 23 Nov 00:00 until Mon 30 Nov 08:00",
        "today 11:30 · Bo (console-2) · set: Meeting until Mon 23 Nov 08:00 · board"
        " · replaced: Lunch until today 12:30 · Eva <b>Ek</b>",
        "today 11:00 · Anna (console-1) · set: Lunch until today 12:30 · Eva <b>Ek</b>",
    ]
    assert text.history([], NOW) == "No referral changes recorded."
