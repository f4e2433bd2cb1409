"""CalDAV free/busy (Radicale, Nextcloud, SOGo, ...) for organisations without Microsoft, via `caldav`.

CalDAV has no batched free/busy across users: each mailbox is one REPORT on its calendar (from the
``calendar_url`` template). With ``read_events`` we read the events themselves (a time-range search,
recurrences expanded) so subject codes and CLASS:PRIVATE are seen; otherwise the server's free-busy-query
answer, which carries times and FBTYPE only. Times from CalDAV are IANA-zoned, UTC or floating (read as
the operator's zone); all-day events are DATE values.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from caldav.davclient import DAVClient
from caldav.lib import error as dav_error

from directory.calendars.model import (
    BusyBlock,
    BusyStatus,
    CalendarAuthError,
    CalendarError,
    MailboxProblem,
    MailboxResult,
)
from directory.calendars.settings import CalDavSettings

log = logging.getLogger(__name__)
DEFAULT_BATCH = 100  # mailboxes per batch when the table sets no batch_size (each is still its own request)
_FBTYPE = {"BUSY": BusyStatus.BUSY, "BUSY-TENTATIVE": BusyStatus.TENTATIVE,
           "BUSY-UNAVAILABLE": BusyStatus.OUT_OF_OFFICE, "FREE": BusyStatus.FREE}
_CDO = {"FREE": BusyStatus.FREE, "TENTATIVE": BusyStatus.TENTATIVE, "BUSY": BusyStatus.BUSY,
        "OOF": BusyStatus.OUT_OF_OFFICE, "WORKINGELSEWHERE": BusyStatus.WORKING_ELSEWHERE}


class CalDavProvider:
    """Free/busy from one CalDAV server; thread-safe (each concurrent batch takes its own client)."""

    def __init__(self, settings: CalDavSettings, zone_name: str, *, ca_file: str = "") -> None:
        self.settings, self.zone = settings, ZoneInfo(zone_name)
        self._verify: bool | str = (ca_file or True) if settings.verify_tls else False
        self._idle: list[DAVClient] = []  # clients (HTTP sessions) not in use; one per concurrent batch
        self._clients: list[DAVClient] = []
        self._lock = threading.Lock()

    def _take(self) -> DAVClient:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        client = DAVClient(url=self.settings.url, username=self.settings.username or None,
                           password=self.settings.password or None, ssl_verify_cert=self._verify,
                           timeout=int(self.settings.timeout))
        with self._lock:
            self._clients.append(client)
        return client

    @property
    def max_batch(self) -> int:
        return max(1, self.settings.batch_size or DEFAULT_BATCH)

    def calendar_url(self, mailbox: str) -> str:
        user = mailbox.partition("@")[0]
        return self.settings.calendar_url.format(url=self.settings.url.rstrip("/"), user=user, mailbox=mailbox)

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> dict[str, MailboxResult]:
        if len(mailboxes) > self.max_batch:
            raise ValueError(f"at most {self.max_batch} mailboxes per request")
        client = self._take()  # caldav's objects are not meant to be shared between threads
        try:
            return {m: self._one(client, m, start.astimezone(UTC), end.astimezone(UTC)) for m in mailboxes}
        finally:
            with self._lock:
                self._idle.append(client)

    def _one(self, client: DAVClient, mailbox: str, start: datetime, end: datetime) -> MailboxResult:
        calendar = client.calendar(url=self.calendar_url(mailbox))  # type: ignore[no-untyped-call]
        name = self.settings.name
        try:
            if self.settings.read_events:
                found = calendar.search(start=start, end=end, event=True, expand=True)
                blocks = [b for obj in found for b in self._event_blocks(obj.icalendar_instance)]
            else:
                blocks = self._freebusy_blocks(calendar.freebusy_request(start, end).icalendar_instance)
        except dav_error.AuthorizationError as exc:
            if "401" in str(exc):
                raise CalendarAuthError(f"{name}: credentials refused") from exc
            return MailboxResult(mailbox, problem=MailboxProblem.ACCESS_DENIED, reason=_oneline(exc))
        except dav_error.NotFoundError as exc:
            return MailboxResult(mailbox, problem=MailboxProblem.UNKNOWN_MAILBOX, reason=_oneline(exc))
        except dav_error.DAVError as exc:
            text = str(exc)
            if "404" in text:
                return MailboxResult(mailbox, problem=MailboxProblem.UNKNOWN_MAILBOX, reason=_oneline(exc))
            if any(code in text for code in ("500", "502", "503", "504")):
                raise CalendarError(f"{name}: server error: {text[:200]}") from exc
            return MailboxResult(mailbox, problem=MailboxProblem.SERVER_ERROR, reason=_oneline(exc))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            return MailboxResult(mailbox, problem=MailboxProblem.MALFORMED, reason=f"{type(exc).__name__}: {exc}")
        except OSError as exc:  # connection refused, reset, timeout: the server, not the mailbox
            raise CalendarError(f"{name}: {type(exc).__name__}: {exc}") from exc
        return MailboxResult(mailbox, tuple(sorted(blocks, key=lambda b: (b.start, b.end))))

    def _aware(self, value: date | datetime) -> tuple[datetime, bool]:
        if isinstance(value, datetime):
            return (value.replace(tzinfo=self.zone) if value.tzinfo is None else value).astimezone(self.zone), False
        return datetime.combine(value, time(0, 0), self.zone), True  # a DATE: all-day, in the operator's zone

    def _event_blocks(self, calendar: Any) -> list[BusyBlock]:
        blocks = []
        for event in calendar.walk("VEVENT"):
            if str(event.get("STATUS", "")).upper() == "CANCELLED" or "DTSTART" not in event:
                continue
            start, all_day = self._aware(event.decoded("DTSTART"))
            if "DTEND" in event:
                end, _ = self._aware(event.decoded("DTEND"))
            elif "DURATION" in event:
                end = start + event.decoded("DURATION")
            else:
                end = start + (timedelta(days=1) if all_day else timedelta(0))
            if end <= start:
                continue
            status = BusyStatus.FREE if str(event.get("TRANSP", "")).upper() == "TRANSPARENT" else BusyStatus.BUSY
            if str(event.get("STATUS", "")).upper() == "TENTATIVE":
                status = BusyStatus.TENTATIVE
            status = _CDO.get(str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper(), status)
            private = str(event.get("CLASS", "PUBLIC")).upper() in ("PRIVATE", "CONFIDENTIAL")
            blocks.append(BusyBlock(start, end, status,
                                    subject=str(event.get("SUMMARY", "")) or None,
                                    location=str(event.get("LOCATION", "")) or None,
                                    private=private, all_day=all_day))
        return blocks

    def _freebusy_blocks(self, calendar: Any) -> list[BusyBlock]:
        blocks = []
        for component in calendar.walk("VFREEBUSY"):
            values = component.get("FREEBUSY", [])
            for prop in values if isinstance(values, list) else [values]:
                status = _FBTYPE.get(str(prop.params.get("FBTYPE", "BUSY")).upper(), BusyStatus.BUSY)
                for period in prop.dt if isinstance(prop.dt, list) else [prop.dt]:
                    begin, finish = period
                    finish = begin + finish if isinstance(finish, timedelta) else finish
                    start, _ = self._aware(begin)
                    end, _ = self._aware(finish)
                    if end > start and status is not BusyStatus.FREE:
                        blocks.append(BusyBlock(start, end, status))
        return blocks

    def close(self) -> None:
        with self._lock:
            clients, self._clients, self._idle = self._clients, [], []
        for client in clients:
            client.close()


def _oneline(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]
