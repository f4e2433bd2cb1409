"""The demo lab process: pjsua2 hosting the demo extensions and placing callers' calls to the operator.

Run as `python -m softphone.demolab '<LabConfig JSON>'` (see `process.DemoLab`). One pjsua2 account
with no registration receives every call for an extension (the request URI's user picks which) and
places the callers' calls with a P-Asserted-Identity naming the caller, to the operator's contact as
registered at the front door (or to the exchange's queue, `LabConfig.exchange`), with the dialled
switchboard number as the request URI's user. REFERs (blind and with Replaces) are followed like any
phone would. Commands on stdin (JSON lines): call
(the next caller, or `number`/`name`/`dialled`), hangup (`number`), quit. Events on stdout, "@@" + JSON.
"""

from __future__ import annotations

import contextlib
import gc
import json
import queue
import re
import sys
import threading
import time
from typing import Any

import pjsua2 as pj

from softphone.demolab.config import Behaviour, Caller, LabConfig
from softphone.demolab.frontdoor import FrontDoor
from softphone.loopback import start_loopback_endpoint

_PREFIX = "@@"
_RURI_USER = re.compile(r"^\w+ sips?:([^@;>\s]+)@")


def emit(**event: Any) -> None:
    sys.stdout.write(_PREFIX + json.dumps(event) + "\n")
    sys.stdout.flush()


class Lab:
    def __init__(self, config: LabConfig) -> None:
        self.config = config
        self.calls: dict[int, LabCall] = {}  # by our serial, kept until disconnected
        self.ended: list[LabCall] = []
        self.due: list[tuple[float, LabCall]] = []  # extensions to answer at a time
        self.tone: Any = None
        self.next_caller = 0
        self._serial = 0

    def serial(self) -> int:
        self._serial += 1
        return self._serial

    def start(self) -> None:
        self.ep, tid, self.port = start_loopback_endpoint(max_calls=32)
        self.door = FrontDoor(("127.0.0.1", self.port))
        self.door.start()
        acfg = pj.AccountConfig()
        acfg.idUri = f"sip:lab@127.0.0.1:{self.port}"
        acfg.sipConfig.transportId = tid
        if self.config.exchange:  # like a trunk behind the exchange: every request goes through it (a REFER's
            acfg.sipConfig.proxies.append(f"sip:{self.config.exchange};lr")  # target names the domain only)
        acfg.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
        self.account = LabAccount(self)
        self.account.create(acfg, True)
        if self.config.tone_hz:
            self.tone = pj.ToneGenerator()
            self.tone.createToneGenerator()
            desc = pj.ToneDesc()
            desc.freq1 = desc.freq2 = self.config.tone_hz
            desc.on_msec, desc.off_msec = 30000, 0  # fields are C shorts
            tones = pj.ToneDescVector()
            tones.append(desc)
            self.tone.play(tones, True)
        emit(event="ready", frontdoor=self.door.hostport, lab=self.port)

    # -- callers ------------------------------------------------------------------------------------

    def place_call(self, caller: Caller | None = None) -> None:
        if caller is None:
            if not self.config.callers:
                raise ValueError("no callers configured")
            caller = self.config.callers[self.next_caller % len(self.config.callers)]
            self.next_caller += 1
        if sum(1 for c in self.calls.values() if c.role == "caller") >= self.config.max_callers:
            raise ValueError("enough callers already")
        user = re.sub(r"[^0-9+*#]", "", caller.dialled) or self.config.operator
        if self.config.exchange:  # callers wait at the exchange's queue for the switchboard number
            uri = f"sip:{user}@{self.config.exchange}"
        else:
            contact = self.door.contact(self.config.operator)
            if contact is None:
                raise ValueError("the operator is not registered at the front door")
            uri = re.sub(r"^(sips?:)[^@]+@", rf"\g<1>{user}@", contact)
        prm = pj.CallOpParam(True)
        pai = pj.SipHeader()
        pai.hName = "P-Asserted-Identity"
        name = caller.name.replace('"', "")
        pai.hValue = f'"{name}" <sip:{caller.number}@127.0.0.1>' if name else f"<sip:{caller.number}@127.0.0.1>"
        prm.txOption.headers.append(pai)
        call = LabCall(self, "caller", caller.number)
        call.makeCall(uri, prm)
        emit(event="caller_calling", number=caller.number, uri=uri)

    def hangup(self, number: str) -> None:
        for call in list(self.calls.values()):
            if call.who == number:
                with contextlib.suppress(pj.Error):
                    call.hangup(pj.CallOpParam(True))

    def check_timers(self, now: float) -> None:
        for at, call in list(self.due):
            if now >= at:
                self.due.remove((at, call))
                with contextlib.suppress(pj.Error):
                    call.answer(_status(200))
        if self.config.talk_s > 0:
            for call in list(self.calls.values()):
                if call.role == "caller" and call.transferred and call.confirmed_at is not None \
                        and now - call.confirmed_at >= self.config.talk_s:
                    with contextlib.suppress(pj.Error):
                        call.hangup(pj.CallOpParam(True))
        if self.config.abandon_after_s > 0:
            for call in list(self.calls.values()):
                if call.role == "caller" and not call.confirmed \
                        and now - call.started >= self.config.abandon_after_s:
                    with contextlib.suppress(pj.Error):
                        call.hangup(pj.CallOpParam(True))

    # -- extensions ---------------------------------------------------------------------------------

    def incoming(self, call_id: int, message: str) -> None:
        match = _RURI_USER.match(message)
        number = match.group(1) if match else ""
        extension = self.config.extension(number)
        call = LabCall(self, "extension", number, call_id)
        emit(event="extension_incoming", extension=number)
        if extension is None:
            call.answer(_status(404))
        elif extension.behaviour is Behaviour.BUSY:
            call.answer(_status(486))
        else:
            call.answer(_status(180))
            if extension.behaviour is Behaviour.ANSWER:
                self.due.append((time.monotonic() + extension.answer_after_s, call))

    def shutdown(self) -> None:
        for call in list(self.calls.values()):
            with contextlib.suppress(pj.Error):
                call.hangup(pj.CallOpParam(True))
        end = time.monotonic() + 0.3
        while self.calls and time.monotonic() < end:
            self.ep.libHandleEvents(10)
        self.door.stop()
        self.calls.clear()
        self.ended.clear()
        self.due.clear()
        self.tone = None
        gc.collect()
        self.account.shutdown()
        del self.account
        self.ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)


class LabAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, lab: Lab) -> None:
        super().__init__()
        self.lab = lab

    def onIncomingCall(self, prm: Any) -> None:
        self.lab.incoming(prm.callId, str(prm.rdata.wholeMsg))


class LabCall(pj.Call):  # type: ignore[misc]
    def __init__(self, lab: Lab, role: str, who: str, call_id: int = pj.PJSUA_INVALID_ID, *,
                 transferred: bool = False) -> None:
        super().__init__(lab.account, call_id)
        self.lab, self.role, self.who, self.transferred = lab, role, who, transferred
        self.key = lab.serial()
        self.started = time.monotonic()
        self.confirmed = False
        self.confirmed_at: float | None = None
        lab.calls[self.key] = self

    def onCallState(self, prm: Any) -> None:
        info = self.getInfo()
        if info.state == pj.PJSIP_INV_STATE_CONFIRMED and not self.confirmed:
            self.confirmed, self.confirmed_at = True, time.monotonic()
        emit(event=f"{self.role}_state", who=self.who, state=info.stateText, code=info.lastStatusCode)
        if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self.lab.calls.pop(self.key, None)
            self.lab.due = [(at, c) for at, c in self.lab.due if c is not self]
            self.lab.ended.append(self)  # released on the next loop turn, not inside its own callback

    def onCallMediaState(self, prm: Any) -> None:
        info = self.getInfo()  # keep it alive: .media points into it
        for media in info.media:
            if media.type == pj.PJMEDIA_TYPE_AUDIO and self.lab.tone is not None and media.status in (
                    pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD):
                self.lab.tone.startTransmit(self.getAudioMedia(media.index))

    def onCallTransferRequest(self, prm: Any) -> None:
        prm.newCall = LabCall(self.lab, "caller", self.who, transferred=True)  # the caller follows the REFER
        emit(event="transfer_request", who=self.who, uri=str(prm.dstUri))

    def onCallReplaceRequest(self, prm: Any) -> None:
        prm.newCall = LabCall(self.lab, "extension", self.who)  # the extension takes the caller over
        emit(event="replace_request", who=self.who)


def _status(code: int) -> Any:
    prm = pj.CallOpParam(True)
    prm.statusCode = code
    return prm


def run(config: LabConfig) -> None:
    lab = Lab(config)
    lab.start()
    commands: queue.Queue[str | None] = queue.Queue()

    def read_stdin() -> None:  # plain Python thread: never touches pjsua2
        for line in sys.stdin:
            commands.put(line)
        commands.put(None)

    threading.Thread(target=read_stdin, daemon=True).start()
    # the first caller soon after the console registers, then one every interval
    next_call = time.monotonic() + min(config.interval_s, config.first_call_s) if config.interval_s > 0 \
        else float("inf")
    while True:
        lab.ep.libHandleEvents(10)
        lab.ended.clear()
        now = time.monotonic()
        lab.check_timers(now)
        if now >= next_call:
            next_call = now + config.interval_s
            with contextlib.suppress(ValueError, pj.Error):
                lab.place_call()
        try:
            line = commands.get_nowait()
        except queue.Empty:
            continue
        if line is None:
            break
        command = json.loads(line)
        if command["cmd"] == "quit":
            break
        try:
            if command["cmd"] == "call":
                caller = Caller(command["number"], command.get("name", ""), command.get("dialled", "")) \
                    if "number" in command else None
                lab.place_call(caller)
            elif command["cmd"] == "hangup":
                lab.hangup(command["number"])
            emit(event="ok", cmd=command["cmd"])
        except (ValueError, pj.Error) as error:
            emit(event="error", cmd=command["cmd"], message=error.info() if isinstance(error, pj.Error) else str(error))
    lab.shutdown()
