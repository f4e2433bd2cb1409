"""Exchange Server free/busy through exchangelib against the EWS protocol fixture (Exchange cannot run here).

The fixture answers with Microsoft's documented SOAP shapes; these tests check our use of exchangelib:
time zones (Windows names, DST), per-mailbox errors, sharing levels, batching and the error responses.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from directory.calendars import (
    BusyStatus,
    CalendarAuthError,
    CalendarError,
    CalendarThrottledError,
    EwsAuth,
    ExchangeSettings,
    Mailbox,
    MailboxProblem,
    SubjectRules,
    refresh_source,
)
from directory.calendars.ews import ExchangeProvider
from tests.helpers.ews_fixture import EwsFixture, FixtureEvent, start_ews_fixture

pytestmark = pytest.mark.integration
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=STOCKHOLM)


@pytest.fixture
def ews() -> Iterator[tuple[str, EwsFixture]]:
    state = EwsFixture()
    state.calendars = {
        "anna@region.se": [
            FixtureEvent(at(11, 23, 13), at(11, 23, 14, 30), "Busy", "MÖT: Budget", "Rum 4"),
            FixtureEvent(at(11, 23, 12), at(11, 23, 12, 45), "Busy", "LUN: med Bosse", "", meeting=False),
            FixtureEvent(at(11, 24, 0), at(11, 25, 0), "OOF", "SEM: Lappland", private=True),
            FixtureEvent(at(11, 23, 15), at(11, 23, 16), "Tentative", "Kanske & <kanske>", "Sal \"A\""),
        ],
        "bo@region.se": [],
        "secret@region.se": [FixtureEvent(at(11, 23, 9), at(11, 23, 10))],
    }
    state.no_access = {"secret@region.se"}
    server, _ = start_ews_fixture(state)
    try:
        yield f"{server.url}/EWS/Exchange.asmx", state
    finally:
        server.stop()


def provider(endpoint: str, *, password: str = "secret", batch_size: int | None = 100) -> ExchangeProvider:
    settings = ExchangeSettings(name="onprem", batch_size=batch_size, service_endpoint=endpoint,
                                auth=EwsAuth.BASIC, username="svc-switchboard", password=password,
                                server_version="15.1.2507.6")
    return ExchangeProvider(settings, "Europe/Stockholm")


def test_free_busy_per_mailbox_with_details_private_and_errors(ews: tuple[str, EwsFixture]) -> None:
    client = provider(ews[0])
    try:
        results = client.free_busy(["anna@region.se", "nobody@region.se", "bo@region.se", "secret@region.se"],
                                   at(11, 23, 0), at(11, 25, 0))
    finally:
        client.close()
    anna = results["anna@region.se"]
    assert anna.ok
    by_start = {b.start: b for b in anna.blocks}
    meeting = by_start[at(11, 23, 13)]
    assert (meeting.end, meeting.status, meeting.subject, meeting.location) == \
        (at(11, 23, 14, 30), BusyStatus.BUSY, "MÖT: Budget", "Rum 4")
    assert by_start[at(11, 23, 15)].subject == "Kanske & <kanske>"
    assert by_start[at(11, 23, 15)].status is BusyStatus.TENTATIVE
    vacation = by_start[at(11, 24, 0)]
    assert (vacation.status, vacation.private, vacation.all_day, vacation.subject) == \
        (BusyStatus.OUT_OF_OFFICE, True, True, None)
    assert results["nobody@region.se"].problem is MailboxProblem.UNKNOWN_MAILBOX
    assert "ErrorMailRecipientNotFound" in results["nobody@region.se"].reason
    assert results["secret@region.se"].problem is MailboxProblem.ACCESS_DENIED
    assert results["bo@region.se"].ok
    assert results["bo@region.se"].blocks == ()


def test_times_across_the_dst_change_in_a_windows_time_zone(ews: tuple[str, EwsFixture]) -> None:
    _, state = ews
    state.calendars["bo@region.se"] = [FixtureEvent(at(10, 24, 10), at(10, 24, 11)),  # CEST, UTC+2
                                       FixtureEvent(at(10, 26, 10), at(10, 26, 11))]  # CET, UTC+1
    client = provider(ews[0])
    try:
        blocks = client.free_busy(["bo@region.se"], at(10, 23, 0), at(10, 28, 0))["bo@region.se"].blocks
    finally:
        client.close()
    assert [(b.start, b.end) for b in blocks] == [(at(10, 24, 10), at(10, 24, 11)), (at(10, 26, 10), at(10, 26, 11))]
    assert blocks[0].start.utcoffset() == timedelta(hours=2)
    assert blocks[1].start.utcoffset() == timedelta(hours=1)


def test_free_busy_only_sharing_gives_times_without_subjects(ews: tuple[str, EwsFixture]) -> None:
    _, state = ews
    state.details_shared = False
    client = provider(ews[0])
    try:
        anna = client.free_busy(["anna@region.se"], at(11, 23, 0), at(11, 24, 0))["anna@region.se"]
    finally:
        client.close()
    assert len(anna.blocks) == 3
    assert all(b.subject is None and b.location is None for b in anna.blocks)


def test_a_large_batch_stays_within_the_mailbox_limit(ews: tuple[str, EwsFixture]) -> None:
    _, state = ews
    addresses = [f"user{i}@region.se" for i in range(250)]
    state.calendars.update({a: [FixtureEvent(at(11, 23, 12), at(11, 23, 13), subject="LUN: x")] for a in addresses})
    client = provider(ews[0], batch_size=None)  # unset: the protocol's limit
    try:
        result = refresh_source("onprem", client, [Mailbox(i, a) for i, a in enumerate(addresses)], SubjectRules(),
                                start=at(11, 23, 0), end=at(11, 24, 0), now=at(11, 23, 8),
                                semaphore=threading.BoundedSemaphore(2), workers=2)
    finally:
        client.close()
    assert result.failure is None
    assert sorted(state.mailbox_counts) == [50, 100, 100]
    assert len(result.calendars) == 250
    assert all(c.blocks[0].code == "lunch" and c.blocks[0].block.subject is None for c in result.calendars)


def test_server_busy_is_throttling_with_the_servers_back_off(ews: tuple[str, EwsFixture]) -> None:
    _, state = ews
    state.busy_replies, state.back_off_ms = 1, 30000
    client = provider(ews[0])
    try:
        with pytest.raises(CalendarThrottledError) as caught:
            client.free_busy(["anna@region.se"], at(11, 23, 0), at(11, 24, 0))
        assert caught.value.retry_after == 30.0
        assert client.free_busy(["anna@region.se"], at(11, 23, 0), at(11, 24, 0))["anna@region.se"].ok
    finally:
        client.close()


def test_refused_credentials_and_malformed_answers(ews: tuple[str, EwsFixture]) -> None:
    client = provider(ews[0], password="wrong")
    try:
        with pytest.raises(CalendarAuthError):
            client.free_busy(["anna@region.se"], at(11, 23, 0), at(11, 24, 0))
    finally:
        client.close()
    _, state = ews
    state.malformed_replies = 1
    client = provider(ews[0])
    try:
        with pytest.raises(CalendarError):
            client.free_busy(["anna@region.se"], at(11, 23, 0), at(11, 24, 0))
    finally:
        client.close()


def test_a_huge_calendar_with_overlapping_events(ews: tuple[str, EwsFixture]) -> None:
    _, state = ews
    start = at(11, 23, 0)
    state.calendars["bo@region.se"] = [FixtureEvent(start + timedelta(minutes=7 * i), start + timedelta(
        minutes=7 * i + 30), "Busy", f"Möte {i}") for i in range(2000)]
    client = provider(ews[0])
    try:
        blocks = client.free_busy(["bo@region.se"], start, start + timedelta(days=14))["bo@region.se"].blocks
    finally:
        client.close()
    assert len(blocks) == 2000
    assert blocks[-1].subject == "Möte 1999"


def test_ntlm_authentication(ews: tuple[str, EwsFixture], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """NTLM, the usual on-premises choice: the fixture runs the real handshake (pyspnego as acceptor)."""
    users = tmp_path / "ntlm-users.txt"
    users.write_text("REGION:svc-switchboard:secret\n", encoding="utf-8")
    monkeypatch.setenv("NTLM_USER_FILE", str(users))
    endpoint, state = ews
    state.auth_scheme = "ntlm"
    for password, works in (("secret", True), ("wrong", False)):
        settings = ExchangeSettings(name="onprem", service_endpoint=endpoint, auth=EwsAuth.NTLM,
                                    username="REGION\\svc-switchboard", password=password,
                                    server_version="15.1.2507.6")
        client = ExchangeProvider(settings, "Europe/Stockholm")
        try:
            if works:
                assert client.free_busy(["anna@region.se"], at(11, 23, 0), at(11, 24, 0))["anna@region.se"].ok
            else:
                with pytest.raises(CalendarAuthError):
                    client.free_busy(["anna@region.se"], at(11, 23, 0), at(11, 24, 0))
        finally:
            client.close()
    assert state.ntlm_principals == ["REGION\\svc-switchboard"]
