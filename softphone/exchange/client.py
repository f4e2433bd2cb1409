"""ExchangeClient: the exchange queue's control API over HTTP/JSON (blocking; run it off the GUI thread)."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import urllib.parse
from collections.abc import Callable
from typing import Any

from softphone.exchange.model import QueuedCaller, QueueSnapshot
from softphone.exchange.transport import connect, tls_context, untrusted
from softphone.exchange.watcher import Watcher

TIMEOUT_S = 5.0


class PickRefused(Exception):  # noqa: N818 - the name the console's contract uses
    """A pick (or another request) the exchange refused or could not be asked.

    kind: "taken" (another console has it), "unknown" (no such caller, or nobody waiting for "next"),
    "not_signed_in", "forbidden" (wrong operator or token), "unreachable" (no answer from the exchange, or
    it could not reach this console), "untrusted" (https: the exchange's certificate failed verification),
    "rate_limited" (this address sent more requests a second than the exchange takes), "bad_request" (the
    request was malformed: a bug or a bad id)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind, self.detail = kind, detail


_KIND_BY_STATUS = {400: "bad_request", 403: "forbidden", 404: "unknown", 409: "taken", 413: "bad_request",
                   429: "rate_limited", 503: "unreachable"}


class ExchangeClient:
    """One console's view of the queue: list, pick, sign in and out, and `watch` for events.

    With an https:// URL the API and the event stream are TLS and the exchange's certificate is verified
    against `ca_file` (PEM) or, without one, the system's CAs."""

    def __init__(self, base_url: str, operator: str, token: str, *, ca_file: str = "") -> None:
        parsed = urllib.parse.urlsplit(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"exchange URL must be http://host:port or https://host:port, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.operator = operator
        self._token = token
        self._parsed = parsed
        self._ca_file = ca_file
        self._tls = tls_context(ca_file) if parsed.scheme == "https" else None

    @property
    def host(self) -> str:
        return self._parsed.hostname or "127.0.0.1"

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """The JSON answer of one request; raises PickRefused with the server's kind and message."""
        connection: http.client.HTTPConnection = (
            http.client.HTTPSConnection(self.host, self._parsed.port, timeout=TIMEOUT_S, context=self._tls)
            if self._tls is not None else http.client.HTTPConnection(self.host, self._parsed.port,
                                                                     timeout=TIMEOUT_S))
        headers = {"Authorization": f"Bearer {self._token}", "X-Switchboard-Operator": self.operator,
                   "Content-Type": "application/json"}
        payload = json.dumps(body).encode() if body is not None else b""
        try:
            connection.request(method, self._parsed.path.rstrip("/") + path, body=payload, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        except ssl.SSLCertVerificationError as exc:
            raise PickRefused("untrusted", str(untrusted(self.base_url, exc, self._ca_file))) from exc
        except OSError as exc:
            raise PickRefused("unreachable", f"{self.base_url}: {exc}") from exc
        finally:
            connection.close()
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            data = {"message": raw[:200].decode("utf-8", "replace")}
        if response.status == 200 and isinstance(data, dict):
            return data
        kind = str(data.get("error") or _KIND_BY_STATUS.get(response.status, "unreachable"))
        raise PickRefused(kind, str(data.get("message", f"HTTP {response.status}")))

    def snapshot(self) -> QueueSnapshot:
        data = self.request("GET", "/queue")
        return QueueSnapshot(tuple(QueuedCaller.from_json(c) for c in data.get("callers", [])),
                             tuple(str(o) for o in data.get("operators", [])), int(data.get("seq", 0)))

    def stream_token(self) -> str:
        """The token, for the event stream's opening message (the watcher's only use of it)."""
        return self._token

    def stream_socket(self, port: int, timeout: float) -> socket.socket:
        """A connection to the event stream: TLS (verified) when the API is https, else plain TCP."""
        return connect(self.host, port, timeout=timeout, context=self._tls, ca_file=self._ca_file)

    def events_port(self) -> int:
        return int(self.request("GET", "/queue").get("events_port", 0))

    def pick(self, id_or_next: str) -> str:
        """Asks for this caller (or "next"); the id the exchange now rings this console with."""
        return str(self.request("POST", "/queue/pick", {"id": id_or_next})["id"])

    def sign_in(self) -> None:
        self.request("POST", "/queue/sign-in", {})

    def sign_out(self) -> None:
        self.request("POST", "/queue/sign-out", {})

    def watch(self, listener: Callable[[object], None]) -> Watcher:
        """Starts the event stream on its own thread; `listener` is called on that thread."""
        watcher = Watcher(self, listener)
        watcher.start()
        return watcher
