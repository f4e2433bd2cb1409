"""A real Radicale CalDAV server on loopback for the calendar tests, and a way to fill it with events."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC as _UTC
from datetime import date, datetime
from pathlib import Path

from caldav.davclient import DAVClient

from tests.helpers.processes import ManagedProcess, free_port, tcp_open, wait_until


@contextmanager
def radicale_server(directory: Path) -> Iterator[str]:
    """Radicale with storage under ``directory``, no authentication, every logged-in user allowed everywhere
    (the organisation's service account reads colleagues' calendars). Yields the base URL."""
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port()
    proc = ManagedProcess(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", str(directory / "collections"), "--auth-type", "none",
         "--rights-type", "authenticated", "--logging-level", "warning"],
        log=directory / "radicale.log")
    try:
        wait_until(lambda: tcp_open(port) or not proc.alive(), timeout=15)
        if not proc.alive():
            raise RuntimeError(f"radicale did not start:\n{proc.output()}")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.stop()


def ics_event(uid: str, start: date, end: date, summary: str, *, private: bool = False,
              all_day: bool = False, extra: str = "") -> str:
    """One VEVENT in a VCALENDAR; aware times go out in UTC, ``all_day`` writes DATE values."""
    if all_day or not isinstance(start, datetime) or not isinstance(end, datetime):
        times = f"DTSTART;VALUE=DATE:{start:%Y%m%d}\r\nDTEND;VALUE=DATE:{end:%Y%m%d}\r\n"
    else:
        times = (f"DTSTART:{start.astimezone(_UTC):%Y%m%dT%H%M%SZ}\r\n"
                 f"DTEND:{end.astimezone(_UTC):%Y%m%dT%H%M%SZ}\r\n")
    klass = "CLASS:PRIVATE\r\n" if private else ""
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Switchboard tests//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
            f"DTSTAMP:20260101T000000Z\r\n{times}SUMMARY:{summary}\r\n{klass}{extra}END:VEVENT\r\nEND:VCALENDAR\r\n")


def fill_calendar(url: str, user: str, events: list[str]) -> None:
    """Create /{user}/calendar/ as ``user`` and store ``events`` (ics texts) in it."""
    with DAVClient(url=url, username=user, password="x") as client:
        principal = client.principal()
        calendar = principal.make_calendar(name=f"{user}'s calendar", cal_id="calendar")
        for ics in events:
            calendar.save_event(ics)



