"""Reading FreeBusyView elements: local wall-clock times, "Z" times, private flags, malformed events."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from directory.calendars import BusyStatus
from directory.calendars.ews_parse import view_blocks

STOCKHOLM = ZoneInfo("Europe/Stockholm")
T = "http://schemas.microsoft.com/exchange/services/2006/types"


def view(events: str) -> ET.Element:
    return ET.fromstring(f'<FreeBusyView xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">'
                            f'<CalendarEventArray xmlns="{T}">{events}</CalendarEventArray></FreeBusyView>')


def test_local_and_utc_times_details_and_private() -> None:
    blocks = view_blocks(view(
        "<CalendarEvent><StartTime>2026-11-23T13:00:00</StartTime><EndTime>2026-11-23T14:30:00</EndTime>"
        "<BusyType>Busy</BusyType><CalendarEventDetails><Subject>MÖT: Budget</Subject><Location>Rum 4</Location>"
        "<IsPrivate>false</IsPrivate></CalendarEventDetails></CalendarEvent>"
        "<CalendarEvent><StartTime>2026-11-23T23:00:00Z</StartTime><EndTime>2026-11-24T23:00:00Z</EndTime>"
        "<BusyType>OOF</BusyType><CalendarEventDetails><IsPrivate>true</IsPrivate></CalendarEventDetails>"
        "</CalendarEvent>"
        "<CalendarEvent><StartTime>2026-11-23T15:00:00</StartTime><EndTime>2026-11-23T15:00:00</EndTime>"
        "<BusyType>Busy</BusyType></CalendarEvent>"), STOCKHOLM)
    meeting, away = blocks
    assert (meeting.start, meeting.subject, meeting.location, meeting.private) == \
        (datetime(2026, 11, 23, 13, tzinfo=STOCKHOLM), "MÖT: Budget", "Rum 4", False)
    assert (away.start, away.status, away.private, away.all_day, away.subject) == \
        (datetime(2026, 11, 24, tzinfo=STOCKHOLM), BusyStatus.OUT_OF_OFFICE, True, True, None)


def test_free_busy_only_view_has_no_details() -> None:
    element = view("<CalendarEvent><StartTime>2026-11-23T13:00:00</StartTime><EndTime>2026-11-23T14:00:00</EndTime>"
                   "<BusyType>Tentative</BusyType></CalendarEvent>")
    [block] = view_blocks(element, STOCKHOLM)
    assert (block.status, block.subject, block.location) == (BusyStatus.TENTATIVE, None, None)


def test_malformed_event_is_an_error() -> None:
    with pytest.raises(ValueError, match="without a start"):
        view_blocks(view("<CalendarEvent><EndTime>2026-11-23T14:00:00</EndTime></CalendarEvent>"), STOCKHOLM)
    with pytest.raises(ValueError, match="Invalid isoformat"):
        view_blocks(view("<CalendarEvent><StartTime>soon</StartTime><EndTime>later</EndTime></CalendarEvent>"),
                    STOCKHOLM)
