"""A peer phone for integration tests: a separate pjsua2 process driven by JSON lines.

Run as `python -m tests.helpers.sip_peer '<json config>'`; the test side uses `SipPeer`. Commands on
stdin (one JSON object a line): call, answer, hangup, hold, resume, tone, record, stop_record, dtmf,
quit. Events on stdout as lines starting with "@@" (pjlib prints its own banner lines there too):
ready, reg, incoming, call_state, media, dtmf, ok, error. One call at a time; PCMU only; null audio.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

_PREFIX = "@@"


# -- the peer process ---------------------------------------------------------------------------

def _hold_or_resume(ep: Any, call: Any, hold: bool, timeout: float = 3.0) -> None:
    """Hold or resume, retrying while pjsua refuses because the last re-INVITE is still under way
    (PJ_EINVALIDOP), as a user pressing the button again would."""
    import pjsua2 as pj  # noqa: PLC0415 - only in the peer's own process

    deadline = time.monotonic() + timeout
    while True:
        prm = pj.CallOpParam(True)
        try:
            if hold:
                call.setHold(prm)
            else:
                prm.opt.flag = pj.PJSUA_CALL_UNHOLD
                call.reinvite(prm)
            return
        except pj.Error as error:
            if error.status != 70013 or time.monotonic() > deadline:  # PJ_EINVALIDOP
                raise
            ep.libHandleEvents(10)


def _emit(**event: Any) -> None:
    event.setdefault("t", time.monotonic())  # CLOCK_MONOTONIC: comparable across processes (benchmark)
    sys.stdout.write(_PREFIX + json.dumps(event) + "\n")
    sys.stdout.flush()


def _run_peer(config: dict[str, Any]) -> None:
    import pjsua2 as pj  # noqa: PLC0415 - only the child process loads pjsua2

    from softphone.loopback import start_loopback_endpoint  # noqa: PLC0415

    class Peer(pj.Account):  # type: ignore[misc]
        def onRegState(self, prm: Any) -> None:
            _emit(event="reg", code=prm.code, expires=prm.expiration)

        def onIncomingCall(self, prm: Any) -> None:
            call = PeerCall(self, prm.callId)
            state["call"] = call
            _emit(event="incoming", message=prm.rdata.wholeMsg)
            prm2 = pj.CallOpParam(True)
            prm2.statusCode = 200 if config.get("auto_answer") else 180
            call.answer(prm2)

    class PeerCall(pj.Call):  # type: ignore[misc]
        def onCallState(self, prm: Any) -> None:
            info = self.getInfo()
            _emit(event="call_state", state=info.stateText, code=info.lastStatusCode, reason=info.lastReason)
            if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
                state["ended"].append(self)
                if state.get("call") is self:
                    state["call"] = None

        def onCallMediaState(self, prm: Any) -> None:
            info = self.getInfo()  # keep it alive: .media points into it
            for media in info.media:
                if media.type == pj.PJMEDIA_TYPE_AUDIO:
                    _emit(event="media", status=int(media.status))
                    if media.status in (pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD):
                        audio = self.getAudioMedia(media.index)
                        if state.get("tone") is not None:
                            state["tone"].startTransmit(audio)
                        if state.get("recorder") is not None:
                            audio.startTransmit(state["recorder"])

        def onDtmfDigit(self, prm: Any) -> None:
            method = "sip_info" if prm.method == pj.PJSUA_DTMF_METHOD_SIP_INFO else "rfc4733"
            _emit(event="dtmf", digit=prm.digit, method=method)

        # Transferee: the REFER's new call becomes the peer's call (tone and recorder follow it).
        def onCallTransferRequest(self, prm: Any) -> None:
            new = PeerCall(state["account"])
            prm.newCall = new
            state["call"] = new
            _emit(event="transfer_request", uri=prm.dstUri)

        # Target: the INVITE with Replaces takes over this call.
        def onCallReplaceRequest(self, prm: Any) -> None:
            new = PeerCall(state["account"])
            prm.newCall = new
            state["call"] = new
            _emit(event="replace_request")

    state: dict[str, Any] = {"call": None, "ended": [], "tone": None, "recorder": None}
    ep, tid, port = start_loopback_endpoint()
    acfg = pj.AccountConfig()
    acfg.idUri = f"sip:{config['user']}@127.0.0.1"
    acfg.regConfig.registrarUri = f"sip:{config['registrar']}"
    acfg.regConfig.timeoutSec = 60
    acfg.sipConfig.transportId = tid
    acfg.sipConfig.proxies.append(f"sip:{config['registrar']};lr")
    password = config.get("password") or f"pw{config['user']}"
    acfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", config["user"], 0, password))
    acfg.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
    srtp = {"off": pj.PJMEDIA_SRTP_DISABLED, "optional": pj.PJMEDIA_SRTP_OPTIONAL,
            "mandatory": pj.PJMEDIA_SRTP_MANDATORY}[config.get("srtp", "off")]
    acfg.mediaConfig.srtpUse = srtp
    acfg.mediaConfig.srtpSecureSignaling = 0
    account = Peer()
    account.create(acfg)
    state["account"] = account
    _emit(event="ready", port=port)

    commands: queue.Queue[str | None] = queue.Queue()

    def read_stdin() -> None:  # plain Python thread: never touches pjsua2
        for line in sys.stdin:
            commands.put(line)
        commands.put(None)

    threading.Thread(target=read_stdin, daemon=True).start()
    running = True
    while running:
        ep.libHandleEvents(1)  # short poll: outgoing INVITEs are sent from deferred jobs (benchmark timing)
        state["ended"].clear()
        with contextlib.suppress(queue.Empty):
            line = commands.get_nowait()
            if line is None:
                break
            command = json.loads(line)
            name = command["cmd"]
            call: Any = state.get("call")
            try:
                if name == "quit":
                    running = False
                elif name == "call":
                    call = PeerCall(account)
                    state["call"] = call
                    prm = pj.CallOpParam(True)
                    if command.get("display_name"):  # this call's From only (a long name, say)
                        prm.txOption.localUri = f'"{command["display_name"]}" <sip:{config["user"]}@127.0.0.1>'
                    sent = time.monotonic()
                    call.makeCall(command["uri"], prm)
                    _emit(event="invite_sent", t=sent)
                elif name == "answer":
                    prm = pj.CallOpParam(True)
                    prm.statusCode = int(command.get("code", 200))
                    call.answer(prm)
                elif name == "hangup":
                    call.hangup(pj.CallOpParam(True))
                elif name in ("hold", "resume"):
                    _hold_or_resume(ep, call, name == "hold")
                elif name == "tone":
                    tone = pj.ToneGenerator()
                    tone.createToneGenerator()
                    desc = pj.ToneDesc()
                    desc.freq1 = desc.freq2 = int(command["freq"])
                    desc.on_msec, desc.off_msec = 30000, 0  # fields are C shorts
                    tones = pj.ToneDescVector()
                    tones.append(desc)
                    tone.play(tones, True)
                    state["tone"] = tone
                    if call is not None:
                        info = call.getInfo()  # keep it alive: .media points into it
                        for media in info.media:
                            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status != pj.PJSUA_CALL_MEDIA_NONE:
                                tone.startTransmit(call.getAudioMedia(media.index))
                elif name == "record":
                    # only state holds the recorder, so stop_record destroys it (writing the WAV header)
                    state["recorder"] = pj.AudioMediaRecorder()
                    state["recorder"].createRecorder(command["path"])
                    if call is not None:
                        info = call.getInfo()  # keep it alive: .media points into it
                        for media in info.media:
                            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status != pj.PJSUA_CALL_MEDIA_NONE:
                                call.getAudioMedia(media.index).startTransmit(state["recorder"])
                elif name == "stop_record":
                    state["recorder"] = None  # destroying it writes the WAV header
                elif name == "dtmf":
                    if command.get("method") == "sip_info":
                        prm = pj.CallSendDtmfParam()
                        prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO
                        prm.digits = command["digits"]
                        call.sendDtmf(prm)
                    else:
                        call.dialDtmf(command["digits"])
                _emit(event="ok", cmd=name)
            except Exception as error:  # report to the test, keep the peer alive
                info = error.info() if isinstance(error, pj.Error) else repr(error)
                _emit(event="error", cmd=name, message=info)
    # shutdown order from FIELD-NOTES
    if state.get("call") is not None:
        with contextlib.suppress(pj.Error):
            state["call"].hangup(pj.CallOpParam(True))
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            ep.libHandleEvents(10)
    state.clear()
    call = tone = None  # no pjsua2 object may outlive libDestroy
    gc.collect()
    account.shutdown()
    del account
    ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)


# -- the test side ------------------------------------------------------------------------------

class SipPeer:
    """Drives one peer process; every event is kept so tests can wait for any of them."""

    def __init__(self, user: str, registrar: str, *, log: Path, auto_answer: bool = False,
                 srtp: str = "off", password: str = "") -> None:
        """`password`: the SIP password, "pwUSER" unless given (a wrong one for tests of refusals)."""
        config = {"user": user, "registrar": registrar, "auto_answer": auto_answer, "srtp": srtp,
                  "password": password}
        self.user = user
        self._log = log.open("w")
        root = Path(__file__).resolve().parents[2]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.sip_peer", json.dumps(config)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, text=True, cwd=root,
            start_new_session=True, env={**os.environ, "PYTHONPATH": str(root)},
        )
        self.events: list[dict[str, Any]] = []
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._log.write(line)
            if line.startswith(_PREFIX):
                self._queue.put(json.loads(line[len(_PREFIX):]))

    def drain(self) -> list[dict[str, Any]]:
        with contextlib.suppress(queue.Empty):
            while True:
                self.events.append(self._queue.get_nowait())
        return self.events

    def mark(self) -> int:
        """Position to pass as `after` so `find` only sees later events."""
        return len(self.drain())

    def find(self, event: str, after: int = 0, **fields: Any) -> dict[str, Any] | None:
        for item in self.drain()[after:]:
            if item.get("event") == event and all(item.get(k) == v for k, v in fields.items()):
                return item
        return None

    def send(self, cmd: str, **args: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"cmd": cmd, **args}) + "\n")
        self.proc.stdin.flush()

    def vanish(self) -> None:
        """Die without a word (SIGKILL): no BYE, no more RTP."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(5)

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.send("quit")
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.vanish()
        self._reader.join(3)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        self._log.close()


if __name__ == "__main__":
    _run_peer(json.loads(sys.argv[1]))
