"""How the console rides out a restarted PBX and hostile SIP, on a real Kamailio (issue 20).

1. PBX restarts: Kamailio (registrations in memory, as the test configuration and many PBXes keep them)
   is killed at a random point of the console's keep-alive interval, kept down for a random 0-5 s and
   started again; the figure is the time from it listening again to the console being reachable through
   it (an OPTIONS for 1000 sent to Kamailio every 50 ms, which it relays to the console once registered:
   the console's 200 is the moment). Baseline, same run, same restarts: the same console without
   keep-alives (`keepalive_interval = 0`), so only its registration refresh brings it back; its
   `register_expiry` is `--baseline-expiry` (default 30 s, the shortest allowed; 300 s in production).
2. Malformed traffic: a separate process sends the issue's malformed datagrams (truncated INVITEs, an
   8 KB junk header, bodies short of their Content-Length, garbage; half from a trusted address, half
   from an untrusted one) straight at the console's port at a given rate, while a pjsua2 peer calls
   through Kamailio and the console answers at once. The figure per rate is the time from the peer's
   INVITE to its call being confirmed (the peer's own CLOCK_MONOTONIC stamps), and how many calls got
   no answer at all; the target is answering within 100 ms. Baseline: the same calls with no flood.

Run: `python -m benchmarks.resilience_bench [--restarts 20] [--baseline-restarts 5] [--rates 0,200,1000]`
from the repository root. Prints the figures and the ratios against the baselines; no assertions.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from softphone.engine import Phone  # noqa: E402
from softphone.model import CallChanged, CallState, PhoneEvent  # noqa: E402
from softphone.settings import AccountSettings, AudioSettings, PhoneSettings  # noqa: E402
from tests.helpers.kamailio import Kamailio  # noqa: E402
from tests.helpers.raw_sip import RawUdp, Reachability, malformed_datagrams  # noqa: E402
from tests.helpers.sip_peer import SipPeer  # noqa: E402

TICK_S = 0.010  # the app pumps every 10 ms
AOR = "sip:1000@127.0.0.1"
ANSWER_TARGET_MS = 100.0


def _settings(kamailio: Kamailio, **account: object) -> PhoneSettings:
    fields: dict[str, object] = {"user": "1000", "domain": "127.0.0.1", "registrar": kamailio.hostport,
                                 "bind_address": "127.0.0.1", "rtp_timeout": 0, **account}
    return PhoneSettings(AccountSettings.model_validate(fields), AudioSettings(null_device=True, codecs=("PCMU/8000",)),
                         password="pw1000")


def _pump_until(phone: Phone, done: Callable[[], object], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        phone.pump()
        if done():
            return True
        time.sleep(TICK_S)
    return False


def _pump_to(phone: Phone, moment: float) -> None:
    """Pump until the monotonic clock reaches `moment`."""
    _pump_until(phone, lambda: time.monotonic() >= moment, max(0.0, moment - time.monotonic()) + 1)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _summary(values: list[float], unit: str = "s") -> str:
    if not values:
        return "no samples"
    return (f"median {statistics.median(values):.2f} {unit}, p90 {_pct(values, 0.9):.2f} {unit}, "
            f"max {max(values):.2f} {unit} (n={len(values)})")


def _start(kamailio: Kamailio, listening: threading.Event) -> None:
    kamailio.start()
    listening.set()


# -- 1. restarts -----------------------------------------------------------------------------------

def restarts(kamailio: Kamailio, settings: PhoneSettings, count: int, rng: random.Random,
             give_up_s: float) -> list[float]:
    """Seconds from Kamailio listening again to the console reachable through it, one per restart."""
    phone = Phone(settings)
    phone.start()
    reach = Reachability(("127.0.0.1", kamailio.port), AOR)
    times: list[float] = []
    try:
        if not _pump_until(phone, lambda: phone.registration.registered, 10):
            raise RuntimeError("the console did not register")
        interval = settings.account.keepalive_interval or settings.account.register_expiry
        for n in range(count):
            if not _pump_until(phone, lambda: reach.poll(time.monotonic()), give_up_s):
                raise RuntimeError("the console is not reachable before the restart")
            reach.forget()
            _pump_to(phone, (phone.next_keepalive_at or time.monotonic()) + rng.uniform(0, interval))
            kamailio.stop()
            down_s = rng.uniform(0.0, 5.0)
            _pump_to(phone, time.monotonic() + down_s)
            listening = threading.Event()
            threading.Thread(target=_start, args=(kamailio, listening), daemon=True).start()
            _pump_until(phone, listening.is_set, 20)  # the console keeps pumping while Kamailio starts
            back = time.monotonic()
            reached = _pump_until(phone, lambda: reach.poll(time.monotonic()), give_up_s)
            times.append(time.monotonic() - back if reached else float("inf"))
            print(f"  restart {n + 1}: down {down_s:.1f} s, reachable {times[-1]:.2f} s after it was back",
                  flush=True)
    finally:
        reach.close()
        phone.shutdown()
    return times


# -- 2. malformed traffic ----------------------------------------------------------------------------

def _flood(port: int, rate: float, seconds: float) -> None:
    """Send malformed datagrams at `rate` a second for `seconds` (its own process: no GIL shared). Each
    round is made anew: the same datagram again would be a retransmission, which pjsip's transaction layer
    absorbs without asking the console."""
    senders = [RawUdp("127.0.0.1"), RawUdp("127.0.0.2")]
    target = f"127.0.0.1:{port}"
    batch: list[tuple[RawUdp, bytes]] = []
    sent, start = 0, time.monotonic()
    while time.monotonic() - start < seconds:
        due = int((time.monotonic() - start) * rate)
        while sent < due:
            if not batch:
                batch = [(s, d) for s in senders for d in malformed_datagrams(target, s.address)]
            sender, datagram = batch.pop()
            with contextlib.suppress(OSError):
                sender.send(datagram, ("127.0.0.1", port))
            sent += 1
        time.sleep(0.002)
    for sender in senders:
        sender.close()


class _Answerer:
    """Answers every call the moment it rings (the operator pressing F2 at once). Listeners are called
    at the end of a pump, outside pjsua2's callbacks, so they may act on the phone."""

    def __init__(self, phone: Phone) -> None:
        self.phone = phone

    def __call__(self, event: PhoneEvent) -> None:
        if isinstance(event, CallChanged) and event.previous is None and event.call.state is CallState.RINGING:
            with contextlib.suppress(Exception):
                self.phone.answer(event.call.id)


def _one_call(phone: Phone, peer: SipPeer) -> float | None:
    """The peer calls the console, which answers at once: ms from its INVITE to confirmed, None if never."""
    mark = peer.mark()
    peer.send("call", uri=AOR)

    def state(name: str) -> dict[str, object] | None:
        return peer.find("call_state", mark, state=name)

    _pump_until(phone, lambda: state("CONFIRMED") or state("DISCONNECTED"), 10)
    confirmed, sent = state("CONFIRMED"), peer.find("invite_sent", mark)
    peer.send("hangup")
    _pump_until(phone, lambda: state("DISCONNECTED") and not phone.calls, 10)
    if confirmed is None or sent is None:
        return None
    return (float(confirmed["t"]) - float(sent["t"])) * 1000  # type: ignore[arg-type]


def flood(kamailio: Kamailio, peer: SipPeer, rates: list[float], calls: int) -> dict[float, tuple[list[float], int]]:
    """Per rate: setup times (INVITE to confirmed, ms) of the calls answered, and how many were not."""
    phone = Phone(_settings(kamailio))
    phone.add_listener(_Answerer(phone))
    phone.start()
    results: dict[float, tuple[list[float], int]] = {}
    try:
        _pump_until(phone, lambda: phone.registration.registered and peer.find("reg", code=200), 10)
        for rate in rates:
            flooder = None
            if rate > 0:
                # spawned, not forked: a fork would copy the running SIP stack and its threads
                flooder = multiprocessing.get_context("spawn").Process(
                    target=_flood, args=(phone.local_sip_port, rate, 3600.0))
                flooder.start()
                _pump_to(phone, time.monotonic() + 1.0)  # under way
            setups: list[float] = []
            lost = 0
            screened, began = sum(phone.gate.throttle.counts.values()), time.monotonic()
            for _ in range(calls):
                setup = _one_call(phone, peer)
                if setup is None:
                    lost += 1
                else:
                    setups.append(setup)
                _pump_to(phone, time.monotonic() + random.uniform(0.05, 0.2))
            if flooder is not None:
                flooder.terminate()
                flooder.join()
            results[rate] = (setups, lost)
            refused_rate = (sum(phone.gate.throttle.counts.values()) - screened) / (time.monotonic() - began)
            print(f"  {rate:g} datagrams/s: {_summary(setups, 'ms')}, {lost} of {calls} not answered; the console "
                  f"screened out {refused_rate:.0f} INVITEs/s", flush=True)
            _pump_to(phone, time.monotonic() + 1.0)  # refusals kept waiting drain
    finally:
        phone.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--restarts", type=int, default=20)
    parser.add_argument("--baseline-restarts", type=int, default=5)
    parser.add_argument("--baseline-expiry", type=int, default=30)
    parser.add_argument("--rates", default="0,100,300,1000,3000", help="malformed datagrams a second; 0 first")
    parser.add_argument("--calls", type=int, default=10, help="calls per flood rate")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rates = sorted({float(r) for r in args.rates.split(",")})
    with tempfile.TemporaryDirectory() as tmp:
        kamailio = Kamailio(Path(tmp) / "kamailio")
        kamailio.start()
        try:
            print(f"PBX restarts, console with keep-alives every 5 s ({args.restarts}):", flush=True)
            ours = restarts(kamailio, _settings(kamailio), args.restarts, rng, give_up_s=60)
            print(f"baseline, refresh only (register_expiry {args.baseline_expiry} s, "
                  f"{args.baseline_restarts}):", flush=True)
            base = restarts(kamailio, _settings(kamailio, keepalive_interval=0, register_expiry=args.baseline_expiry),
                            args.baseline_restarts, rng, give_up_s=args.baseline_expiry * 2 + 10)
            peer = SipPeer("2001", kamailio.hostport, log=Path(tmp) / "peer.log")
            try:
                print(f"malformed traffic, {args.calls} calls per rate:", flush=True)
                by_rate = flood(kamailio, peer, rates, args.calls)
            finally:
                peer.stop()
        finally:
            kamailio.stop()
    print()
    print(f"reachable after a PBX restart: {_summary(ours)}; target p100 under 10 s")
    print(f"baseline (refresh only, {args.baseline_expiry} s): {_summary(base)}")
    if ours and base:
        print(f"ratio p100 ours / baseline: {max(ours) / max(base):.3f}; "
              f"median: {statistics.median(ours) / statistics.median(base):.3f}")
    quiet = by_rate.get(0.0, ([], 0))[0]
    absorbed = [rate for rate, (setups, lost) in by_rate.items()
                if rate > 0 and not lost and setups and max(setups) <= ANSWER_TARGET_MS]
    print(f"call answered with no flood (baseline): {_summary(quiet, 'ms')}")
    for rate, (setups, lost) in sorted(by_rate.items()):
        if rate > 0 and setups and quiet:
            print(f"  at {rate:g}/s: median {statistics.median(setups):.1f} ms, ratio to baseline "
                  f"{statistics.median(setups) / statistics.median(quiet):.2f}, {lost} not answered")
    print(f"malformed datagrams/s absorbed with every call answered within {ANSWER_TARGET_MS:g} ms: "
          f"{max(absorbed):g}" if absorbed else "no flood rate tried kept every call within the target")


if __name__ == "__main__":
    main()
