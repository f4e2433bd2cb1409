"""A small SUBSCRIBE/NOTIFY client for the dialog event package (RFC 4235): busy lamps for watched people.

pjsua2 has no API for the dialog package, so this runs beside it with its own UDP socket.

Threading: `start` opens the socket and starts one daemon thread that owns the socket and every
`Subscription`; nothing else touches them. `watch`/`unwatch`/`stop` may be called from any thread: they
post commands to a queue the thread reads between datagrams (it wakes at least every 50 ms). The
thread reports through `events`, a thread-safe queue of immutable `BlfEvent`s the owner drains (the
GUI with a timer, tests by polling) with `drain`. No callback ever runs on the client's thread.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from softphone.blf.dialoginfo import LineActivity, parse_dialog_info
from softphone.blf.digest import parse_challenge
from softphone.blf.events import BlfEvent, LineChanged, SubscriptionFailed
from softphone.blf.message import MAX_DATAGRAM, Message, parse, response_to
from softphone.blf.subscription import BlfAccount, Subscription, target_uri

log = logging.getLogger(__name__)
RETRY_S = 30.0
_TICK_S = 0.05
_RESEND_S = (0.5, 1.0, 2.0, 4.0, 4.0, 4.0)  # UDP retransmissions before giving up (~16 s)


def _route_to(address: tuple[str, int]) -> str:
    """The local address the system would use to reach ``address`` (when bound to all interfaces)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(address)
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


class BlfClient:
    """Watches targets' line state ("1002" or a SIP URI) through the PBX; see the module docstring."""

    def __init__(self, account: BlfAccount, *, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.account = account
        self.events: queue.Queue[BlfEvent] = queue.Queue()
        self._now = now
        self._commands: queue.Queue[tuple[str, str]] = queue.Queue()
        self._socket: socket.socket | None = None
        self._host = ""  # our address as the proxy sees it, for Via and Contact
        self._thread: threading.Thread | None = None
        self._subs: dict[str, Subscription] = {}  # by target; thread only
        self._pending: dict[tuple[str, int], tuple[bytes, float, int]] = {}  # (call-id, cseq): data, due, tries

    @property
    def port(self) -> int:
        return self._socket.getsockname()[1] if self._socket is not None else 0

    def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((self.account.bind_address, 0))
        self._host = self.account.bind_address or _route_to(self.account.proxy_address)
        sock.settimeout(_TICK_S)
        self._socket = sock
        self._thread = threading.Thread(target=self._run, name="blf", daemon=True)
        self._thread.start()

    def watch(self, target: str) -> None:
        self._commands.put(("watch", target))

    def unwatch(self, target: str) -> None:
        self._commands.put(("unwatch", target))

    def stop(self, timeout: float = 2.0) -> None:
        """Unsubscribe everything (best effort) and end the thread."""
        if self._thread is not None:
            self._commands.put(("stop", ""))
            self._thread.join(timeout)
            self._thread = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def drain(self) -> list[BlfEvent]:
        items: list[BlfEvent] = []
        with contextlib.suppress(queue.Empty):
            while True:
                items.append(self.events.get_nowait())
        return items

    # -- the client's thread ----------------------------------------------------------------------

    def _run(self) -> None:
        assert self._socket is not None
        sock = self._socket
        while True:
            if not self._commands_done():
                return
            try:
                data, _ = sock.recvfrom(MAX_DATAGRAM)
            except TimeoutError:
                data = b""
            except OSError:
                return
            if data:
                try:
                    self._received(data)
                except Exception:  # hostile input must never end the thread
                    log.exception("BLF: could not handle a datagram")
            self._timers()

    def _commands_done(self) -> bool:
        """Run queued commands; False when told to stop."""
        with contextlib.suppress(queue.Empty):
            while True:
                command, target = self._commands.get_nowait()
                if command == "stop":
                    for sub in list(self._subs.values()):
                        self._send(sub, expires=0, track=False)
                    return False
                if command == "watch" and target not in self._subs:
                    self._subscribe(Subscription(target, target_uri(target, self.account.domain)))
                elif command == "unwatch" and target in self._subs:
                    self._send(self._subs.pop(target), expires=0, track=False)
        return True

    def _subscribe(self, sub: Subscription) -> None:
        self._subs[sub.target] = sub
        sub.refresh_at = time.monotonic() + self.account.expires_s  # replaced by the 2xx's Expires
        self._send(sub, expires=self.account.expires_s)

    def _send(self, sub: Subscription, *, expires: int, track: bool = True) -> None:
        assert self._socket is not None
        host, port = self._host, self.port
        contact = f"sip:{self.account.user}@{host}:{port}"
        data = sub.request(self.account, contact, f"{host}:{port}", expires=expires)
        if track:
            self._pending[(sub.call_id, sub.cseq)] = (data, time.monotonic() + _RESEND_S[0], 0)
        with contextlib.suppress(OSError):
            self._socket.sendto(data, self.account.proxy_address)

    def _timers(self) -> None:
        now = time.monotonic()
        for key, (data, due, tries) in list(self._pending.items()):
            if due > now:
                continue
            sub = next((s for s in self._subs.values() if s.call_id == key[0]), None)
            if sub is None:
                del self._pending[key]
            elif tries + 1 >= len(_RESEND_S):
                del self._pending[key]
                self._failed(sub, 0, "no answer")
            else:
                self._pending[key] = (data, now + _RESEND_S[tries + 1], tries + 1)
                if self._socket is not None:
                    with contextlib.suppress(OSError):
                        self._socket.sendto(data, self.account.proxy_address)
        for sub in list(self._subs.values()):
            if sub.refresh_at <= now:
                sub.refresh_at = now + RETRY_S  # until the answer sets the next refresh
                if sub.to_tag or sub.cseq == 0:
                    self._send(sub, expires=self.account.expires_s)
                else:  # never established (refused, unanswered): start a fresh dialog
                    self._subscribe(Subscription(sub.target, sub.uri))

    def _received(self, data: bytes) -> None:
        message = parse(data)
        if message is None:
            return
        if message.method == "NOTIFY":
            self._notify(message)
        elif message.method:
            self._reply(response_to(message, 405, "Method Not Allowed"))
        elif message.cseq[1] == "SUBSCRIBE":
            self._response(message)

    def _reply(self, data: bytes) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.sendto(data, self.account.proxy_address)

    def _response(self, response: Message) -> None:
        call_id, (cseq, _) = response.header("call-id"), response.cseq
        if self._pending.pop((call_id, cseq), None) is None or response.status < 200:
            return
        sub = next((s for s in self._subs.values() if s.call_id == call_id), None)
        if sub is None:
            return
        if response.status in (401, 407) and sub.auth_failures < 2:
            header = "proxy-authenticate" if response.status == 407 else "www-authenticate"
            challenge = parse_challenge(response.header(header))
            if challenge is not None:
                stale = sub.challenge is not None and "stale=true" in response.header(header).lower()
                sub.auth_failures = 0 if stale else sub.auth_failures + 1
                sub.challenge, sub.nonce_count = (header, challenge), 0
                self._send(sub, expires=self.account.expires_s)
                return
        if 200 <= response.status < 300:
            sub.auth_failures = 0
            sub.accepted(response)
            expires = response.header("expires")
            granted = int(expires) if expires.isdigit() else self.account.expires_s
            sub.refresh_at = time.monotonic() + max(granted * 0.8, 1.0)  # well before it lapses
            return
        if response.status == 481 or sub.to_tag:  # the dialog is gone: a new subscription later
            sub.to_tag, sub.remote_target, sub.route = "", "", ()
        self._failed(sub, response.status, response.reason)

    def _failed(self, sub: Subscription, status: int, reason: str) -> None:
        sub.cseq = max(sub.cseq, 1)
        sub.to_tag = ""
        sub.refresh_at = time.monotonic() + RETRY_S
        self.events.put(SubscriptionFailed(sub.target, status, reason, RETRY_S))
        self._report(sub, LineActivity.UNKNOWN)

    def _notify(self, request: Message) -> None:
        sub = next((s for s in self._subs.values() if s.call_id == request.header("call-id")), None)
        if sub is None or "dialog" not in request.header("event").lower():
            self._reply(response_to(request, 481, "Subscription Does Not Exist"))
            return
        self._reply(response_to(request, 200, "OK"))
        sub.notified(request)
        state = request.header("subscription-state").lower()
        info = parse_dialog_info(request.body) if request.body else None
        if info is not None and sub.book.apply(info):
            self._report(sub, sub.book.activity())
        elif not request.body and state.startswith("active"):
            self._report(sub, sub.book.activity())  # Kamailio's first NOTIFY without a presentity: idle
        if state.startswith("terminated"):
            retry = "rejected" not in state and "noresource" not in state
            sub.to_tag, sub.remote_target, sub.route = "", "", ()
            sub.refresh_at = time.monotonic() + (1.0 if retry else RETRY_S)
            self._report(sub, LineActivity.UNKNOWN)

    def _report(self, sub: Subscription, activity: LineActivity) -> None:
        if activity is sub.reported:
            return
        sub.reported = activity
        dialogs = tuple(sub.book.dialogs.values()) if activity is not LineActivity.UNKNOWN else ()
        self.events.put(LineChanged(sub.target, activity, dialogs, self._now()))
