"""`Phone`: one SIP account and its calls, run by pjsua2, seen through the plain domain model.

Threading model
---------------
pjsua2 runs with no threads of its own for SIP (`threadCnt = 0`, `mainThreadOnly = True`): nothing
happens in it unless its owner calls `Phone.pump()`, which runs `libHandleEvents(0)` and returns at
once. The owner is the thread that called `start()`: the GUI thread in the app (a 10 ms QTimer in
`app/calls/`), a plain loop in tests and benchmarks. Every public method checks it runs on
that thread and raises `WrongThreadError` otherwise, because a pjsua2 call from a thread pjlib does
not know aborts the process. Media (RTP, the sound device, the conference bridge) runs on pjmedia's
own threads and never calls into Python.

pjsua2 callbacks arrive inside `pump()` (or synchronously inside an intent such as `hangup()`). They
only update snapshots and queue immutable events (`softphone.model`); the events are delivered to the
listeners at the end of `pump()`, outside any pjsua2 callback, so a listener may call back into the
phone. A `Call` object is kept referenced until DISCONNECTED (an unreferenced incoming call is declined
at once) and released on the next pump, never inside its own callback.

Shutdown (`shutdown()`, after the owner stopped pumping): hang up every call, pump up to 300 ms for
them to end, unregister (waiting up to 300 ms), drop every Call/recorder/tone object and collect,
shut the account down, then `libDestroy(PJSUA_DESTROY_NO_NETWORK)`. A pjsua2 object alive after
`libDestroy` aborts the interpreter at exit, hence the order.

TLS goes through the OpenSSL 1.0.2 bundled in the pjsua2 wheel, which is out of support.
"""

from __future__ import annotations

import atexit
import gc
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pjsua2 as pj

from softphone.addressing import host_port
from softphone.audio import AudioRouting, list_devices
from softphone.backoff import Backoff, RetryPlan
from softphone.calls import CallTable
from softphone.conference import Conference
from softphone.keepalive import RegistrarProbe
from softphone.line import LineDown, LineWatch, RegisterAgain
from softphone.model import (
    AudioDevice,
    Call,
    CallChanged,
    PhoneError,
    PhoneEvent,
    Refusal,
    Registration,
    RegistrationChanged,
    RegistrationStatus,
)
from softphone.pjobjects import AccountHandle, EndpointHandle
from softphone.registration import RegistrationTracker
from softphone.screening import IncomingGate
from softphone.settings import DtmfMethod, PhoneSettings, Transport
from softphone.sipconfig import account_config, endpoint_config, transport_config, transport_type
from softphone.transfer import Transfers
from softphone.trust import TrustedSources

log = logging.getLogger(__name__)

__all__ = ["Phone", "PhoneError", "WrongThreadError"]

Listener = Callable[[PhoneEvent], None]


class WrongThreadError(RuntimeError):
    """pjsua2 was touched from a thread other than its owner."""


class Phone:
    """A SIP account with its calls. Intents are methods; outcomes arrive as events to listeners."""

    def __init__(self, settings: PhoneSettings, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._clock = clock
        self._listeners: list[Listener] = []
        self._pending: list[PhoneEvent] = []
        self._owner: threading.Thread | None = None
        self._ep: Any = None
        self._account: Any = None
        self._transport_id = -1
        self._account_transport = -1  # the transport the account is bound to; -1: pjsip picks (UDP and TCP)
        acc = settings.account
        backoff = Backoff(settings.retry_initial_s, settings.retry_max_s)
        self._reg = RegistrationTracker(RetryPlan(acc.registrar, acc.secondary_registrar, backoff))
        self._active_registrar = acc.registrar
        self._last_reg = Registration()
        self._line = LineWatch()
        self._audio: AudioRouting | None = None
        self._probe: RegistrarProbe | None = None
        self._trusted = TrustedSources(settings.trusted_servers, settings.account.trusted)
        self.gate = IncomingGate(self._trusted)
        self._calls = CallTable(self, self.gate)
        self._transfers = Transfers(self, self._calls)
        self._conference = Conference(self._calls)

    # -- lifecycle -------------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    @property
    def started(self) -> bool:
        return self._ep is not None

    def start(self) -> None:
        """Create the SIP stack on this thread (which becomes the owner) and start registering."""
        if self._ep is not None:
            raise PhoneError("the phone is already started")
        self._owner = threading.current_thread()
        # A pjsua2 object alive at interpreter exit aborts it: shut down first if the owner forgot to.
        atexit.register(self._shutdown_at_exit)
        ep = EndpointHandle(self)
        ep.libCreate()
        try:
            ep.libInit(endpoint_config(self.settings))
            kind = transport_type(self.settings.account.transport)
            self._transport_id = ep.transportCreate(kind, transport_config(self.settings.account))
            self._account_transport = self._transport_id
            if self.settings.account.transport is Transport.UDP and self._add_tcp_beside_udp(ep):
                self._account_transport = -1  # bound to UDP, pjsip may not switch a large request to TCP
            ep.libStart()
            self._ep = ep
            self._audio = AudioRouting(ep, self.settings.audio)
            self._audio.apply()
            self._calls.apply_codecs(self.settings.audio.codecs)
            self._refresh_trust()
            self._open_probe(self._reg.registrar)
            self._emit_registration(self._reg.started())
            self._account = AccountHandle(self)
            self._account.create(account_config(self.settings, self._reg.registrar,
                                                self._account_transport))
        except pj.Error as error:
            self._ep = ep
            self._destroy()
            raise PhoneError(f"the SIP stack did not start: {error.info()}") from error

    def _add_tcp_beside_udp(self, ep: Any) -> bool:
        """A TCP transport on the UDP transport's port. RFC 3261 18.1.1: a request over 1300 bytes (or near
        the path MTU) goes over TCP, as IP fragments of a large UDP datagram are often lost on the way;
        pjsip switches such requests to TCP by itself once a TCP transport exists (its UDP size threshold),
        and a proxy that does the same reaches us over TCP at our UDP address. Registration and the
        Contact stay UDP. (No transport carries more than pjsip's 4000-byte buffer: `softphone.screening`
        refuses a call whose answer could not be sent.) True when it was created."""
        port = int(ep.transportGetInfo(self._transport_id).localName.rpartition(":")[2])
        try:
            ep.transportCreate(pj.PJSIP_TRANSPORT_TCP, transport_config(self.settings.account, port=port))
        except pj.Error as error:
            log.warning("no TCP beside UDP on port %s (%s): large requests go over UDP", port, error.info())
            return False
        return True

    def pump(self) -> None:
        """Run pjsua2's pending work and deliver the resulting events. Call every ~10 ms on the owner."""
        self.check_thread()
        if self._ep is None:
            return
        self._calls.release_ended()
        self._ep.libHandleEvents(0)
        now = self._clock()
        self._calls.send_refusals(now)
        if self._reg.expired(now):
            self._emit_registration(self._reg.failed(408, "registration expired", "timeout", now))
        if self._probe is not None:
            self._watch_line(self._probe, now)
        if self._reg.retry_due(now) and not (self._probe is not None and self._probe.refused):
            # Not into a closed port: pjsip's unconnected UDP socket never hears the ICMP, and that REGISTER
            # would be retransmitted for 32 s, past the server's return. The probe's connected socket hears
            # it and pings every second meanwhile; its first answer registers (softphone.line).
            self._register_again()
        self._calls.check_media(now)
        self._calls.check_ringing(now)
        self._calls.reconcile_holds()
        self.deliver()

    def deliver(self) -> None:
        """Hand queued events to the listeners; one failing listener neither stops the others nor the pump."""
        while self._pending:
            events, self._pending = self._pending, []
            for event in events:
                for listener in list(self._listeners):
                    try:
                        listener(event)
                    except Exception:
                        log.exception("phone listener %r failed on %r", listener, event)

    def shutdown(self) -> None:
        """Hang up, unregister and destroy the SIP stack. The owner must have stopped pumping."""
        if self._ep is None:
            return
        self.check_thread()
        self._calls.hangup_all()
        self._handle_until(lambda: not self._calls.live(), 0.3)
        if self._reg.current.registered:
            try:
                self._account.setRegistration(False)
                self._handle_until(lambda: not self._reg.current.registered, 0.3)
            except pj.Error:
                pass  # already unregistering or no transport: nothing to undo
        self._destroy()
        if self._reg.current.status is not RegistrationStatus.OFFLINE:
            self._emit_registration(self._reg.unregistered())
        self.deliver()

    def _shutdown_at_exit(self) -> None:
        if self._ep is not None and threading.current_thread() is self._owner:
            self.shutdown()

    def _destroy(self) -> None:
        atexit.unregister(self._shutdown_at_exit)
        if self._probe is not None:
            self._probe.close()
            self._probe = None
        self._calls.drop_all()
        if self._audio is not None:
            # The calls' ports first: until the bridge has dropped them they still feed the sound ports.
            self._conference_settled(1 + self._audio.conference_ports)
            self._audio.close()
            self._audio = None
        gc.collect()
        self._conference_settled(1)
        if self._account is not None:
            self._account.shutdown()
            self._account = None
        gc.collect()
        ep, self._ep = self._ep, None
        ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
        del ep
        gc.collect()

    def _conference_settled(self, remaining: int, timeout_s: float = 0.5) -> None:
        """Wait until the conference bridge holds no more than `remaining` ports (its master port is one).
        It removes ports on its own clock thread, later: destroying a sound bridge port while a call's
        port still fed it, or libDestroy before a removal was done, aborted."""
        deadline = time.monotonic() + timeout_s
        while self._ep.mediaActivePorts() > remaining and time.monotonic() < deadline:
            time.sleep(0.005)

    def _handle_until(self, done: Callable[[], bool], timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not done() and time.monotonic() < deadline:
            self._ep.libHandleEvents(10)
            self._calls.release_ended()

    # -- thread discipline and plumbing for CallTable and Transfers (softphone.host.CallHost) ------

    def check_thread(self) -> None:
        if self._owner is not None and threading.current_thread() is not self._owner:
            raise WrongThreadError(
                f"the phone belongs to thread {self._owner.name!r}, "
                f"not {threading.current_thread().name!r}")

    def require_started(self) -> Any:
        self.check_thread()
        if self._ep is None:
            raise PhoneError("the phone is not started", Refusal.NOT_STARTED)
        return self._ep

    def queue(self, event: PhoneEvent) -> None:
        self._pending.append(event)
        if isinstance(event, CallChanged):
            self._transfers.call_changed(event)
            self._conference.call_changed(event)

    @property
    def account(self) -> Any:
        return self._account

    @property
    def audio(self) -> AudioRouting:
        if self._audio is None:
            raise PhoneError("the phone is not started", Refusal.NOT_STARTED)
        return self._audio

    def now(self) -> float:
        return self._clock()

    # -- registration ---------------------------------------------------------------------------

    @property
    def registration(self) -> Registration:
        return self._reg.with_retry_in(self._clock())

    @property
    def next_keepalive_at(self) -> float | None:
        """When the next keep-alive goes out, on the phone's clock; None without them (TCP, TLS, or off)."""
        self.check_thread()
        return self._probe.next_ping_at if self._probe is not None else None

    def register_now(self) -> None:
        """Retry registering at once (e.g. an operator pressing "reconnect")."""
        self.require_started()
        self._register_again()

    def _register_again(self, why: str = "") -> None:
        registrar = self._reg.registrar
        self._emit_registration(self._reg.started(), why)
        try:
            if registrar != self._active_registrar:
                self._active_registrar = registrar
                self._open_probe(registrar)
                self._account.modify(account_config(self.settings, registrar, self._account_transport))
            else:
                self._account.setRegistration(True)
        except pj.Error as error:
            self._emit_registration(self._reg.failed(503, error.reason, error.info(), self._clock()))

    def _watch_line(self, probe: RegistrarProbe, now: float) -> None:
        action = self._line.check(probe, self._reg.current, now)
        if isinstance(action, LineDown):
            self._emit_registration(self._reg.failed(action.code, action.reason, "", now))
        elif isinstance(action, RegisterAgain):
            self._register_again(action.why)

    def _open_probe(self, registrar: str) -> None:
        """UDP only: OPTIONS keep-alives to the registrar (TCP/TLS notice a lost connection by themselves)."""
        if self._probe is not None:
            self._probe.close()
            self._probe = None
        account = self.settings.account
        if account.transport is not Transport.UDP or account.keepalive_interval <= 0:
            return
        host, port = host_port(account.outbound_proxy or registrar)
        probe = RegistrarProbe(host, port, account.keepalive_interval, aor=account.aor)
        self._line.probe_opened()
        try:
            probe.open()
        except OSError as error:
            log.warning("no keep-alives to %s: %s", registrar, error)
            return
        self._probe = probe

    def _refresh_trust(self) -> None:
        """Resolve the trusted servers' names again (at start and on each registration: a PBX may move)."""
        for name in self._trusted.refresh():
            log.warning("trusted source %s does not resolve: calls from it are refused until it does", name)

    def _emit_registration(self, registration: Registration, why: str = "") -> None:
        previous, self._last_reg = self._last_reg, registration
        if registration != previous:
            self._line.log(registration, previous, why, self._clock())
            self.queue(RegistrationChanged(registration, previous))

    def on_reg_state(self, prm: Any) -> None:
        self.check_thread()
        code, now = int(prm.code), self._clock()
        if 200 <= code < 300:
            if int(prm.expiration) > 0:
                if self._probe is not None:
                    self._probe.reset(now)
                self._refresh_trust()
                self._emit_registration(self._reg.succeeded(code, int(prm.expiration), now))
            else:
                self._emit_registration(self._reg.unregistered())
            return
        detail = self._ep.utilStrError(prm.status) if prm.status and self._ep is not None else ""
        self._emit_registration(self._reg.failed(code, str(prm.reason), detail, now))

    def on_transport_state(self, prm: Any) -> None:
        # A TCP/TLS flow closed (server stopped or restarted): refresh now instead of waiting for expiry. Over
        # UDP a TCP connection is only ever one that carried a large message: its closing says nothing.
        self.check_thread()
        if self.settings.account.transport is Transport.UDP:
            return
        if prm.state == pj.PJSIP_TP_STATE_DISCONNECTED and self._reg.current.registered and self._account:
            try:
                self._account.setRegistration(True)
            except pj.Error as error:
                log.info("re-register after lost connection failed: %s", error.info())

    # -- calls ----------------------------------------------------------------------------------

    def on_incoming_call(self, prm: Any) -> None:
        self._calls.incoming(prm)

    def on_rejected_call(self, prm: Any) -> None:
        self._calls.rejected(prm)

    def on_call_state(self, handle: Any) -> None:
        self._calls.state_changed(handle)

    def on_call_media_state(self, handle: Any) -> None:
        self._calls.media_changed(handle)

    def on_dtmf(self, handle: Any, digit: str, method: int) -> None:
        self._calls.dtmf_received(handle, digit, method)

    def on_transfer_status(self, handle: Any, prm: Any) -> None:
        self._transfers.transfer_status(handle, prm)

    # -- audio ----------------------------------------------------------------------------------

    def audio_devices(self) -> tuple[AudioDevice, ...]:
        return list_devices(self.require_started())

    def set_volume(self, *, speaker: float | None = None, microphone: float | None = None,
                   ring: float | None = None) -> None:
        self.require_started()
        self.audio.set_levels(speaker, microphone, ring)

    @property
    def local_sip_port(self) -> int:
        ep = self.require_started()
        return int(ep.transportGetInfo(self._transport_id).localName.rpartition(":")[2])

    # -- call intents (see softphone.calls.CallTable) ----------------------------------------------

    @property
    def calls(self) -> tuple[Call, ...]:
        """Snapshots of the live calls, oldest first."""
        return self._calls.snapshots()

    def call(self, call_id: int) -> Call:
        return self._calls.snapshot(call_id)

    def dial(self, target: str) -> int:
        """Call a number or SIP URI; other connected calls go on hold. Returns the new call's id."""
        return self._calls.dial(target)

    def answer(self, call_id: int) -> None:
        self._calls.answer(call_id)

    def reject(self, call_id: int, *, busy: bool = False) -> None:
        """Refuse a ringing call: 486 Busy Here when `busy`, else 603 Decline."""
        self._calls.reject(call_id, 486 if busy else 603)

    def hangup(self, call_id: int) -> None:
        self._calls.hangup(call_id)

    def hold(self, call_id: int) -> None:
        self._calls.hold(call_id)

    def resume(self, call_id: int) -> None:
        self._calls.resume(call_id)

    def set_muted(self, call_id: int, muted: bool) -> None:
        self._calls.set_muted(call_id, muted)

    def send_dtmf(self, call_id: int, digits: str, method: DtmfMethod | None = None) -> None:
        self._calls.send_dtmf(call_id, digits, method or self.settings.account.dtmf_method)

    def start_recording(self, call_id: int, path: Path) -> None:
        """Record the call's incoming audio to a WAV file (complete once recording stops or the call ends)."""
        self._calls.start_recording(call_id, path)

    def stop_recording(self, call_id: int) -> None:
        self._calls.stop_recording(call_id)

    # -- transfers and three-way calls (softphone.transfer, softphone.conference) ----------------------
    # Which call is a consultation for which caller is the desk's to know (softphone.desk): the phone
    # only dials, holds, resumes, joins and transfers the calls it is told.

    def transfer(self, call_id: int, target: str) -> None:
        """Blind transfer (REFER); progress arrives as `TransferProgress`, our leg ends on success."""
        self._transfers.blind(call_id, target)

    def complete_transfer(self, caller_id: int, consult_id: int) -> None:
        """Connect the caller to the party of `consult_id` (REFER with Replaces; blind while it still rings)."""
        self._transfers.attended(caller_id, consult_id)

    def join(self, call_id: int, other_id: int) -> None:
        """Three-way call: both parties and the operator hear each other (both calls off hold). Hanging
        up either call ends the three-way."""
        self._conference.join(call_id, other_id)

    def joined(self, call_id: int) -> int | None:
        """The call `call_id` is joined with in a three-way call, else None."""
        self.check_thread()
        return self._conference.joined(call_id)

    def transferring(self, call_id: int) -> str | None:
        """The target URI while a transfer of `call_id` awaits its outcome, else None."""
        self.check_thread()
        return self._transfers.transferring(call_id)
