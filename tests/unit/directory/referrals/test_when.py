"""The return-time parser: Swedish, Norwegian and English forms, next future occurrence, clear errors."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from directory.referrals.when import WhenError, WhenProblem, parse_when

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FRIDAY_1405 = datetime(2026, 11, 20, 14, 5, tzinfo=STOCKHOLM)  # a Friday


def at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


@pytest.mark.parametrize(("text", "expected"), [
    # a clock time alone: today's if still ahead, else tomorrow's
    ("15", at(11, 20, 15)),
    ("13", at(11, 21, 13)),
    ("13:30", at(11, 21, 13, 30)),
    ("1330", at(11, 21, 13, 30)),
    ("13.30", at(11, 21, 13, 30)),
    ("830", at(11, 21, 8, 30)),
    ("8", at(11, 21, 8)),
    ("kl. 15", at(11, 20, 15)),
    ("kl 15.45", at(11, 20, 15, 45)),
    ("at 16:00", at(11, 20, 16)),
    ("tillbaka 16", at(11, 20, 16)),
    ("8 imorgon", at(11, 21, 8)),
    ("3pm", at(11, 20, 15)),
    ("1:30 pm", at(11, 21, 13, 30)),
    ("12am", at(11, 21, 0)),
    ("12 p.m.", at(11, 21, 12)),
    ("tomorrow 9am", at(11, 21, 9)),
    # days
    ("tomorrow 8", at(11, 21, 8)),
    ("imorgon 8", at(11, 21, 8)),
    ("i morgon 8", at(11, 21, 8)),
    ("i morgen kl. 9.15", at(11, 21, 9, 15)),
    ("Imorgon", at(11, 21, 8)),
    ("i övermorgon 10", at(11, 22, 10)),
    ("idag 16", at(11, 20, 16)),
    ("today 23:59", at(11, 20, 23, 59)),
    ("måndag", at(11, 23, 8)),
    ("mandag", at(11, 23, 8)),
    ("mon", at(11, 23, 8)),
    ("Monday 13", at(11, 23, 13)),
    ("on monday at 13", at(11, 23, 13)),
    ("tis 9", at(11, 24, 9)),
    ("fre 16", at(11, 20, 16)),  # still ahead today
    ("fre 12", at(11, 27, 12)),  # passed today: next week's
    ("fredag", at(11, 27, 8)),
    ("lørdag 10", at(11, 21, 10)),
    ("sön 18", at(11, 22, 18)),
    ("nästa måndag 10", at(11, 23, 10)),
    ("fre.", at(11, 27, 8)),
    # dates, day first
    ("2/12", at(12, 2, 8)),
    ("2/12 10", at(12, 2, 10)),
    ("2/12 kl. 10.30", at(12, 2, 10, 30)),
    ("2.12.", at(12, 2, 8)),
    ("2.12.2026 9", at(12, 2, 9)),
    ("1/1", at(1, 1, 8, year=2027)),
    ("20/11", at(11, 20, 8, year=2027)),  # today's 08:00 has passed: next year's
    ("20/11 15", at(11, 20, 15)),
    ("2 dec", at(12, 2, 8)),
    ("2. desember 12", at(12, 2, 12)),
    ("december 2", at(12, 2, 8)),
    ("15 januari", at(1, 15, 8, year=2027)),
    ("2026-12-02 10:00", at(12, 2, 10)),
    ("next week", at(11, 23, 8)),
    ("nästa vecka", at(11, 23, 8)),
    ("neste uke 9", at(11, 23, 9)),
    # durations from now
    ("+30", at(11, 20, 14, 35)),
    ("+30m", at(11, 20, 14, 35)),
    ("30 min", at(11, 20, 14, 35)),
    ("30min", at(11, 20, 14, 35)),
    ("om 30 minuter", at(11, 20, 14, 35)),
    ("in 45 minutes", at(11, 20, 14, 50)),
    ("2h", at(11, 20, 16, 5)),
    ("2 timmar", at(11, 20, 16, 5)),
    ("2 timer", at(11, 20, 16, 5)),
    ("+1,5t", at(11, 20, 15, 35)),
    ("1h30", at(11, 20, 15, 35)),
    ("1 h 30 min", at(11, 20, 15, 35)),
    ("+2d", at(11, 22, 14, 5)),
])
def test_understood(text: str, expected: datetime) -> None:
    result = parse_when(text, FRIDAY_1405, STOCKHOLM)
    assert result == expected
    assert result.tzinfo is STOCKHOLM
    assert result > FRIDAY_1405


@pytest.mark.parametrize(("text", "problem", "word"), [
    ("", WhenProblem.EMPTY, ""),
    ("   ", WhenProblem.EMPTY, ""),
    ("kl.", WhenProblem.EMPTY, ""),
    ("blah", WhenProblem.UNKNOWN_WORD, "blah"),
    ("lunch 13", WhenProblem.UNKNOWN_WORD, "lunch"),
    ("+30 parsecs", WhenProblem.UNKNOWN_WORD, "parsecs"),
    ("25", WhenProblem.BAD_TIME, "25"),
    ("13:61", WhenProblem.BAD_TIME, "13:61"),
    ("2460", WhenProblem.BAD_TIME, "2460"),
    ("31/2", WhenProblem.BAD_DATE, "31/2"),
    ("0/5", WhenProblem.BAD_DATE, "0/5"),
    ("13 14", WhenProblem.TWICE, "14"),
    ("13pm", WhenProblem.BAD_TIME, "13pm"),
    ("13:", WhenProblem.UNKNOWN_WORD, "13:"),
    ("imorgon måndag", WhenProblem.TWICE, "måndag"),
    ("idag 9", WhenProblem.PAST, "2026-11-20 09:00"),
    ("2/12/2020", WhenProblem.PAST, "2020-12-02 08:00"),
    ("+0", WhenProblem.PAST, "+0"),
    ("1/1/2030", WhenProblem.TOO_FAR, "2030-01-01 08:00"),
])
def test_nonsense_is_explained(text: str, problem: WhenProblem, word: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_when(text, FRIDAY_1405, STOCKHOLM)
    assert caught.value.problem is problem
    assert caught.value.word == word
    assert str(caught.value)


def test_default_time_for_a_day_alone_is_the_callers_choice() -> None:
    assert parse_when("next week", FRIDAY_1405, STOCKHOLM, default_time=time(0, 0)) == at(11, 23, 0)


def test_utc_now_is_read_in_the_operators_zone() -> None:
    now = datetime(2026, 11, 20, 22, 30, tzinfo=UTC)  # 23:30 in Stockholm, already Saturday in no sense
    assert parse_when("23:45", now, STOCKHOLM) == at(11, 20, 23, 45)
    assert parse_when("imorgon 8", now, STOCKHOLM) == at(11, 21, 8)
    assert parse_when("8", now, ZoneInfo("Asia/Tokyo")) == datetime(2026, 11, 21, 8, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("13", datetime(2026, 11, 20, 12), STOCKHOLM)


def test_daylight_saving_changes() -> None:
    saturday = datetime(2026, 3, 28, 12, tzinfo=STOCKHOLM)  # clocks go forward at 02:00 on Sunday 29 March
    assert parse_when("imorgon 2:30", saturday, STOCKHOLM) == datetime(2026, 3, 29, 3, 30, tzinfo=STOCKHOLM)
    assert parse_when("imorgon 12", saturday, STOCKHOLM).utcoffset().total_seconds() == 7200  # type: ignore[union-attr]
    before = datetime(2026, 3, 29, 1, 30, tzinfo=STOCKHOLM)
    assert parse_when("+60", before, STOCKHOLM) == datetime(2026, 3, 29, 3, 30, tzinfo=STOCKHOLM)  # one real hour
