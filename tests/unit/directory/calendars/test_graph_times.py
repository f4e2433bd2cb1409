"""Graph's dateTimeTimeZone values: seven fractional digits, UTC, IANA and Windows zone names."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from directory.calendars.graph import _moment


def test_utc_with_seven_fraction_digits() -> None:
    assert _moment({"dateTime": "2026-11-23T12:00:00.0000000", "timeZone": "UTC"}) == \
        datetime(2026, 11, 23, 12, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["W. Europe Standard Time", "Europe/Oslo"])
def test_windows_and_iana_names(zone: str) -> None:
    moment = _moment({"dateTime": "2026-07-01T09:30:00", "timeZone": zone})
    assert moment == datetime(2026, 7, 1, 9, 30, tzinfo=ZoneInfo("Europe/Oslo"))


def test_unknown_zone_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        _moment({"dateTime": "2026-07-01T09:30:00", "timeZone": "Mars Standard Time"})
