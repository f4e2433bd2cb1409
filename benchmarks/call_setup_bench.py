"""Call set-up latency of the softphone against a bare pjsua2 script, on a real Kamailio.

A peer process (tests/helpers/sip_peer.py) calls user 1000 through Kamailio N times. For each call:
- "INVITE -> visible": from the peer sending the INVITE to the call appearing in the domain model
  (a listener of `Phone`), and in the GUI model (the waiting list's `DeskListModel.rowsInserted` via the desk and
  `DeskBridge`);
- "answer -> 200 OK": from the answer key (the `answer()` call) to the peer receiving the 200 OK.
Timestamps are CLOCK_MONOTONIC, shared by processes on Linux; the send time is taken at the peer's
`makeCall` (pjsua sends the INVITE from a deferred job, within ~1 ms with the peer's 1 ms poll).
Every variant pumps pjsua2 every 10 ms, as the app does, so the pump cadence (0-10 ms) is part of
every figure, baseline included.

Run: `python -m benchmarks.call_setup_bench [--calls 200]` from the repository root. Prints figures and
the overhead ratio (softphone / bare pjsua2); no assertions.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from softphone.engine import Phone  # noqa: E402
from softphone.model import CallChanged, CallState, PhoneEvent  # noqa: E402
from softphone.settings import AccountSettings, AudioSettings, PhoneSettings  # noqa: E402
from tests.helpers.kamailio import Kamailio  # noqa: E402
from tests.helpers.sip_peer import SipPeer  # noqa: E402

TICK_S = 0.010


@dataclass
class Samples:
    visible_ms: list[float] = field(default_factory=list)
    gui_ms: list[float] = field(default_factory=list)
    answer_ms: list[float] = field(default_factory=list)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _wait(tick: Callable[[], None], done: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step timed out")
        tick()


def _plain_ticker(pump: Callable[[], None]) -> Callable[[], None]:
    """Pump every 10 ms on this thread, like the app's QTimer, and sleep in between."""
    next_at = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        if now >= next_at[0]:
            pump()
            next_at[0] += TICK_S
            if next_at[0] < now:
                next_at[0] = now + TICK_S
        time.sleep(max(0.0, next_at[0] - time.monotonic()))

    return tick


def _call_once(peer: SipPeer, tick: Callable[[], None], visible: Callable[[], float | None], *,
               answer: Callable[[], None], ended: Callable[[], bool], samples: Samples,
               gui: Callable[[], float | None] | None = None) -> None:
    mark = peer.mark()
    # A random phase against the 10 ms pump, so the INVITE does not always land just after a pump.
    time.sleep(random.uniform(0.0, TICK_S))
    peer.send("call", uri="sip:1000@127.0.0.1")
    _wait(tick, lambda: visible() is not None and (gui is None or gui() is not None))
    _wait(tick, lambda: peer.find("invite_sent", mark) is not None)
    sent = peer.find("invite_sent", mark)["t"]  # type: ignore[index]
    samples.visible_ms.append((visible() - sent) * 1000)
    if gui is not None:
        samples.gui_ms.append((gui() - sent) * 1000)
    key = time.monotonic()
    answer()
    _wait(tick, lambda: peer.find("call_state", mark, state="CONNECTING") is not None)
    samples.answer_ms.append((peer.find("call_state", mark, state="CONNECTING")["t"] - key) * 1000)  # type: ignore[index]
    _wait(tick, lambda: peer.find("call_state", mark, state="CONFIRMED") is not None)
    peer.send("hangup")
    _wait(tick, lambda: ended() and peer.find("call_state", mark, state="DISCONNECTED") is not None)


# -- baseline: the bare pjsua2 script ------------------------------------------------------------

def bare_pjsua2(kamailio: Kamailio, peer: SipPeer, calls: int) -> Samples:
    import pjsua2 as pj  # noqa: PLC0415

    state: dict[str, Any] = {"call": None, "visible": None, "ended": False, "registered": False}

    class Call(pj.Call):  # type: ignore[misc]
        def onCallState(self, prm: Any) -> None:
            if self.getInfo().state == pj.PJSIP_INV_STATE_DISCONNECTED:
                state["ended"] = True

    class Account(pj.Account):  # type: ignore[misc]
        def onRegState(self, prm: Any) -> None:
            state["registered"] = prm.code == 200

        def onIncomingCall(self, prm: Any) -> None:
            state["visible"] = time.monotonic()
            state["call"] = Call(self, prm.callId)
            ringing = pj.CallOpParam(True)
            ringing.statusCode = 180
            state["call"].answer(ringing)

    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.logConfig.consoleLevel = cfg.logConfig.level = 0
    cfg.medConfig.noVad = True
    ep.libInit(cfg)
    tcfg = pj.TransportConfig()
    tcfg.boundAddress = tcfg.publicAddress = "127.0.0.1"
    tid = ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
    ep.libStart()
    ep.audDevManager().setNullDev()
    acfg = pj.AccountConfig()
    acfg.idUri = "sip:1000@127.0.0.1"
    acfg.regConfig.registrarUri = f"sip:{kamailio.hostport}"
    acfg.sipConfig.transportId = tid
    acfg.sipConfig.proxies.append(f"sip:{kamailio.hostport};lr")
    acfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", "1000", 0, "pw1000"))
    account = Account()
    account.create(acfg)
    tick = _plain_ticker(lambda: ep.libHandleEvents(0))
    samples = Samples()
    try:
        _wait(tick, lambda: state["registered"])
        for _ in range(calls):
            state.update(visible=None, ended=False)

            def answer() -> None:
                ok = pj.CallOpParam(True)
                ok.statusCode = 200
                state["call"].answer(ok)

            _call_once(peer, tick, lambda: state["visible"], answer=answer, ended=lambda: state["ended"],
                       samples=samples)
            state["call"] = None
    finally:
        state.clear()
        gc.collect()
        account.shutdown()
        del account
        ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
    return samples


# -- the softphone, plain loop and under Qt ------------------------------------------------------

def _settings(kamailio: Kamailio) -> PhoneSettings:
    account = AccountSettings(user="1000", domain="127.0.0.1", registrar=kamailio.hostport, bind_address="127.0.0.1",
                              rtp_timeout=0)
    return PhoneSettings(account, AudioSettings(null_device=True), password="pw1000")


class _Visible:
    def __init__(self) -> None:
        self.at: float | None = None
        self.call_id = -1
        self.ended = False

    def __call__(self, event: PhoneEvent) -> None:
        if isinstance(event, CallChanged):
            if event.previous is None:
                self.at, self.call_id = time.monotonic(), event.call.id
            if event.call.state is CallState.ENDED:
                self.ended = True


def softphone_plain(kamailio: Kamailio, peer: SipPeer, calls: int) -> Samples:
    phone = Phone(_settings(kamailio))
    seen = _Visible()
    phone.add_listener(seen)
    phone.start()
    tick = _plain_ticker(phone.pump)
    samples = Samples()
    try:
        _wait(tick, lambda: phone.registration.registered)
        for _ in range(calls):
            seen.at, seen.ended = None, False
            _call_once(peer, tick, lambda: seen.at, answer=lambda: phone.answer(seen.call_id),
                       ended=lambda: seen.ended, samples=samples)
    finally:
        phone.shutdown()
    return samples


def softphone_qt(kamailio: Kamailio, peer: SipPeer, calls: int) -> Samples:
    from PySide6.QtCore import QEventLoop  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from app.calls.desk_bridge import DeskBridge  # noqa: PLC0415
    from softphone.desk.desk import OperatorDesk  # noqa: PLC0415
    from ui.desk_model import DeskList, DeskListModel  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    phone = Phone(_settings(kamailio))
    seen = _Visible()
    phone.add_listener(seen)
    bridge = DeskBridge(phone, OperatorDesk(phone, clock=time.monotonic))
    model = DeskListModel(DeskList.WAITING)
    bridge.desk_changed.connect(model.apply)
    gui_at: list[float | None] = [None]
    model.rowsInserted.connect(lambda *_: gui_at.__setitem__(0, time.monotonic()))
    bridge.start()

    def tick() -> None:
        # Block until Qt has something to do (at the latest the bridge's 10 ms pump timer), as in the app.
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    samples = Samples()
    try:
        _wait(tick, lambda: phone.registration.registered)
        for _ in range(calls):
            seen.at, seen.ended, gui_at[0] = None, False, None
            _call_once(peer, tick, lambda: seen.at, answer=lambda: bridge.answer(seen.call_id),
                       ended=lambda: seen.ended and model.rowCount() == 0, samples=samples,
                       gui=lambda: gui_at[0])
    finally:
        bridge.stop()
    return samples


@contextlib.contextmanager
def _servers(workdir: Path) -> Iterator[tuple[Kamailio, SipPeer]]:
    kamailio = Kamailio(workdir / "kamailio")
    kamailio.start()
    peer = SipPeer("2001", kamailio.hostport, log=workdir / "peer.log")
    try:
        deadline = time.monotonic() + 10
        while peer.find("reg", code=200) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        yield kamailio, peer
    finally:
        peer.stop()
        kamailio.stop()


def _row(name: str, values: list[float]) -> str:
    return (f"  {name:<34} p50 {_pct(values, 0.5):6.2f} ms   p95 {_pct(values, 0.95):6.2f} ms   "
            f"mean {statistics.fmean(values):6.2f} ms   max {max(values):6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, _servers(Path(tmp)) as (kamailio, peer):
        bare = bare_pjsua2(kamailio, peer, args.calls)
        plain = softphone_plain(kamailio, peer, args.calls)
        qt = softphone_qt(kamailio, peer, args.calls)
    print(f"\nCall set-up over {args.calls} calls each (pump every {TICK_S * 1000:.0f} ms, via Kamailio)")
    print("bare pjsua2 script (baseline):")
    print(_row("INVITE -> visible (callback)", bare.visible_ms))
    print(_row("answer -> 200 OK at caller", bare.answer_ms))
    print("softphone, plain loop:")
    print(_row("INVITE -> visible (domain model)", plain.visible_ms))
    print(_row("answer -> 200 OK at caller", plain.answer_ms))
    print("softphone under Qt (DeskBridge: desk over the phone, QTimer):")
    print(_row("INVITE -> visible (domain model)", qt.visible_ms))
    print(_row("INVITE -> visible (Qt model row)", qt.gui_ms))
    print(_row("answer key -> 200 OK at caller", qt.answer_ms))
    print("overhead ratio, softphone / bare (p50, p95):")
    for name, ours, base in (("visible, domain, plain loop", plain.visible_ms, bare.visible_ms),
                             ("visible, Qt model", qt.gui_ms, bare.visible_ms),
                             ("answer -> 200 OK, plain loop", plain.answer_ms, bare.answer_ms),
                             ("answer -> 200 OK, Qt", qt.answer_ms, bare.answer_ms)):
        print(f"  {name:<34} {_pct(ours, 0.5) / _pct(base, 0.5):5.2f}x   "
              f"{_pct(ours, 0.95) / _pct(base, 0.95):5.2f}x")


if __name__ == "__main__":
    main()
