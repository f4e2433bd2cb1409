"""Presence from referral, calendar and line state with fixed clocks: precedence, conflicts, wording, age."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from directory.calendars import BusyBlock, BusyStatus, SubjectRules, apply_rules, presence_at
from directory.calendars.presence import CalendarPresence
from directory.model import Referral
from directory.presence import LineState, LineStatus, Source, aggregate, part_line, presence_line
from directory.referrals import DEFAULT_CODES

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 12, 10, tzinfo=STOCKHOLM)
CODES = DEFAULT_CODES


def at(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=STOCKHOLM)


def meeting(start: datetime, end: datetime, status: BusyStatus = BusyStatus.BUSY) -> CalendarPresence:
    return presence_at([apply_rules(BusyBlock(start, end, status), SubjectRules())], NOW, STOCKHOLM)


def line(state: LineState, seconds_ago: int = 5) -> LineStatus:
    return LineStatus(state, NOW - timedelta(seconds=seconds_ago))


LUNCH = Referral(entry_id=1, code="lunch", starts_at=at(12), until=at(13), set_by="operator")


def test_nothing_known_says_nothing() -> None:
    presence = aggregate(NOW)
    assert presence.headline is None
    assert not presence.conflict
    assert presence_line(presence, STOCKHOLM) == ""


def test_line_alone_in_three_languages() -> None:
    presence = aggregate(NOW, line=line(LineState.BUSY))
    assert presence.headline is not None
    assert presence.headline.source is Source.LINE
    assert presence_line(presence, STOCKHOLM, "en") == "On the phone"
    assert presence_line(presence, STOCKHOLM, "sv") == "I telefon"
    assert presence_line(presence, STOCKHOLM, "nb") == "I telefonen"
    assert presence_line(aggregate(NOW, line=line(LineState.IDLE)), STOCKHOLM) == "Available"
    assert presence_line(aggregate(NOW, line=line(LineState.RINGING)), STOCKHOLM, "sv") == "Det ringer"
    assert presence_line(aggregate(NOW, line=line(LineState.DND)), STOCKHOLM, "nb") == "Ikke forstyrr"


def test_calendar_beats_an_idle_line() -> None:
    presence = aggregate(NOW, calendar=meeting(at(12), at(14, 30)), line=line(LineState.IDLE))
    assert presence.headline is not None
    assert presence.headline.source is Source.CALENDAR
    assert not presence.conflict
    assert presence_line(presence, STOCKHOLM, "en") == "In a meeting until 14:30"
    assert presence_line(presence, STOCKHOLM, "sv") == "I möte till 14.30"
    assert [p.source for p in presence.parts] == [Source.CALENDAR, Source.LINE]


def test_referral_beats_calendar_and_a_busy_line_is_a_visible_conflict() -> None:
    presence = aggregate(NOW, referral=LUNCH, referral_set_at=at(11, 55), calendar=meeting(at(12), at(14, 30)),
                         line=line(LineState.BUSY))
    assert presence.headline is not None
    assert presence.headline.source is Source.REFERRAL
    assert presence.conflict
    assert presence_line(presence, STOCKHOLM, "en", CODES) == "Lunch until 13:00 · on the phone now"
    assert presence_line(presence, STOCKHOLM, "sv", CODES) == "Lunch till 13.00 · i telefon nu"
    assert presence_line(presence, STOCKHOLM, "nb", CODES) == "Lunsj til 13.00 · i telefonen nå"
    assert [p.source for p in presence.parts] == [Source.REFERRAL, Source.CALENDAR, Source.LINE]


def test_meeting_and_ringing_is_a_conflict() -> None:
    presence = aggregate(NOW, calendar=meeting(at(12), at(14, 30)), line=line(LineState.RINGING))
    assert presence_line(presence, STOCKHOLM, "en") == "In a meeting until 14:30 · ringing now"


def test_expired_and_scheduled_referrals_do_not_count() -> None:
    expired = Referral(entry_id=1, code="lunch", starts_at=at(11), until=at(12))
    later = Referral(entry_id=1, code="lunch", starts_at=at(13), until=at(14))
    for referral in (expired, later):
        presence = aggregate(NOW, referral=referral, line=line(LineState.BUSY))
        assert presence.headline is not None
        assert presence.headline.source is Source.LINE


def test_referral_until_tomorrow_and_open_ended_and_unknown_code() -> None:
    tomorrow = Referral(entry_id=1, code="lunch", until=at(8, 0, day=24))
    assert presence_line(aggregate(NOW, referral=tomorrow), STOCKHOLM, "sv", CODES) == "Lunch till i morgon 8.00"
    open_ended = Referral(entry_id=1, code="zzz", text="Strike")
    assert presence_line(aggregate(NOW, referral=open_ended), STOCKHOLM, "en", CODES) == "Strike"


def test_stale_or_unknown_line_says_nothing() -> None:
    assert aggregate(NOW, line=line(LineState.BUSY, seconds_ago=7200)).headline is None
    assert aggregate(NOW, line=line(LineState.UNKNOWN)).headline is None
    fresh = aggregate(NOW, line=line(LineState.BUSY, seconds_ago=7200), line_max_age=timedelta(hours=3))
    assert fresh.headline is not None


def test_free_calendar_is_not_a_part() -> None:
    free = presence_at([], NOW, STOCKHOLM)
    assert aggregate(NOW, calendar=free).parts == ()


def test_part_lines_name_source_and_age() -> None:
    presence = aggregate(NOW, referral=LUNCH, referral_set_at=at(11, 55), line=line(LineState.BUSY, 3))
    referral, phone = presence.parts
    assert referral.age(NOW) == timedelta(minutes=15)
    assert part_line(referral, NOW, STOCKHOLM, "en", CODES) == "Referral: Lunch until 13:00 (15 min ago)"
    assert part_line(phone, NOW, STOCKHOLM, "sv") == "Telefon: i telefon (nyss)"
    assert part_line(phone, NOW + timedelta(hours=2), STOCKHOLM, "nb") == "Telefon: i telefonen (for 2 t siden)"
