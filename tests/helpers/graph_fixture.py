"""Protocol fixture standing in for Microsoft Graph and the Azure AD token endpoint, which cannot run here.

Over HTTPS (msal insists on an https authority): OpenID discovery and the v2.0 token endpoint for the
client-credentials grant shaped like Azure AD's, and POST /v1.0/users/{id}/calendar/getSchedule answering
with Graph's documented scheduleInformation shape (scheduleItems, availabilityView, workingHours, per-schedule
errors), plus 401, 429/503 with Retry-After and malformed JSON on demand.
"""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import jwt

from tests.helpers.http_fixture import FixtureServer, Reply, Request

TENANT = "11111111-2222-3333-4444-555555555555"


@dataclass
class GraphEvent:
    start: datetime
    end: datetime
    status: str = "busy"  # free | tentative | busy | oof | workingElsewhere | unknown
    subject: str = ""
    location: str = ""
    private: bool = False


@dataclass
class GraphFixture:
    """The Graph stand-in's state; tests change it between requests."""

    calendars: dict[str, list[GraphEvent]] = field(default_factory=dict)
    clients: dict[str, str] = field(default_factory=lambda: {"app-id": "app-secret"})
    throttle_replies: int = 0  # answer this many getSchedule calls with 429 + Retry-After
    retry_after: int = 1
    malformed_replies: int = 0
    schedule_counts: list[int] = field(default_factory=list)
    token_requests: int = 0
    base_url: str = ""
    assertion_key: Any = None  # public key that must have signed a certificate client's assertion
    assertions_verified: int = 0
    _tokens: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, request: Request) -> Reply:
        path = request.path.split("?")[0]
        if path == f"/{TENANT}/v2.0/.well-known/openid-configuration":
            return self._openid()
        if path == f"/{TENANT}/oauth2/v2.0/token" and request.method == "POST":
            return self._token(request)
        if path.startswith("/v1.0/users/") and path.endswith("/calendar/getSchedule"):
            return self._schedule(request)
        return _json(404, {"error": {"code": "ResourceNotFound", "message": "Resource not found."}})

    def _openid(self) -> Reply:
        base = f"{self.base_url}/{TENANT}"
        return _json(200, {
            "token_endpoint": f"{base}/oauth2/v2.0/token", "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "issuer": f"{self.base_url}/{TENANT}/v2.0", "jwks_uri": f"{self.base_url}/{TENANT}/discovery/v2.0/keys",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "tenant_region_scope": "EU"})

    def _token(self, request: Request) -> Reply:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        self.token_requests += 1
        if form.get("grant_type") != "client_credentials":
            return _json(400, {"error": "unsupported_grant_type", "error_codes": [70003],
                               "error_description": "AADSTS70003: The app requested an unsupported grant type."})
        secret = self.clients.get(form.get("client_id", ""))
        if secret is not None and "client_assertion" in form and self._assertion_ok(form["client_assertion"]):
            secret = form["client_secret"] = "(certificate)"
        if secret is None or form.get("client_secret") != secret:
            return _json(401, {
                "error": "invalid_client", "error_codes": [7000215], "timestamp": "2026-11-23 08:00:00Z",
                "trace_id": "00000000-0000-0000-0000-000000000000",
                "error_description": "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent "
                                     "in the request is the client secret value, not the client secret ID."})
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens.add(token)
        return _json(200, {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token})

    def _assertion_ok(self, assertion: str) -> bool:
        """A client assertion (RFC 7523 JWT) signed by ``assertion_key`` for our token endpoint."""
        if self.assertion_key is None:
            return False
        try:
            claims = jwt.decode(assertion, self.assertion_key, algorithms=["RS256", "PS256"],
                                audience=f"{self.base_url}/{TENANT}/oauth2/v2.0/token")
        except jwt.PyJWTError:
            return False
        self.assertions_verified += 1
        return bool(claims.get("iss") == claims.get("sub") == "app-id")

    def _schedule(self, request: Request) -> Reply:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if token not in self._tokens:
            return _json(401, {"error": {"code": "InvalidAuthenticationToken", "message": "Access token is empty."}})
        with self._lock:
            if self.throttle_replies > 0:
                self.throttle_replies -= 1
                reply = _json(429, {"error": {"code": "TooManyRequests", "message": "Application is over its "
                                              "MailboxConcurrency limit."}})
                reply.headers["Retry-After"] = str(self.retry_after)
                return reply
            if self.malformed_replies > 0:
                self.malformed_replies -= 1
                return Reply(200, b'{"value": [{"scheduleId": ', {"Content-Type": "application/json"})
        body = json.loads(request.body)
        self.schedule_counts.append(len(body["schedules"]))
        start = _utc(body["startTime"])
        end = _utc(body["endTime"])
        values = [self._one(mailbox, start, end) for mailbox in body["schedules"]]
        return _json(200, {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection("
                                             "microsoft.graph.scheduleInformation)", "value": values})

    def _one(self, mailbox: str, start: datetime, end: datetime) -> dict[str, object]:
        events = self.calendars.get(mailbox.lower())
        if events is None:
            return {"scheduleId": mailbox, "availabilityView": "", "error": {
                "message": "The user or mailbox was not found in the directory.",
                "responseCode": "ErrorMailRecipientNotFound"}}
        shown = sorted((e for e in events if e.end > start and e.start < end), key=lambda e: e.start)
        items = []
        for event in shown:
            item: dict[str, object] = {"isPrivate": event.private, "status": event.status,
                                       "start": _graph_time(event.start), "end": _graph_time(event.end)}
            if not event.private:  # Graph leaves out subject and location of private items
                item.update(subject=event.subject, location=event.location)
            items.append(item)
        return {"scheduleId": mailbox, "availabilityView": _view(shown, start, end), "scheduleItems": items,
                "workingHours": {"daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                                 "startTime": "08:00:00.0000000", "endTime": "17:00:00.0000000",
                                 "timeZone": {"name": "W. Europe Standard Time"}}}


_VIEW = {"free": 0, "tentative": 1, "busy": 2, "oof": 3, "workingElsewhere": 4, "unknown": 0}


def _view(events: list[GraphEvent], start: datetime, end: datetime) -> str:
    out: list[str] = []
    moment = start
    while moment < end and len(out) < 2000:
        later = moment + timedelta(minutes=30)
        out.append(str(max((_VIEW[e.status] for e in events if e.start < later and e.end > moment), default=0)))
        moment = later
    return "".join(out)


def _graph_time(moment: datetime) -> dict[str, str]:
    return {"dateTime": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"}


def _utc(value: dict[str, str]) -> datetime:
    assert value["timeZone"] == "UTC", value
    return datetime.fromisoformat(value["dateTime"]).replace(tzinfo=UTC)


def _json(status: int, body: object) -> Reply:
    return Reply(status, json.dumps(body).encode(), {"Content-Type": "application/json; odata.metadata=minimal"})


def start_graph_fixture(cert: Path, key: Path, state: GraphFixture | None = None) -> tuple[FixtureServer, GraphFixture]:
    state = state or GraphFixture()
    server = FixtureServer(state.handle, tls=(cert, key))
    state.base_url = server.url
    return server, state
