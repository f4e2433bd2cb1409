"""CalDAV free/busy through the `caldav` client against a real Radicale on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from directory.calendars import (
    BusyStatus,
    CalDavSettings,
    CalendarError,
    MailboxProblem,
    SubjectRules,
    apply_rules,
    presence_at,
)
from directory.calendars.caldav_provider import CalDavProvider
from tests.helpers.processes import free_port
from tests.helpers.radicale import fill_calendar, ics_event, radicale_server

pytestmark = pytest.mark.integration
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=STOCKHOLM)


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as url:
        fill_calendar(url, "anna", [
            ics_event("lunch", at(23, 12), at(23, 12, 45), "LUN: med Bosse"),
            ics_event("budget", at(23, 13), at(23, 14, 30), "MÖT: Budget", extra="LOCATION:Rum 4\r\n"),
            ics_event("standup", at(23, 9), at(23, 9, 15), "Standup", extra="RRULE:FREQ=DAILY;COUNT=5\r\n"),
            ics_event("vacation", date(2026, 11, 25), date(2026, 11, 27), "SEM: Lappland", all_day=True,
                      private=True),
            ics_event("maybe", at(23, 15), at(23, 16), "Kanske", extra="STATUS:TENTATIVE\r\n"),
            ics_event("oof", at(24, 13), at(24, 17), "Tandläkare",
                      extra="X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\n"),
            ics_event("free", at(23, 10), at(23, 11), "Fika", extra="TRANSP:TRANSPARENT\r\n"),
            ics_event("cancelled", at(23, 16), at(23, 17), "Inställt", extra="STATUS:CANCELLED\r\n"),
            ics_event("dst", at(24, 10, month=10), at(26, 10, month=10), "Kurs"),
        ])
        fill_calendar(url, "bo", [])
        yield url


def provider(url: str, *, read_events: bool = True) -> CalDavProvider:
    return CalDavProvider(CalDavSettings(name="dav", url=url, username="svc-switchboard", password="x",
                                         read_events=read_events), "Europe/Stockholm")


def test_events_with_codes_recurrences_private_and_all_day(radicale: str) -> None:
    client = provider(radicale)
    try:
        results = client.free_busy(["anna@region.se", "bo@region.se", "nobody@region.se"], at(23, 0), at(28, 0))
    finally:
        client.close()
    anna = results["anna@region.se"]
    assert anna.ok, anna.reason
    by_start = {b.start: b for b in anna.blocks}
    assert (by_start[at(23, 13)].subject, by_start[at(23, 13)].location) == ("MÖT: Budget", "Rum 4")
    assert [b.start for b in anna.blocks if b.subject == "Standup"] == [at(d, 9) for d in range(23, 28)]
    vacation = by_start[at(25, 0)]
    assert (vacation.end, vacation.all_day, vacation.private) == (at(27, 0), True, True)
    assert by_start[at(23, 15)].status is BusyStatus.TENTATIVE
    assert by_start[at(24, 13)].status is BusyStatus.OUT_OF_OFFICE
    assert by_start[at(23, 10)].status is BusyStatus.FREE
    assert at(23, 16) not in by_start  # cancelled
    assert results["bo@region.se"].ok
    assert results["bo@region.se"].blocks == ()
    assert results["nobody@region.se"].problem is MailboxProblem.UNKNOWN_MAILBOX

    rules = SubjectRules(private_refers=True)
    classified = [apply_rules(b, rules) for b in anna.blocks]
    lunch = presence_at(classified, at(23, 12, 10), STOCKHOLM)
    assert lunch.referral is not None
    assert (lunch.referral.code, lunch.referral.until) == ("lunch", at(23, 12, 45))
    away = presence_at(classified, at(25, 10), STOCKHOLM)
    assert away.referral is not None
    assert away.referral.code == "vacation"
    assert all(c.block.subject is None for c in classified)  # this source does not share details


def test_times_across_the_dst_change(radicale: str) -> None:
    client = provider(radicale)
    try:
        blocks = client.free_busy(["anna@region.se"], at(23, 0, month=10), at(28, 0, month=10))["anna@region.se"]
    finally:
        client.close()
    course = next(b for b in blocks.blocks if b.subject == "Kurs")
    assert (course.start, course.end) == (at(24, 10, month=10), at(26, 10, month=10))
    assert course.start.utcoffset() != course.end.utcoffset()


def test_free_busy_query_gives_times_only(radicale: str) -> None:
    client = provider(radicale, read_events=False)
    try:
        anna = client.free_busy(["anna@region.se"], at(23, 0), at(24, 0))["anna@region.se"]
    finally:
        client.close()
    assert anna.ok
    assert all(b.subject is None for b in anna.blocks)
    spans = [(b.start, b.end) for b in anna.blocks]
    assert (at(23, 13), at(23, 14, 30)) in spans
    assert (at(23, 10), at(23, 11)) not in spans  # transparent


def test_server_down_fails_the_request_not_a_mailbox() -> None:
    client = provider(f"http://127.0.0.1:{free_port()}")
    try:
        with pytest.raises(CalendarError):
            client.free_busy(["anna@region.se"], at(23, 0), at(24, 0))
    finally:
        client.close()
