"""Exchange Server (on premises) free/busy over EWS GetUserAvailability, through exchangelib.

Microsoft shuts EWS down in Exchange Online (blocked from October 2026), so this provider is for
on-premises servers; Exchange Online goes through `graph`. exchangelib is blocking: call on a network
worker. Retries are ours (per source, in the refresher), so exchangelib runs with `FailFast`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import exchangelib  # type: ignore[import-untyped]
from exchangelib import errors as ews_errors
from exchangelib.properties import (  # type: ignore[import-untyped]
    FreeBusyViewOptions,
    MailboxData,
    TimeWindow,
    TimeZone,
)
from exchangelib.services import GetUserAvailability  # type: ignore[import-untyped]

from directory.calendars.config import EwsAuth
from directory.calendars.ews_parse import view_blocks
from directory.calendars.model import (
    CalendarAuthError,
    CalendarError,
    CalendarThrottledError,
    MailboxProblem,
    MailboxResult,
)
from directory.calendars.settings import ExchangeSettings

log = logging.getLogger(__name__)
MAX_MAILBOXES = 100  # GetUserAvailability accepts at most 100 mailboxes per request
_PROBLEMS = {"ErrorMailRecipientNotFound": MailboxProblem.UNKNOWN_MAILBOX,
             "ErrorNoFreeBusyAccess": MailboxProblem.ACCESS_DENIED,
             "ErrorFreeBusyGenerationFailed": MailboxProblem.SERVER_ERROR,
             "ErrorServerBusy": MailboxProblem.THROTTLED}


class _Availability(GetUserAvailability):  # type: ignore[misc]
    """exchangelib raises on per-mailbox errors it does not list (ErrorNoFreeBusyAccess, ...), failing the
    whole batch; every ResponseMessage error here belongs to its one mailbox, so return them all instead."""

    ERRORS_TO_CATCH_IN_RESPONSE = ews_errors.ResponseMessageError

    def _elem_to_obj(self, elem: Any) -> Any:
        return elem  # the FreeBusyView element itself: `ews_parse` reads the few fields we need

    @classmethod
    def _get_soap_parts(cls, response: Any) -> Any:
        # exchangelib parses `response.iter_content()`, whose default chunk is one byte: half the client's
        # time for a 100-mailbox answer went there. Same bytes, 64 KiB at a time.
        return super()._get_soap_parts(_Chunked(response))


class _Chunked:
    def __init__(self, response: Any) -> None:
        self._response = response

    def iter_content(self) -> Any:
        return self._response.iter_content(chunk_size=65536)


def _free_busy_views(protocol: Any, mailboxes: Sequence[str], start: Any, end: Any, zone: Any) -> list[Any]:
    """`Protocol.get_free_busy_info` with `_Availability` and the request's time zone given (``zone``, an
    exchangelib TimeZone built once from GetServerTimeZones) rather than fetched for every batch."""
    return list(_Availability(protocol).call(
        tzinfo=start.tzinfo,
        mailbox_data=[MailboxData(email=m, attendee_type="Required", exclude_conflicts=False) for m in mailboxes],
        timezone=zone,
        free_busy_view_options=FreeBusyViewOptions(time_window=TimeWindow(start=start, end=end),
                                                   merged_free_busy_interval=30, requested_view="DetailedMerged")))


def _credentials(settings: ExchangeSettings) -> Any:
    if settings.auth is EwsAuth.OAUTH:
        return exchangelib.OAuth2Credentials(client_id=settings.oauth_client_id,
                                             client_secret=settings.oauth_client_secret,
                                             tenant_id=settings.oauth_tenant_id)
    return exchangelib.Credentials(settings.username, settings.password)


def _version(text: str) -> Any:
    if not text:
        return None
    parts = [int(p) for p in text.split(".")]
    return exchangelib.Version(build=exchangelib.Build(*parts))


class ExchangeProvider:
    """Free/busy from one Exchange organisation. Thread-safe: exchangelib's protocol pools its sessions."""

    def __init__(self, settings: ExchangeSettings, zone_name: str) -> None:
        self.settings = settings
        self.zone = exchangelib.EWSTimeZone(settings.time_zone or zone_name)
        self._zoneinfo = ZoneInfo(settings.time_zone or zone_name)
        self._protocol: Any = None
        self._zones: dict[int, Any] = {}
        self._lock = threading.Lock()

    @property
    def max_batch(self) -> int:
        return max(1, min(self.settings.batch_size or MAX_MAILBOXES, MAX_MAILBOXES))

    def _connect(self) -> Any:
        with self._lock:
            if self._protocol is not None:
                return self._protocol
            auth = {EwsAuth.NTLM: exchangelib.NTLM, EwsAuth.BASIC: exchangelib.BASIC,
                    EwsAuth.OAUTH: exchangelib.OAUTH2}[self.settings.auth]
            config_args: dict[str, Any] = {
                "credentials": _credentials(self.settings), "auth_type": auth,
                "version": _version(self.settings.server_version), "retry_policy": exchangelib.FailFast(),
                "max_connections": max(1, self.settings.max_concurrency)}
            try:
                if self.settings.service_endpoint:
                    config = exchangelib.Configuration(service_endpoint=self.settings.service_endpoint, **config_args)
                    self._protocol = exchangelib.protocol.Protocol(config=config)
                else:
                    # Autodiscover (POX, then SOAP) finds the endpoint; our auth type, FailFast and connection
                    # limit are then applied to the protocol it returns.
                    config = exchangelib.Configuration(**config_args)
                    account = exchangelib.Account(self.settings.autodiscover_email, autodiscover=True, config=config,
                                                  access_type=exchangelib.DELEGATE)
                    self._protocol = account.protocol
            except ews_errors.UnauthorizedError as exc:
                raise CalendarAuthError(f"{self.settings.name}: credentials refused") from exc
            except ews_errors.EWSError as exc:
                raise CalendarError(f"{self.settings.name}: cannot reach Exchange: {exc}") from exc
            return self._protocol

    def _time_zone(self, protocol: Any, start: Any) -> Any:
        """The request's TimeZone element for ``start``'s year, from the server's full definition
        (GetServerTimeZones, once per year and provider: the definition names the DST rules of that year)."""
        with self._lock:
            cached = self._zones.get(start.year)
        if cached is None:
            definition = next(iter(protocol.get_timezones(timezones=[start.tzinfo], return_full_timezone_data=True)))
            cached = TimeZone.from_server_timezone(tz_definition=definition, for_year=start.year)
            with self._lock:
                self._zones[start.year] = cached
        return cached

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> dict[str, MailboxResult]:
        if len(mailboxes) > self.max_batch:
            raise ValueError(f"at most {self.max_batch} mailboxes per request")
        if not mailboxes:
            return {}
        protocol = self._connect()
        ews_start = exchangelib.EWSDateTime.from_datetime(start).astimezone(self.zone)
        ews_end = exchangelib.EWSDateTime.from_datetime(end).astimezone(self.zone)
        try:
            views = _free_busy_views(protocol, mailboxes, ews_start, ews_end, self._time_zone(protocol, ews_start))
        except ews_errors.ErrorServerBusy as exc:
            raise CalendarThrottledError(f"{self.settings.name}: server busy", exc.back_off) from exc
        except (ews_errors.UnauthorizedError, ews_errors.ErrorAccessDenied) as exc:
            raise CalendarAuthError(f"{self.settings.name}: credentials refused") from exc
        except ews_errors.TransportError as exc:
            raise CalendarError(f"{self.settings.name}: transport error: {exc}") from exc
        except Exception as exc:
            # exchangelib raises plain ValueError/AttributeError/lxml errors on malformed answers; whatever
            # it is, the request as a whole failed and the refresher backs off.
            raise CalendarError(f"{self.settings.name}: unusable answer: {type(exc).__name__}: {exc}") from exc
        if len(views) != len(mailboxes):
            raise CalendarError(f"{self.settings.name}: {len(views)} answers for {len(mailboxes)} mailboxes")
        return {mailbox: self._result(mailbox, view) for mailbox, view in zip(mailboxes, views, strict=True)}

    def _result(self, mailbox: str, view: Any) -> MailboxResult:
        if isinstance(view, Exception):
            code = type(view).__name__
            problem = _PROBLEMS.get(code, MailboxProblem.SERVER_ERROR)
            return MailboxResult(mailbox, problem=problem, reason=f"{code}: {view}"[:300])
        try:
            return MailboxResult(mailbox, tuple(view_blocks(view, self._zoneinfo)))
        except ValueError as exc:
            return MailboxResult(mailbox, problem=MailboxProblem.MALFORMED, reason=str(exc)[:300])

    def close(self) -> None:
        with self._lock:
            if self._protocol is not None:
                self._protocol.close()
                self._protocol = None

