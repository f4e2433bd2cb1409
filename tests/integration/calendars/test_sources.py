"""Several calendar sources at once: EWS (protocol fixture), Graph (protocol fixture) and a real Radicale.
A throttled source backs off on its own; the others refresh and feed the book."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from directory.calendars import (
    BusyStatus,
    CalDavSettings,
    CalendarSources,
    CalendarSourceSettings,
    EwsAuth,
    ExchangeSettings,
    FailureKind,
    GraphSettings,
    presence_text,
)
from directory.model import Entry, EntryKind
from tests.helpers.certs import make_server_tls
from tests.helpers.ews_fixture import EwsFixture, FixtureEvent, start_ews_fixture
from tests.helpers.graph_fixture import TENANT, GraphEvent, GraphFixture, start_graph_fixture
from tests.helpers.radicale import fill_calendar, ics_event, radicale_server

pytestmark = pytest.mark.integration
STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 12, 10, tzinfo=STOCKHOLM)


def person(entry_id: int, email: str) -> Entry:
    return Entry("ldap", str(entry_id), EntryKind.PERSON, email, email=email, id=entry_id)


def test_three_sources_one_throttled(tmp_path: Path) -> None:
    ews_state = EwsFixture(calendars={"anna@region.se": [FixtureEvent(NOW - timedelta(minutes=10),
                                                                      NOW + timedelta(minutes=35), subject="LUN: x")]},
                           busy_replies=1, back_off_ms=90_000)
    ews_server, _ = start_ews_fixture(ews_state)
    tls = make_server_tls(tmp_path)
    graph_state = GraphFixture(calendars={"kari@kommune.no": [GraphEvent(NOW - timedelta(hours=1),
                                                                         NOW + timedelta(hours=2), "oof")]})
    graph_server, _ = start_graph_fixture(tls.cert, tls.key, graph_state)
    try:
        _run(tmp_path, ews_server.url, graph_server.url, str(tls.ca))
    finally:
        ews_server.stop()
        graph_server.stop()


def _run(tmp_path: Path, ews_url: str, graph_url: str, ca_file: str) -> None:
    with radicale_server(tmp_path / "dav") as dav_url:
        fill_calendar(dav_url, "per", [ics_event("m", NOW - timedelta(minutes=5), NOW + timedelta(minutes=50),
                                                 "MÖT: Planering")])
        settings: list[CalendarSourceSettings] = [
            ExchangeSettings(name="onprem", domains=["region.se"], refresh_interval=120,
                             service_endpoint=f"{ews_url}/EWS/Exchange.asmx", auth=EwsAuth.BASIC,
                             username="svc-switchboard", password="secret", server_version="15.1.2507.6"),
            GraphSettings(name="m365", domains=["kommune.no"], refresh_interval=120, tenant_id=TENANT,
                          client_id="app-id", client_secret="app-secret", schedule_user="svc@kommune.no",
                          authority_host=graph_url, graph_url=f"{graph_url}/v1.0",
                          validate_authority=False),
            CalDavSettings(name="dav", domains=["skola.se"], refresh_interval=120, share_details=True, url=dav_url),
        ]
        sources = CalendarSources(settings, "Europe/Stockholm", NOW, ca_file=ca_file)
        sources.set_entries([person(1, "anna@region.se"), person(2, "kari@kommune.no"), person(3, "per@skola.se")])
        progress: list[tuple[str, int, int]] = []
        try:
            refreshes = {r.source: r for r in sources.refresh_now(NOW, progress=lambda *p: progress.append(p))}
            assert refreshes["onprem"].failure is FailureKind.THROTTLED
            assert refreshes["m365"].failure is None
            assert refreshes["dav"].failure is None
            status = sources.schedule.status("onprem")
            assert status.next_due == NOW + timedelta(seconds=90)
            assert "server busy" in status.last_error
            assert sources.schedule.status("dav").next_due == NOW + timedelta(seconds=120)
            assert ("dav", 1, 1) in progress
            assert ("m365", 1, 1) in progress

            kari = sources.book.presence(2, NOW, STOCKHOLM)
            assert kari is not None
            assert kari.status is BusyStatus.OUT_OF_OFFICE
            per = sources.book.presence(3, NOW, STOCKHOLM)
            assert per is not None
            assert per.referral is not None
            assert per.referral.code == "meeting"
            assert presence_text(per, STOCKHOLM, "sv") == "Möte till 13.00"  # "MÖT:" reads as its referral
            assert sources.book.summary(3, NOW, STOCKHOLM).today[0].block.subject == "MÖT: Planering"
            assert sources.book.presence(1, NOW, STOCKHOLM) is None

            # On demand while backing off: the throttled source waits; at its time it recovers.
            assert sources.plan(NOW + timedelta(seconds=30), names=["onprem"]) == []
            later = NOW + timedelta(seconds=90)
            refreshes = {r.source: r for r in sources.refresh_now(later, names=["onprem"])}
            assert refreshes["onprem"].failure is None
            anna = sources.book.presence(1, later, STOCKHOLM)
            assert anna is not None
            assert anna.referral is not None
            assert anna.referral.code == "lunch"
            assert sources.schedule.status("onprem").failures == 0
        finally:
            sources.close()
