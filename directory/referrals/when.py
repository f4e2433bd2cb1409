"""Parsing the return time an operator types: "13", "13:30", "1330", "imorgon 8", "fre 12", "2/12 10", "+30".

Pure: the caller passes ``now`` and the operator's zone. A clock time or weekday without a date means its
next future occurrence ("13" at 14:05 is tomorrow 13:00); a day without a clock time means ``default_time``
on that day. Relative forms ("+30", "30 min", "2h", "1h30") count from ``now``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from directory.referrals import when_words as words
from directory.referrals.workdays import at_local

LONGEST_AHEAD = timedelta(days=2 * 366)


class WhenProblem(StrEnum):
    EMPTY = "empty"
    UNKNOWN_WORD = "unknown_word"
    BAD_TIME = "bad_time"
    BAD_DATE = "bad_date"
    TWICE = "twice"
    PAST = "past"
    TOO_FAR = "too_far"


class WhenError(ValueError):
    """Why a return time was not understood. ``problem`` is for translated messages; ``word`` the culprit."""

    def __init__(self, problem: WhenProblem, word: str = "") -> None:
        messages = {
            WhenProblem.EMPTY: "no time given",
            WhenProblem.UNKNOWN_WORD: f"'{word}' is not a time, date, weekday or duration",
            WhenProblem.BAD_TIME: f"'{word}' is not a time of day (00:00 to 23:59)",
            WhenProblem.BAD_DATE: f"'{word}' is not a date in the calendar",
            WhenProblem.TWICE: f"'{word}' gives a second day or time",
            WhenProblem.PAST: f"{word} has already passed",
            WhenProblem.TOO_FAR: f"{word} is more than two years ahead",
        }
        super().__init__(messages[problem])
        self.problem, self.word = problem, word


_RELATIVE = re.compile(r"^\+?\s*(\d+(?:[.,]\d+)?)\s*([a-zåäöæø]*)$")
_HOURS_MINUTES = re.compile(r"^\+?\s*(\d+)\s*(?:h|t|tim|timmar|timer|hours?)\s*(\d+)\s*(?:m|min|minuter|minutter)?$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_COMPACT_CLOCK = re.compile(r"^(\d{1,2})(\d{2})$")
_TWELVE_HOUR = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
_DOT_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$")  # "2.12." or "2.12.2026"; "2.12" is a time
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_NUMBER = re.compile(r"^(\d{1,2})\.?$")


@dataclass
class _Parts:
    day: date | None = None
    weekday: int | None = None
    year_given: bool = True
    clock: time | None = None

    def set_day(self, word: str, day: date | None = None, weekday: int | None = None, *, year: bool = True) -> None:
        if self.day is not None or self.weekday is not None:
            raise WhenError(WhenProblem.TWICE, word)
        self.day, self.weekday, self.year_given = day, weekday, year


def _normalise(text: str) -> str:
    text = " ".join(re.sub(r"(?<!\d),|,(?!\d)", " ", text.lower()).split())  # "1,5t" keeps its comma
    for pattern, token in words.PHRASES:
        text = pattern.sub(token, text)
    return re.sub(r"(\d)\s*([ap])\.?m\.?(?=\s|$)", r"\1\2m", text)  # "1 p.m." -> "1pm"


def _relative(text: str) -> timedelta | None:
    if match := _HOURS_MINUTES.match(text):
        return timedelta(hours=int(match[1]), minutes=int(match[2]))
    match = _RELATIVE.match(text)
    if match is None or (not text.startswith("+") and not match[2]):
        return None
    amount, unit = float(match[1].replace(",", ".")), match[2]
    if unit in ("", *words.MINUTE_UNITS):
        return timedelta(minutes=amount)
    if unit in words.HOUR_UNITS:
        return timedelta(hours=amount)
    if unit in words.DAY_UNITS:
        return timedelta(days=amount)
    if text.startswith("+"):
        raise WhenError(WhenProblem.UNKNOWN_WORD, unit)
    return None  # "2 dec" is a date


def _date(word: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WhenError(WhenProblem.BAD_DATE, word) from None


def _clock(word: str, hour: int, minute: int) -> time:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise WhenError(WhenProblem.BAD_TIME, word)
    return time(hour, minute)


def _full_year(text: str | None, today: date) -> int:
    if text is None:
        return today.year
    return int(text) + (2000 if len(text) == 2 else 0)


def _read_tokens(tokens: list[str], today: date) -> _Parts:
    parts = _Parts()
    i = 0
    while i < len(tokens):
        token = tokens[i].rstrip(".")
        following = tokens[i + 1].rstrip(".") if i + 1 < len(tokens) else ""
        i += 1
        if token in words.DAY_OFFSETS:
            parts.set_day(token, today + timedelta(days=words.DAY_OFFSETS[token]))
        elif token == words.NEXT_WEEK:
            parts.set_day(token, today + timedelta(days=7 - today.weekday()))
        elif token in words.WEEKDAYS:
            parts.set_day(token, weekday=words.WEEKDAYS[token])
        elif (match := _DAY_NUMBER.match(tokens[i - 1])) and following in words.MONTHS:  # "2 dec", "2. desember"
            parts.set_day(token, _date(token, today.year, words.MONTHS[following], int(match[1])), year=False)
            i += 1
        elif token in words.MONTHS and (match := _DAY_NUMBER.match(following)):  # "December 2"
            parts.set_day(token, _date(token, today.year, words.MONTHS[token], int(match[1])), year=False)
            i += 1
        elif match := (_SLASH_DATE.match(tokens[i - 1]) or _DOT_DATE.match(tokens[i - 1])):
            word, year = tokens[i - 1], _full_year(match[3], today)
            parts.set_day(word, _date(word, year, int(match[2]), int(match[1])), year=match[3] is not None)
        elif match := _ISO_DATE.match(token):
            parts.set_day(token, _date(token, int(match[1]), int(match[2]), int(match[3])))
        elif match := _TWELVE_HOUR.match(token):
            hour = int(match[1])
            if parts.clock is not None:
                raise WhenError(WhenProblem.TWICE, token)
            if not 1 <= hour <= 12:
                raise WhenError(WhenProblem.BAD_TIME, token)
            parts.clock = _clock(token, hour % 12 + (12 if match[3] == "pm" else 0), int(match[2] or 0))
        elif match := (_CLOCK.match(token) or _COMPACT_CLOCK.match(token)):
            if parts.clock is not None:
                raise WhenError(WhenProblem.TWICE, token)
            parts.clock = _clock(token, int(match[1]), int(match[2] or 0))
        elif len(token) == 3 and token.isdigit():  # "830"
            if parts.clock is not None:
                raise WhenError(WhenProblem.TWICE, token)
            parts.clock = _clock(token, int(token[0]), int(token[1:]))
        else:
            raise WhenError(WhenProblem.UNKNOWN_WORD, tokens[i - 1])
    return parts


def _show(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def parse_when(text: str, now: datetime, zone: ZoneInfo, *, default_time: time = time(8, 0)) -> datetime:
    """The moment ``text`` means, in ``zone``, strictly after ``now`` (an aware datetime).

    Raises WhenError for empty input, unknown words, impossible times or dates, or a moment in the past.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    local_now = now.astimezone(zone)
    normal = " ".join(word for word in _normalise(text).split() if word not in words.FILLERS)
    if not normal:
        raise WhenError(WhenProblem.EMPTY)
    if (delta := _relative(normal)) is not None:
        result = (now.astimezone(UTC) + delta).astimezone(zone)  # real minutes, across DST changes too
        if delta <= timedelta(0):
            raise WhenError(WhenProblem.PAST, text.strip())
    else:
        result = _resolve(_read_tokens(normal.split(), local_now.date()), local_now, zone, default_time, text)
    if result - local_now > LONGEST_AHEAD:
        raise WhenError(WhenProblem.TOO_FAR, _show(result))
    return result.astimezone(zone).replace(second=0, microsecond=0)


def _resolve(parts: _Parts, now: datetime, zone: ZoneInfo, default_time: time, text: str) -> datetime:
    if parts.day is None and parts.weekday is None and parts.clock is None:
        raise WhenError(WhenProblem.EMPTY)
    clock = parts.clock if parts.clock is not None else default_time
    today = now.date()
    if parts.weekday is not None:  # this week's if still ahead, else next week's
        day = today + timedelta(days=(parts.weekday - today.weekday()) % 7)
        moment = at_local(day, clock, zone)
        return moment if moment > now else at_local(day + timedelta(days=7), clock, zone)
    if parts.day is None:  # a clock time alone: today's if still ahead, else tomorrow's
        moment = at_local(today, clock, zone)
        return moment if moment > now else at_local(today + timedelta(days=1), clock, zone)
    moment = at_local(parts.day, clock, zone)
    if moment <= now and not parts.year_given:  # "2/12" in December after the 2nd: next year's
        moment = at_local(_date(text, parts.day.year + 1, parts.day.month, parts.day.day), clock, zone)
    if moment <= now:
        raise WhenError(WhenProblem.PAST, _show(moment))
    return moment
