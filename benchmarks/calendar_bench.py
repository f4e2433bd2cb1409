"""Free/busy refresh of many mailboxes against the EWS protocol fixture and a real Radicale.

For each server: wall time of one refresh of N mailboxes through our stack (`refresh_source` with the
provider, subject rules and batching), the number of HTTP requests, mailboxes per second, and the ratio
against the server's own time to answer (how much the client adds):
- EWS fixture: the time its handler spent building the SOAP answers (it runs in-process);
- Radicale: the same REPORT calendar-query requests sent one by one with a bare httpx client.

Run: `python -m benchmarks.calendar_bench [--mailboxes 5000] [--workers 2] [--servers ews,radicale]` from the
repository root.
Prints figures; no assertions.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from directory.calendars import (  # noqa: E402
    CalDavSettings,
    EwsAuth,
    ExchangeSettings,
    Mailbox,
    SubjectRules,
    refresh_source,
)
from directory.calendars.caldav_provider import CalDavProvider  # noqa: E402
from directory.calendars.ews import ExchangeProvider  # noqa: E402
from tests.helpers.ews_fixture import EwsFixture, FixtureEvent, start_ews_fixture  # noqa: E402
from tests.helpers.radicale import ics_event, radicale_server  # noqa: E402

DAY = datetime(2026, 11, 23, tzinfo=UTC)
START, END = DAY, DAY + timedelta(days=2)


def _events(i: int) -> list[tuple[datetime, datetime, str]]:
    return [(DAY + timedelta(hours=8 + i % 3), DAY + timedelta(hours=9 + i % 3), "MÖT: Budget"),
            (DAY + timedelta(hours=11), DAY + timedelta(hours=11, minutes=45), "LUN: x"),
            (DAY + timedelta(days=1, hours=13), DAY + timedelta(days=1, hours=15), "Planering")]


def _report(name: str, mailboxes: int, requests: int, *, wall: float, server: float, what: str) -> None:
    print(f"{name}: {mailboxes} mailboxes in {wall:.2f} s with {requests} requests "
          f"({mailboxes / wall:.0f} mailboxes/s); {what} {server:.2f} s; client/server ratio {wall / server:.2f}")


def bench_ews(count: int, workers: int) -> None:
    state = EwsFixture()
    addresses = [f"user{i}@region.se" for i in range(count)]
    state.calendars = {a: [FixtureEvent(s, e, subject=t) for s, e, t in _events(i)] for i, a in enumerate(addresses)}
    server, _ = start_ews_fixture(state)
    settings = ExchangeSettings(name="ews", batch_size=100, max_concurrency=workers,
                                service_endpoint=f"{server.url}/EWS/Exchange.asmx", auth=EwsAuth.BASIC,
                                username="svc-switchboard", password="secret", server_version="15.1.2507.6")
    provider = ExchangeProvider(settings, "Europe/Stockholm")
    try:
        provider.free_busy(addresses[:1], START, END)  # connect and warm up
        state.handler_seconds, before = 0.0, len(server.requests)
        started = time.perf_counter()
        result = refresh_source("ews", provider, [Mailbox(i, a) for i, a in enumerate(addresses)], SubjectRules(),
                                start=START, end=END, now=START, semaphore=threading.BoundedSemaphore(workers),
                                workers=workers)
        wall = time.perf_counter() - started
    finally:
        provider.close()
        server.stop()
    if result.failure is not None or len(result.calendars) != count:
        raise SystemExit(f"EWS refresh failed: {result.error}")
    _report("EWS fixture", count, len(server.requests) - before, wall=wall, server=state.handler_seconds,
            what="fixture's own answer time")


def _write_radicale_storage(root: Path, count: int) -> list[str]:
    users = [f"user{i}" for i in range(count)]
    for i, user in enumerate(users):
        folder = root / "collections" / "collection-root" / user / "calendar"
        folder.mkdir(parents=True)
        (folder / ".Radicale.props").write_text(json.dumps({"tag": "VCALENDAR"}))
        for n, (s, e, title) in enumerate(_events(i)):
            (folder / f"e{n}.ics").write_text(ics_event(f"{user}-{n}", s, e, title))
    return users


_QUERY = (
    '<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    "<D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter><C:comp-filter name=\"VCALENDAR\">"
    '<C:comp-filter name="VEVENT"><C:time-range start="{s}" end="{e}"/></C:comp-filter></C:comp-filter>'
    "</C:filter></C:calendar-query>")


def bench_radicale(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        users = _write_radicale_storage(Path(tmp), count)
        with radicale_server(Path(tmp)) as url:
            body = _QUERY.format(s=f"{START:%Y%m%dT%H%M%SZ}", e=f"{END:%Y%m%dT%H%M%SZ}")
            with httpx.Client(auth=("svc", "x")) as client:
                def bare() -> float:
                    began = time.perf_counter()
                    for user in users:
                        response = client.request("REPORT", f"{url}/{user}/calendar/", content=body,
                                                  headers={"Depth": "1", "Content-Type": "application/xml"})
                        response.raise_for_status()
                    return time.perf_counter() - began
                bare()  # Radicale fills its item cache on the first read
                baseline = bare()
            provider = CalDavProvider(CalDavSettings(name="dav", batch_size=50, url=url,
                                                     username="svc", password="x"), "Europe/Stockholm")
            try:
                started = time.perf_counter()
                result = refresh_source("dav", provider, [Mailbox(i, f"{u}@skola.se") for i, u in enumerate(users)],
                                        SubjectRules(), start=START, end=END, now=START,
                                        semaphore=threading.BoundedSemaphore(1), workers=1)
                wall = time.perf_counter() - started
            finally:
                provider.close()
    if result.failure is not None or len(result.calendars) != count:
        raise SystemExit(f"Radicale refresh failed: {result.error}")
    _report("Radicale", count, count, wall=wall, server=baseline, what="bare httpx REPORTs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mailboxes", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--servers", default="ews,radicale", help="comma-separated: ews, radicale")
    args = parser.parse_args()
    servers = args.servers.split(",")
    if "ews" in servers:
        bench_ews(args.mailboxes, args.workers)
    if "radicale" in servers:
        bench_radicale(args.mailboxes)


if __name__ == "__main__":
    main()
