"""Exchange Online free/busy through Microsoft Graph: POST /users/{id}/calendar/getSchedule.

App-only (client credentials) tokens come from msal, with a client secret or a certificate; requests go
through httpx. Graph throttles with 429 (and 503) plus Retry-After: a short wait is honoured in place,
a long one is handed to the refresher as `CalendarThrottledError` so the source backs off as a whole.
"""

from __future__ import annotations

import functools
import json
import logging
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
import msal  # type: ignore[import-untyped]
import requests

from directory.calendars.model import (
    BusyBlock,
    BusyStatus,
    CalendarAuthError,
    CalendarError,
    CalendarThrottledError,
    MailboxProblem,
    MailboxResult,
)
from directory.calendars.settings import GraphSettings

log = logging.getLogger(__name__)
MAX_SCHEDULES = 20  # keep getSchedule requests small: Graph answers large ones slowly and throttles them
MAX_INLINE_WAIT = 5.0  # seconds of Retry-After we wait in place; longer goes back to the refresher
_STATUS = {"free": BusyStatus.FREE, "tentative": BusyStatus.TENTATIVE, "busy": BusyStatus.BUSY,
           "oof": BusyStatus.OUT_OF_OFFICE, "workingElsewhere": BusyStatus.WORKING_ELSEWHERE,
           "unknown": BusyStatus.UNKNOWN}
_PROBLEMS = {"ErrorMailRecipientNotFound": MailboxProblem.UNKNOWN_MAILBOX,
             "ErrorInvalidRecipients": MailboxProblem.UNKNOWN_MAILBOX,
             "ErrorNoFreeBusyAccess": MailboxProblem.ACCESS_DENIED,
             "ErrorAccessDenied": MailboxProblem.ACCESS_DENIED}
# The Windows names Graph may answer in when a mailbox's own zone leaks through; we ask for UTC.
_WINDOWS_ZONES = {"UTC": "UTC", "W. Europe Standard Time": "Europe/Berlin", "Romance Standard Time": "Europe/Paris",
                  "GMT Standard Time": "Europe/London", "FLE Standard Time": "Europe/Helsinki",
                  "Central Europe Standard Time": "Europe/Budapest"}


def _credential(settings: GraphSettings) -> str | dict[str, str]:
    if settings.certificate_pem:
        return {"private_key": settings.certificate_pem, "thumbprint": settings.certificate_thumbprint,
                "public_certificate": settings.certificate_pem}
    if not settings.client_secret:
        raise CalendarAuthError(f"{settings.name}: neither a client secret nor a certificate is configured")
    return settings.client_secret


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _moment(value: Any) -> datetime:
    """A Graph dateTimeTimeZone ({"dateTime": "2026-11-23T12:00:00.0000000", "timeZone": "UTC"})."""
    text = str(value["dateTime"])
    if "." in text:  # seven fractional digits: more than fromisoformat takes
        head, _, fraction = text.partition(".")
        text = f"{head}.{fraction[:6]}"
    naive = datetime.fromisoformat(text).replace(tzinfo=None)
    name = str(value.get("timeZone") or "UTC")
    try:
        zone = ZoneInfo(_WINDOWS_ZONES.get(name, name))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc
    return naive.replace(tzinfo=zone)


class GraphProvider:
    """Free/busy from one Microsoft 365 tenant. Thread-safe (msal and httpx clients are)."""

    def __init__(self, settings: GraphSettings, zone_name: str, *, ca_file: str = "",
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings, self.zone, self._sleep = settings, ZoneInfo(zone_name), sleep
        # msal's requests session takes a CA path; httpx wants an SSL context.
        verify: bool | str = ca_file or True
        context = ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context()
        self._http = httpx.Client(timeout=settings.timeout, verify=context)
        self._app: Any = None
        self._verify = verify
        self._lock = threading.Lock()
        origin = urlsplit(settings.graph_url)
        self._scope = f"{origin.scheme}://{origin.netloc}/.default"

    @property
    def max_batch(self) -> int:
        return max(1, min(self.settings.batch_size or MAX_SCHEDULES, MAX_SCHEDULES))

    def _token_session(self) -> Any:
        """msal's HTTP session, verifying against our CA per request: a session-wide ``verify`` loses to
        REQUESTS_CA_BUNDLE in the environment, which many managed desktops set."""
        session = requests.Session()
        session.request = functools.partial(  # type: ignore[method-assign]
            session.request, timeout=self.settings.timeout, verify=self._verify)
        return session

    def _token(self) -> str:
        with self._lock:
            if self._app is None:
                s = self.settings
                try:
                    self._app = msal.ConfidentialClientApplication(
                        s.client_id, client_credential=_credential(s),
                        authority=f"{s.authority_host.rstrip('/')}/{s.tenant_id}",
                        validate_authority=s.validate_authority,
                        instance_discovery=None if s.validate_authority else False,
                        http_client=self._token_session())
                except ValueError as exc:  # msal's authority and OIDC discovery failures
                    raise CalendarError(f"{s.name}: token authority: {exc}") from exc
            try:
                result = self._app.acquire_token_for_client(scopes=[self._scope])
            except Exception as exc:  # requests' connection errors come through msal unwrapped
                raise CalendarError(f"{self.settings.name}: token request failed: {exc}") from exc
        if "access_token" not in result:
            code = result.get("error", "unknown_error")
            text = f"{self.settings.name}: token refused: {code}: {result.get('error_description', '')}"
            raise (CalendarAuthError if code in ("invalid_client", "unauthorized_client") else CalendarError)(text)
        return str(result["access_token"])

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> dict[str, MailboxResult]:
        if len(mailboxes) > self.max_batch:
            raise ValueError(f"at most {self.max_batch} mailboxes per request")
        if not mailboxes:
            return {}
        fmt = "%Y-%m-%dT%H:%M:%S"
        body = {"schedules": list(mailboxes), "availabilityViewInterval": 30,
                "startTime": {"dateTime": start.astimezone(UTC).strftime(fmt), "timeZone": "UTC"},
                "endTime": {"dateTime": end.astimezone(UTC).strftime(fmt), "timeZone": "UTC"}}
        url = f"{self.settings.graph_url.rstrip('/')}/users/{quote(self.settings.schedule_user)}/calendar/getSchedule"
        response = self._post(url, body)
        try:
            values = response.json()["value"]
            by_id = {str(item["scheduleId"]).lower(): item for item in values}
        except (ValueError, KeyError, TypeError) as exc:
            raise CalendarError(f"{self.settings.name}: malformed getSchedule answer: {exc}") from exc
        results = {}
        for mailbox in mailboxes:
            item = by_id.get(mailbox.lower())
            results[mailbox] = (self._result(mailbox, item) if item is not None else MailboxResult(
                mailbox, problem=MailboxProblem.MALFORMED, reason="missing from the answer"))
        return results

    def _post(self, url: str, body: dict[str, Any]) -> httpx.Response:
        name = self.settings.name
        for attempt in range(self.settings.max_retries + 1):
            headers = {"Authorization": f"Bearer {self._token()}", "Prefer": 'outlook.timezone="UTC"'}
            try:
                response = self._http.post(url, json=body, headers=headers)
            except httpx.HTTPError as exc:
                raise CalendarError(f"{name}: {type(exc).__name__}: {exc}") from exc
            if response.status_code in (429, 503, 504):
                wait = _retry_after(response)
                if attempt < self.settings.max_retries and wait is not None and wait <= MAX_INLINE_WAIT:
                    log.info("%s: throttled (%s), waiting %.1f s", name, response.status_code, wait)
                    self._sleep(wait)
                    continue
                raise CalendarThrottledError(f"{name}: throttled (HTTP {response.status_code})", wait)
            if response.status_code in (401, 403):
                raise CalendarAuthError(f"{name}: HTTP {response.status_code}: {_error_code(response)}")
            if response.status_code >= 400:
                raise CalendarError(f"{name}: HTTP {response.status_code}: {_error_code(response)}")
            return response
        raise CalendarThrottledError(f"{name}: still throttled after {self.settings.max_retries} retries")

    def _result(self, mailbox: str, item: Any) -> MailboxResult:
        try:
            if item.get("error"):
                code = str(item["error"].get("responseCode", ""))
                return MailboxResult(mailbox, problem=_PROBLEMS.get(code, MailboxProblem.SERVER_ERROR),
                                     reason=f"{code}: {item['error'].get('message', '')}"[:300])
            blocks = []
            for entry in item.get("scheduleItems") or ():
                start, end = _moment(entry["start"]), _moment(entry["end"])
                if end <= start:
                    continue
                private = bool(entry.get("isPrivate"))
                local_start, local_end = start.astimezone(self.zone), end.astimezone(self.zone)
                blocks.append(BusyBlock(
                    local_start, local_end, _STATUS.get(str(entry.get("status")), BusyStatus.UNKNOWN),
                    subject=entry.get("subject"), location=entry.get("location"), private=private,
                    all_day=(local_start.time(), local_end.time()) == (_MIDNIGHT, _MIDNIGHT)
                    and local_end - local_start >= timedelta(hours=23)))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            return MailboxResult(mailbox, problem=MailboxProblem.MALFORMED, reason=f"{type(exc).__name__}: {exc}")
        return MailboxResult(mailbox, tuple(blocks))

    def close(self) -> None:
        self._http.close()
        if self._app is not None:
            self._app.http_client.close()


_MIDNIGHT = datetime.min.time()


def _error_code(response: httpx.Response) -> str:
    try:
        return str(json.loads(response.text)["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return response.reason_phrase
