"""Reading a GetUserAvailability FreeBusyView element straight from the parsed XML.

exchangelib builds a full object tree for every view (FreeBusyView, CalendarEvent, details, working
hours), which cost about 2 ms per mailbox; these few elements are all we read. Times in the view are
wall-clock times in the zone the request named, without an offset (some servers add "Z" or one).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from directory.calendars.model import BusyBlock, BusyStatus

TYPES = "{http://schemas.microsoft.com/exchange/services/2006/types}"
_STATUS = {"Free": BusyStatus.FREE, "Tentative": BusyStatus.TENTATIVE, "Busy": BusyStatus.BUSY,
           "OOF": BusyStatus.OUT_OF_OFFICE, "WorkingElsewhere": BusyStatus.WORKING_ELSEWHERE,
           "NoData": BusyStatus.UNKNOWN}


def _time(text: str | None, zone: ZoneInfo) -> datetime:
    if not text:
        raise ValueError("a calendar event without a start or end time")
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _text(element: Any, name: str) -> str | None:
    found = element.find(f"{TYPES}{name}")
    return None if found is None else (found.text or "")


def all_day(start: datetime, end: datetime) -> bool:
    """EWS free/busy has no all-day flag: an event from midnight to midnight (local) is one."""
    return (start.hour, start.minute, end.hour, end.minute) == (0, 0, 0, 0) and end - start >= timedelta(hours=23)


def view_blocks(view: Any, zone: ZoneInfo) -> list[BusyBlock]:
    """The busy blocks of one FreeBusyView element (lxml); raises ValueError on malformed events."""
    blocks = []
    for event in view.iter(f"{TYPES}CalendarEvent"):
        start, end = _time(_text(event, "StartTime"), zone), _time(_text(event, "EndTime"), zone)
        if end <= start:
            continue
        details = event.find(f"{TYPES}CalendarEventDetails")
        private = details is not None and (_text(details, "IsPrivate") or "").strip().lower() == "true"
        blocks.append(BusyBlock(
            start, end, _STATUS.get((_text(event, "BusyType") or "").strip(), BusyStatus.UNKNOWN),
            subject=_text(details, "Subject") if details is not None else None,
            location=_text(details, "Location") if details is not None else None,
            private=private, all_day=all_day(start, end)))
    return blocks
