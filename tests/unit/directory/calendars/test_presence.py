"""Presence facts from busy blocks with fixed clocks and zones: until when, next free time, the referral."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from directory.calendars import (
    BusyBlock,
    BusyStatus,
    ClassifiedBlock,
    SubjectRules,
    apply_rules,
    presence_at,
    presence_text,
    referrals_in,
)
from directory.calendars.presence import busy_until, day_blocks
from directory.calendars.wording import block_line
from directory.referrals import DEFAULT_CODES, WorkingDays

STOCKHOLM = ZoneInfo("Europe/Stockholm")
OSLO = ZoneInfo("Europe/Oslo")


def at(day: int, hour: int, minute: int = 0, month: int = 11, zone: ZoneInfo = STOCKHOLM) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=zone)


def block(start: datetime, end: datetime, status: BusyStatus = BusyStatus.BUSY, subject: str | None = None,
          *, all_day: bool = False) -> ClassifiedBlock:
    return apply_rules(BusyBlock(start, end, status, subject=subject, all_day=all_day), SubjectRules())


def test_free_with_next_meeting_today() -> None:
    blocks = [block(at(23, 13), at(23, 14, 30))]
    presence = presence_at(blocks, at(23, 10), STOCKHOLM)
    assert presence.status is BusyStatus.FREE
    assert presence.next_free == at(23, 10)
    assert presence.next_busy is not None
    assert presence.next_busy.start == at(23, 13)
    assert presence_text(presence, STOCKHOLM, "en") == "free, busy from 13:00"
    assert presence_text(presence, STOCKHOLM, "sv") == "ledig, upptagen från 13.00"


def test_in_a_meeting_until_the_end_of_back_to_back_and_overlapping_blocks() -> None:
    blocks = [block(at(23, 13), at(23, 14)), block(at(23, 14), at(23, 14, 30)),
              block(at(23, 13, 30), at(23, 14, 15), BusyStatus.TENTATIVE), block(at(23, 16), at(23, 17))]
    presence = presence_at(blocks, at(23, 13, 10), STOCKHOLM)
    assert presence.status is BusyStatus.BUSY
    assert presence.until == presence.next_free == at(23, 14, 30)
    assert presence.next_busy is not None
    assert presence.next_busy.start == at(23, 16)
    assert presence_text(presence, STOCKHOLM, "en") == "in a meeting until 14:30"
    assert presence_text(presence, STOCKHOLM, "sv") == "i möte till 14.30"
    assert presence_text(presence, STOCKHOLM, "nb") == "i møte til 14.30"


def test_blocks_in_utc_read_in_the_operators_zone() -> None:
    blocks = [block(datetime(2026, 11, 23, 12, tzinfo=UTC), datetime(2026, 11, 23, 13, 30, tzinfo=UTC))]
    presence = presence_at(blocks, datetime(2026, 11, 23, 12, 5, tzinfo=UTC), OSLO)
    assert presence_text(presence, OSLO, "nb") == "i møte til 14.30"


def test_out_of_office_all_day_friday_is_back_monday() -> None:
    friday = block(at(27, 0), at(28, 0), BusyStatus.OUT_OF_OFFICE, all_day=True)
    presence = presence_at([friday], at(27, 9), STOCKHOLM, WorkingDays())
    assert presence.status is BusyStatus.OUT_OF_OFFICE
    assert presence.back_on == date(2026, 11, 30)
    assert presence_text(presence, STOCKHOLM, "en") == "out of office until Monday"
    assert presence_text(presence, STOCKHOLM, "sv") == "frånvarande till måndag"


def test_out_of_office_ending_tomorrow_and_far_ahead() -> None:
    one_day = block(at(23, 0), at(24, 0), BusyStatus.OUT_OF_OFFICE, all_day=True)
    presence = presence_at([one_day], at(23, 8), STOCKHOLM)
    assert presence_text(presence, STOCKHOLM, "nb") == "fraværende til i morgen"
    long = block(at(23, 0), at(14, 0, month=12), BusyStatus.OUT_OF_OFFICE, all_day=True)
    assert presence_text(presence_at([long], at(23, 8), STOCKHOLM), STOCKHOLM, "en") == "out of office until 14/12"


def test_busy_to_the_end_of_the_known_window() -> None:
    blocks = [block(at(23, 8), at(26, 0))]
    presence = presence_at(blocks, at(23, 9), STOCKHOLM, window_end=at(25, 0))
    assert presence.next_free is None
    assert presence_text(presence, STOCKHOLM, "en") == "in a meeting for the rest of the period"


def test_meeting_until_tomorrow_and_a_weekday() -> None:
    overnight = [block(at(23, 20), at(24, 9))]
    assert presence_text(presence_at(overnight, at(23, 21), STOCKHOLM), STOCKHOLM, "en") == \
        "in a meeting until tomorrow 09:00"
    trip = [block(at(23, 8), at(25, 17), BusyStatus.WORKING_ELSEWHERE)]
    assert presence_text(presence_at(trip, at(23, 9), STOCKHOLM), STOCKHOLM, "sv") == \
        "arbetar på annan plats till onsdag 17.00"


def test_coded_block_speaks_for_the_person_and_implies_a_referral() -> None:
    blocks = [block(at(23, 11), at(23, 13)), block(at(23, 12), at(23, 12, 45), subject="LUN: med Bosse")]
    presence = presence_at(blocks, at(23, 12, 10), STOCKHOLM)
    assert presence.referral is not None
    assert (presence.referral.code, presence.referral.starts_at, presence.referral.until) == \
        ("lunch", at(23, 12), at(23, 12, 45))
    assert presence.until == at(23, 13)  # the busy stretch still ends with the longer meeting
    referral = presence.referral.to_referral(7, DEFAULT_CODES, "sv")
    assert referral is not None
    assert (referral.entry_id, referral.code, referral.text, referral.set_by) == (7, "lunch", "Lunch", "calendar")
    assert referral.comment == ""  # the subject never travels with the referral


def test_out_of_office_outweighs_a_meeting_at_the_same_time() -> None:
    blocks = [block(at(23, 8), at(23, 17)), block(at(23, 0), at(24, 0), BusyStatus.OUT_OF_OFFICE, all_day=True)]
    assert presence_at(blocks, at(23, 10), STOCKHOLM).status is BusyStatus.OUT_OF_OFFICE


def test_unknown_code_gives_no_referral() -> None:
    presence = presence_at([block(at(23, 12), at(23, 13), subject="LUN: x")], at(23, 12, 30), STOCKHOLM)
    assert presence.referral is not None
    assert presence.referral.to_referral(1, {}, "sv") is None


def test_dst_change_night() -> None:
    # Clocks go back at 03:00 on 25 October 2026 in Stockholm: the 02:00-03:00 hour happens twice.
    start = datetime(2026, 10, 25, 1, 30, tzinfo=STOCKHOLM)
    end = datetime(2026, 10, 25, 4, 0, tzinfo=STOCKHOLM)
    blocks = [block(start, end)]
    inside = datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=1)  # the second 02:30
    presence = presence_at(blocks, inside, STOCKHOLM)
    assert presence.until == end
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=3, minutes=30)
    assert presence_text(presence, STOCKHOLM, "en") == "in a meeting until 04:00"


def test_busy_until_ignores_free_and_past_blocks() -> None:
    blocks = [block(at(23, 8), at(23, 9)), block(at(23, 10), at(23, 11), BusyStatus.FREE)]
    assert busy_until(blocks, at(23, 10, 30)) is None


def test_referrals_in_window_and_day_blocks() -> None:
    blocks = [block(at(23, 12), at(23, 13), subject="LUN: x"), block(at(24, 0), at(25, 0), subject="SEM: y",
                                                                   all_day=True),
              block(at(23, 15), at(23, 16), subject="Plain")]
    assert [r.code for r in referrals_in(blocks, at(23, 0), at(25, 0))] == ["lunch", "vacation"]
    assert [b.start for b in day_blocks(blocks, date(2026, 11, 23), STOCKHOLM)] == [at(23, 12), at(23, 15)]
    assert [b.start for b in day_blocks(blocks, date(2026, 11, 24), STOCKHOLM)] == [at(24, 0)]


@pytest.mark.parametrize("language", ["en", "sv", "nb", "de"])
def test_every_status_has_wording(language: str) -> None:
    for status in BusyStatus:
        if status is BusyStatus.FREE:
            continue
        presence = presence_at([block(at(23, 9), at(23, 10), status)], at(23, 9, 30), STOCKHOLM)
        assert presence_text(presence, STOCKHOLM, language)


def test_private_appointment_shows_only_as_busy() -> None:
    private = apply_rules(BusyBlock(at(23, 0), at(24, 0), BusyStatus.OUT_OF_OFFICE, subject="SEM: x", private=True,
                                    all_day=True), SubjectRules(share_details=True))
    assert private.block.status is BusyStatus.BUSY
    presence = presence_at([private], at(23, 10), STOCKHOLM)
    assert presence_text(presence, STOCKHOLM, "en") == "busy until tomorrow"
    assert presence_text(presence, STOCKHOLM, "sv") == "upptagen till i morgon"


def test_day_lines_for_the_detail_pane() -> None:
    shared = SubjectRules(share_details=True)
    lunch = apply_rules(BusyBlock(at(23, 12), at(23, 12, 45), subject="LUN: med Bosse"), shared)
    hidden = apply_rules(BusyBlock(at(23, 13), at(23, 14, 30), subject="MÖT: Budget"), SubjectRules())
    private = apply_rules(BusyBlock(at(23, 15), at(23, 16), subject="Läkare", private=True), shared)
    night = block(at(23, 22), at(24, 6))
    trip = block(at(22, 8), at(25, 17), BusyStatus.WORKING_ELSEWHERE)
    day = date(2026, 11, 23)
    assert block_line(lunch, day, STOCKHOLM, "sv") == "12.00–12.45 Lunch · LUN: med Bosse"
    assert block_line(hidden, day, STOCKHOLM, "en") == "13:00–14:30 Meeting"  # reads as its referral
    assert block_line(hidden, day, STOCKHOLM, "en", {}) == "13:00–14:30 busy"  # no such code configured
    assert block_line(private, day, STOCKHOLM, "nb") == "15.00–16.00 opptatt"
    assert block_line(night, day, STOCKHOLM, "en") == "22:00–24:00 busy"
    assert block_line(night, date(2026, 11, 24), STOCKHOLM, "en") == "00:00–06:00 busy"
    assert block_line(trip, day, STOCKHOLM, "sv") == "hela dagen arbetar på annan plats"


@pytest.mark.parametrize(("language", "expected"), [("en", "Lunch until 12:30"), ("sv", "Lunch till 12.30"),
                                                    ("nb", "Lunsj til 12.30")])
def test_a_coded_event_reads_as_its_referral_not_as_a_meeting(language: str, expected: str) -> None:
    lunch = apply_rules(BusyBlock(at(23, 12), at(23, 12, 30), subject="LUN: med Bosse"), SubjectRules())
    presence = presence_at([lunch], at(23, 12, 10), STOCKHOLM)
    assert presence.referral is not None
    assert presence_text(presence, STOCKHOLM, language, DEFAULT_CODES) == expected
    assert presence_text(presence, STOCKHOLM, language) == expected  # the built-in codes when none are given


def test_a_coded_event_whose_code_is_disabled_reads_as_the_calendar_state() -> None:
    meeting = apply_rules(BusyBlock(at(23, 13), at(23, 14), subject="MÖT: Budget"), SubjectRules())
    presence = presence_at([meeting], at(23, 13, 10), STOCKHOLM)
    codes = {"meeting": replace(DEFAULT_CODES["meeting"], enabled=False)}
    assert presence_text(presence, STOCKHOLM, "en", codes) == "in a meeting until 14:00"
