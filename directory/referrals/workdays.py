"""Working days and the operator's time zone: meeting-type referrals default to 08:00 the next working day."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SATURDAY, SUNDAY = 5, 6


class WorkingDays:
    """Monday to Friday minus ``holidays`` (public holidays come later, from configuration or a calendar)."""

    def __init__(self, holidays: Iterable[date] = (), weekend: Iterable[int] = (SATURDAY, SUNDAY)) -> None:
        self.holidays = frozenset(holidays)
        self.weekend = frozenset(weekend)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        candidate = day + timedelta(days=1)
        for _ in range(366):
            if self.is_working_day(candidate):
                return candidate
            candidate += timedelta(days=1)
        raise ValueError("no working day within a year: check the holidays and weekend configured")


def at_local(day: date, clock: time, zone: tzinfo) -> datetime:
    """``day`` at ``clock`` in ``zone``; a time skipped by a DST change moves forward past the gap."""
    naive = datetime.combine(day, clock)
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def local_zone(name: str = "") -> ZoneInfo:
    """The named IANA zone, else the computer's own (TZ, /etc/timezone, /etc/localtime), else UTC.

    Raises ValueError for a name that is not a known zone. (Windows needs the ``tzdata`` package.)
    """
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r}; expected a name such as 'Europe/Stockholm'") from None
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()).partition("zoneinfo/")[2])
    for candidate in candidates:
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")
