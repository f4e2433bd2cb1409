"""Protocol fixture standing in for Exchange Server's EWS endpoint, which cannot run here.

It answers GetServerTimeZones (full time-zone definitions) and GetUserAvailability with the SOAP shapes
Microsoft documents (FreeBusyResponseArray / FreeBusyView / CalendarEventArray / WorkingHours), including
per-mailbox errors (ErrorMailRecipientNotFound, ErrorNoFreeBusyAccess), the ErrorServerBusy fault with
BackOffMilliseconds, 401 and malformed XML. Calendars are plain `FixtureEvent`s per mailbox; times go out
as local wall-clock times in the requester's zone, as Exchange sends them.
"""

from __future__ import annotations

import base64
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import spnego
import spnego.exceptions

from tests.helpers.http_fixture import FixtureServer, Reply, Request

S = "http://schemas.xmlsoap.org/soap/envelope/"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
MAX_MAILBOXES = 100  # GetUserAvailability's documented per-request limit

_HEADER = (f'<s:Envelope xmlns:s="{S}"><s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="1" '
           f'MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:h="{T}" '
           f'xmlns="{T}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
           f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header>'
           f'<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'xmlns:xsd="http://www.w3.org/2001/XMLSchema">')
_FOOTER = "</s:Body></s:Envelope>"

# Full definitions as Exchange 2016 returns them (ReturnFullTimeZoneData="true").
TIME_ZONES = {
    "W. Europe Standard Time": (
        '<t:TimeZoneDefinition Name="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna" '
        'Id="W. Europe Standard Time"><t:Periods>'
        '<t:Period Bias="-PT1H" Name="Standard" Id="trule:Microsoft/Registry/W. Europe Standard Time/2006-Standard"/>'
        '<t:Period Bias="-PT2H" Name="Daylight" Id="trule:Microsoft/Registry/W. Europe Standard Time/2006-Daylight"/>'
        '</t:Periods><t:TransitionsGroups><t:TransitionsGroup Id="0">'
        '<t:RecurringDayTransition><t:To Kind="Period">trule:Microsoft/Registry/W. Europe Standard Time/'
        '2006-Daylight</t:To><t:TimeOffset>PT2H</t:TimeOffset><t:Month>3</t:Month><t:DayOfWeek>Sunday'
        '</t:DayOfWeek><t:Occurrence>-1</t:Occurrence></t:RecurringDayTransition>'
        '<t:RecurringDayTransition><t:To Kind="Period">trule:Microsoft/Registry/W. Europe Standard Time/'
        '2006-Standard</t:To><t:TimeOffset>PT3H</t:TimeOffset><t:Month>10</t:Month><t:DayOfWeek>Sunday'
        '</t:DayOfWeek><t:Occurrence>-1</t:Occurrence></t:RecurringDayTransition>'
        '</t:TransitionsGroup></t:TransitionsGroups><t:Transitions><t:Transition><t:To Kind="Group">0</t:To>'
        '</t:Transition></t:Transitions></t:TimeZoneDefinition>'),
    "UTC": (
        '<t:TimeZoneDefinition Name="(UTC) Coordinated Universal Time" Id="UTC"><t:Periods>'
        '<t:Period Bias="PT0H" Name="Standard" Id="trule:Microsoft/Registry/UTC/2006-Standard"/></t:Periods>'
        '<t:TransitionsGroups><t:TransitionsGroup Id="0"><t:Transition><t:To Kind="Period">'
        'trule:Microsoft/Registry/UTC/2006-Standard</t:To></t:Transition></t:TransitionsGroup>'
        '</t:TransitionsGroups><t:Transitions><t:Transition><t:To Kind="Group">0</t:To></t:Transition>'
        '</t:Transitions></t:TimeZoneDefinition>'),
}
# The IANA zone each definition corresponds to, for turning our aware events into the requester's wall time.
IANA = {"W. Europe Standard Time": ZoneInfo("Europe/Stockholm"), "UTC": ZoneInfo("UTC")}
_STANDARD_BIAS = {"W. Europe Standard Time": -60, "UTC": 0}


@dataclass
class FixtureEvent:
    start: datetime
    end: datetime
    busy_type: str = "Busy"  # Free | Tentative | Busy | OOF | WorkingElsewhere | NoData
    subject: str = ""
    location: str = ""
    private: bool = False
    meeting: bool = True


@dataclass
class EwsFixture:
    """The EWS stand-in's state; tests change it between requests."""

    calendars: dict[str, list[FixtureEvent]] = field(default_factory=dict)
    details_shared: bool = True  # False: the organisation shares free/busy times only
    no_access: set[str] = field(default_factory=set)
    users: dict[str, str] = field(default_factory=lambda: {"svc-switchboard": "secret"})
    auth_scheme: str = "basic"  # basic | ntlm (NTLM verified by pyspnego against NTLM_USER_FILE)
    ntlm_principals: list[str] = field(default_factory=list)  # who completed an NTLM handshake
    _ntlm: dict[int, Any] = field(default_factory=dict)  # connection -> NTLM acceptor (or True once authenticated)
    busy_replies: int = 0  # answer this many requests with ErrorServerBusy
    back_off_ms: int = 1500
    malformed_replies: int = 0
    mailbox_counts: list[int] = field(default_factory=list)
    handler_seconds: float = 0.0  # time spent building answers: the "server's own time" for benchmarks
    _zone_id: str = "UTC"
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, request: Request) -> Reply:
        started = time.perf_counter()
        try:
            return self._handle(request)
        finally:
            with self._lock:
                self.handler_seconds += time.perf_counter() - started

    def _handle(self, request: Request) -> Reply:
        if self.auth_scheme == "ntlm":
            challenge = self._ntlm_step(request)
            if challenge is not None:
                return challenge
        elif not self._authorised(request.headers.get("authorization", "")):
            return Reply(401, b"", {"WWW-Authenticate": 'Basic realm="ews"'})
        with self._lock:
            if self.busy_replies > 0:
                self.busy_replies -= 1
                return _xml(500, _server_busy(self.back_off_ms))
            if self.malformed_replies > 0:
                self.malformed_replies -= 1
                return Reply(200, b"<s:Envelope><s:Body><GetUserAvailabilityResponse", {"Content-Type": "text/xml"})
        body = ET.fromstring(request.body).find(f"{{{S}}}Body")
        operation = body[0] if body is not None and len(body) else None
        if operation is not None and operation.tag == f"{{{M}}}GetServerTimeZones":
            return self._time_zones(operation)
        if operation is not None and operation.tag == f"{{{M}}}GetUserAvailabilityRequest":
            return self._availability(operation)
        return _xml(500, _fault("ErrorInvalidRequest", "The request is invalid."))

    def _ntlm_step(self, request: Request) -> Reply | None:
        """IIS's NTLM handshake: 401 offering NTLM, 401 with the challenge, then the request itself on the
        same connection. None when the connection is authenticated."""
        if self._ntlm.get(request.connection) is True:
            return None
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        refuse = Reply(401, b"", {"WWW-Authenticate": "NTLM"})
        if scheme.upper() != "NTLM" or not token:
            return refuse
        context = self._ntlm.get(request.connection)
        try:
            if context is None:  # NEGOTIATE_MESSAGE: answer with the CHALLENGE_MESSAGE
                context = spnego.server(protocol="ntlm")
                answer = context.step(base64.b64decode(token))
                self._ntlm[request.connection] = context
                return Reply(401, b"", {"WWW-Authenticate": f"NTLM {base64.b64encode(answer or b'').decode()}"})
            context.step(base64.b64decode(token))  # AUTHENTICATE_MESSAGE, checked against the user file
        except spnego.exceptions.SpnegoError:
            self._ntlm.pop(request.connection, None)
            return refuse
        self._ntlm[request.connection] = True
        self.ntlm_principals.append(str(context.client_principal))
        return None

    def _authorised(self, header: str) -> bool:
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        user, _, password = base64.b64decode(value).decode().partition(":")
        return self.users.get(user) == password

    def _time_zones(self, operation: ET.Element) -> Reply:
        ids = [e.text or "" for e in operation.iter(f"{{{T}}}Id")] or list(TIME_ZONES)
        unknown = [i for i in ids if i not in TIME_ZONES]
        if unknown:
            return _xml(500, _fault("ErrorInvalidRequest", f"Unknown time zone {unknown[0]}"))
        self._zone_id = ids[0]
        definitions = "".join(TIME_ZONES[i] for i in ids)
        return _xml(200, f'<m:GetServerTimeZonesResponse xmlns:m="{M}" xmlns:t="{T}"><m:ResponseMessages>'
                         f'<m:GetServerTimeZonesResponseMessage ResponseClass="Success"><m:ResponseCode>NoError'
                         f'</m:ResponseCode><m:TimeZoneDefinitions>{definitions}</m:TimeZoneDefinitions>'
                         f'</m:GetServerTimeZonesResponseMessage></m:ResponseMessages>'
                         f'</m:GetServerTimeZonesResponse>')

    def _availability(self, operation: ET.Element) -> Reply:
        addresses = [e.text or "" for e in operation.iter(f"{{{T}}}Address")]
        self.mailbox_counts.append(len(addresses))
        if len(addresses) > MAX_MAILBOXES:
            return _xml(500, _fault("ErrorExceededFindCountLimit", "Too many mailboxes in one request."))
        bias = int(operation.findtext(f"{{{T}}}TimeZone/{{{T}}}Bias") or "0")
        zone_id = self._zone_id
        if bias != _STANDARD_BIAS[zone_id]:
            return _xml(500, _fault("ErrorInvalidRequest", f"Time zone bias {bias} does not match {zone_id}"))
        zone = IANA[zone_id]
        window = operation.find(f"{{{T}}}FreeBusyViewOptions/{{{T}}}TimeWindow")
        assert window is not None
        start = _parse_local(window.findtext(f"{{{T}}}StartTime") or "", zone)
        end = _parse_local(window.findtext(f"{{{T}}}EndTime") or "", zone)
        parts = [self._mailbox(address, start, end, zone) for address in addresses]
        return _xml(200, f'<GetUserAvailabilityResponse xmlns="{M}"><FreeBusyResponseArray>{"".join(parts)}'
                         f'</FreeBusyResponseArray></GetUserAvailabilityResponse>')

    def _mailbox(self, address: str, start: datetime, end: datetime, zone: ZoneInfo) -> str:
        key = address.lower()
        if key not in self.calendars:
            return _mailbox_error("ErrorMailRecipientNotFound",
                                  "Unable to resolve e-mail address &lt;&gt;SMTP:" + escape(address) + " to an Active "
                                  "Directory object.")
        if key in self.no_access:
            return _mailbox_error("ErrorNoFreeBusyAccess", "Microsoft.Exchange.InfoWorker.Common.Availability."
                                  "NoFreeBusyAccessException: No free/busy access.")
        events = [e for e in self.calendars[key] if e.end > start and e.start < end]
        view_type = "DetailedMerged" if self.details_shared else "FreeBusyMerged"
        merged = _merged(events, start, end)
        items = "".join(_event(e, zone, self.details_shared) for e in sorted(events, key=lambda e: e.start))
        return (f'<FreeBusyResponse><ResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode>'
                f'</ResponseMessage><FreeBusyView><FreeBusyViewType xmlns="{T}">{view_type}</FreeBusyViewType>'
                f'<MergedFreeBusy xmlns="{T}">{merged}</MergedFreeBusy>'
                f'<CalendarEventArray xmlns="{T}">{items}</CalendarEventArray>{_WORKING_HOURS}</FreeBusyView>'
                f'</FreeBusyResponse>')


_WORKING_HOURS = (
    f'<WorkingHours xmlns="{T}"><TimeZone><Bias>-60</Bias><StandardTime><Bias>0</Bias><Time>03:00:00</Time>'
    '<DayOrder>5</DayOrder><Month>10</Month><DayOfWeek>Sunday</DayOfWeek></StandardTime><DaylightTime>'
    '<Bias>-60</Bias><Time>02:00:00</Time><DayOrder>5</DayOrder><Month>3</Month><DayOfWeek>Sunday</DayOfWeek>'
    '</DaylightTime></TimeZone><WorkingPeriodArray><WorkingPeriod><DayOfWeek>Monday Tuesday Wednesday Thursday '
    'Friday</DayOfWeek><StartTimeInMinutes>480</StartTimeInMinutes><EndTimeInMinutes>1020</EndTimeInMinutes>'
    '</WorkingPeriod></WorkingPeriodArray></WorkingHours>')
_CODES = {"Free": "0", "Tentative": "1", "Busy": "2", "OOF": "3", "WorkingElsewhere": "4", "NoData": "5"}


def _merged(events: list[FixtureEvent], start: datetime, end: datetime) -> str:
    """MergedFreeBusy: one digit per 30 minutes, the strongest status in that slot."""
    slot = timedelta(minutes=30)
    count = min(2000, -(-int((end - start) / timedelta(minutes=1)) // 30))
    ranks = [0] * count
    for event in events:
        if event.busy_type == "NoData":
            continue
        first = max(0, int((event.start - start) / slot))
        last = min(count, -(-int((event.end - start) / timedelta(minutes=1)) // 30))
        for index in range(first, last):
            ranks[index] = max(ranks[index], int(_CODES[event.busy_type]))
    return "".join(map(str, ranks))


def _event(event: FixtureEvent, zone: ZoneInfo, details: bool) -> str:
    fmt = "%Y-%m-%dT%H:%M:%S"
    info = ""
    if details:
        # Exchange withholds subject and location of private items even with detailed access.
        text = "" if event.private else (f"<Subject>{escape(event.subject)}</Subject>"
                                         f"<Location>{escape(event.location)}</Location>")
        info = (f"<CalendarEventDetails><ID>00000000{abs(hash((event.start, event.subject))):X}</ID>{text}"
                f"<IsMeeting>{str(event.meeting).lower()}</IsMeeting><IsRecurring>false</IsRecurring>"
                f"<IsException>false</IsException><IsReminderSet>true</IsReminderSet>"
                f"<IsPrivate>{str(event.private).lower()}</IsPrivate></CalendarEventDetails>")
    return (f"<CalendarEvent><StartTime>{event.start.astimezone(zone):{fmt}}</StartTime>"
            f"<EndTime>{event.end.astimezone(zone):{fmt}}</EndTime><BusyType>{event.busy_type}</BusyType>"
            f"{info}</CalendarEvent>")


def _parse_local(text: str, zone: ZoneInfo) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(UTC)


def _mailbox_error(code: str, text: str) -> str:
    return (f'<FreeBusyResponse><ResponseMessage ResponseClass="Error"><MessageText>{text}</MessageText>'
            f'<ResponseCode>{code}</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey>'
            f'<MessageXml><ExceptionType xmlns="{T}">Microsoft.Exchange.InfoWorker.Common.Availability.'
            f'MailRecipientNotFoundException</ExceptionType><ExceptionCode xmlns="{T}">5009</ExceptionCode>'
            f'</MessageXml></ResponseMessage><FreeBusyView><FreeBusyViewType xmlns="{T}">None</FreeBusyViewType>'
            f'</FreeBusyView></FreeBusyResponse>')


def _fault(code: str, text: str, extra: str = "") -> str:
    return (f'<s:Fault><faultcode xmlns:a="{T}">a:{code}</faultcode><faultstring xml:lang="en-US">{text}'
            f'</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/'
            f'2006/errors">{code}</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/'
            f'services/2006/errors">{text}</e:Message>{extra}</detail></s:Fault>')


def _server_busy(back_off_ms: int) -> str:
    return _fault("ErrorServerBusy", "The server cannot service this request right now. Try again later.",
                  f'<t:MessageXml xmlns:t="{T}"><t:Value Name="BackOffMilliseconds">{back_off_ms}</t:Value>'
                  f'</t:MessageXml>')


def _xml(status: int, body: str) -> Reply:
    return Reply(status, (_HEADER + body + _FOOTER).encode(), {"Content-Type": "text/xml; charset=utf-8"})


def start_ews_fixture(state: EwsFixture | None = None) -> tuple[FixtureServer, EwsFixture]:
    state = state or EwsFixture()
    return FixtureServer(state.handle), state
