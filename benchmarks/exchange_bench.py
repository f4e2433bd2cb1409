"""The exchange's queue under load: 200 callers within 10 s, 10 consoles picking, 30% hanging up.

A real Kamailio with the shipped configuration (tests.helpers.exchange); sipp callers (140 who wait and
hang up once answered, 60 who hang up after 3 s); 10 consoles, each the real client code (ExchangeClient
+ Watcher) with its own pjsua2 process (tests.helpers.sip_peer, answering at once), each spending
`--handling` seconds (8) on a caller before it picks the next, so the queue grows and callers give up while
waiting (a leaver answered before its 3 s ends the call: sipp counts it failed, hence "leaving 1"). Figures:
- join to visible: from the exchange recording the caller (its wall clock) to each console's watcher
  receiving the "joined" event (the same machine's wall clock), over every console, p50/p95;
- pick to ringing: from a console sending its pick to its pjsua2 process receiving the INVITE
  (CLOCK_MONOTONIC in both processes), p50/p95;
- callers lost (joined, never left), double answers (one queue id at two consoles), sipp failures;
- Kamailio CPU per call (all its processes, user+system), and the baseline in the same run: the same
  number of calls through the same Kamailio straight to a sipp answerer, no queue.
Targets from the issue: p95 join-to-visible < 50 ms, p95 pick-to-ringing < 50 ms, 0 lost, 0 doubles.

Run: `python -m benchmarks.exchange_bench [--callers 200 --seconds 10 --consoles 10 --handling 8]` from the
repository root. Prints figures; no assertions.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from softphone.exchange.client import PickRefused  # noqa: E402
from softphone.exchange.model import CallerJoined, CallerLeft  # noqa: E402
from tests.helpers.exchange import Exchange  # noqa: E402
from tests.helpers.processes import free_port, wait_until  # noqa: E402
from tests.helpers.sip_peer import SipPeer  # noqa: E402

QUEUE_ID = re.compile(r"X-Switchboard-Queue-Id: *(\d+)")
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pgid: int) -> float:
    """User + system CPU of every process in Kamailio's process group (it runs in its own session)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after "comm": state ppid pgrp ...
            total += int(fields[11]) + int(fields[12])
    return total / TICK


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


class Visible:
    """A console's watcher listener: when each caller's "joined" arrived, and who left."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.joined: set[str] = set()
        self.left: set[str] = set()
        self.gave_up: set[str] = set()  # left as "abandoned": hung up while waiting (or ringing at a console)
        self.longest = 0  # most callers waiting at once
        self.lock = threading.Lock()

    def waiting(self) -> int:
        with self.lock:
            return len(self.joined - self.left)

    def __call__(self, event: object) -> None:
        now = time.time()
        with self.lock:
            if isinstance(event, CallerJoined):
                self.latencies.append(now - event.caller.joined_at)
                self.joined.add(event.caller.id)
                self.longest = max(self.longest, len(self.joined) - len(self.left))
            elif isinstance(event, CallerLeft):
                self.left.add(event.id)
                if event.reason == "abandoned":
                    self.gave_up.add(event.id)


def has(peer: SipPeer, event: str, after: int, **fields: object) -> bool:
    return peer.find(event, after=after, **fields) is not None


def console_loop(exchange: Exchange, peer: SipPeer, view: Visible, stop: threading.Event, *, ring: list[float],
                 answered: list[str], handling: float) -> None:
    """Picks the next caller whenever the console's own view shows one waiting, as an operator would, and
    spends `handling` seconds on each caller it gets (the callers hang up at once; the operator's time with
    a caller is what lets the queue grow, so that callers give up while waiting)."""
    client = exchange.client(peer.user)
    while not stop.is_set():
        if not view.waiting():
            stop.wait(0.01)
            continue
        mark = peer.mark()
        sent = time.monotonic()
        try:
            client.pick("next")
        except PickRefused:
            stop.wait(0.02)  # nobody waiting (or taken meanwhile): ask again shortly
            continue
        try:
            wait_until(partial(has, peer, "incoming", mark), timeout=10, interval=0.001)
            incoming = peer.find("incoming", after=mark)
            assert incoming is not None
            ring.append(float(incoming["t"]) - sent)
            found = QUEUE_ID.search(str(incoming["message"]))
            answered.append(found.group(1) if found else "?")
        except TimeoutError:
            continue
        # The caller hangs up once answered (through the exchange, so sipp's replies find their way); a
        # caller who was about to give up may be answered first and then vanish: hang up after a while.
        with contextlib.suppress(TimeoutError):
            wait_until(partial(has, peer, "call_state", mark, state="DISCONNECTED"), timeout=3)
            stop.wait(max(0.0, handling - (time.monotonic() - sent)))
            continue
        peer.send("hangup")
        with contextlib.suppress(TimeoutError):
            wait_until(partial(has, peer, "call_state", mark, state="DISCONNECTED"), timeout=5)
        stop.wait(max(0.0, handling - (time.monotonic() - sent)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--consoles", type=int, default=10)
    parser.add_argument("--handling", type=float, default=8.0, help="seconds an operator spends on each caller")
    args = parser.parse_args()
    leavers = int(args.callers * 0.3)
    stayers = args.callers - leavers
    rate = max(1, round(args.callers / args.seconds))
    work = Path(tempfile.mkdtemp(prefix="exchange-bench-"))
    operators = [str(1000 + i) for i in range(args.consoles)]
    exchange = Exchange(work / "exchange", operators=tuple(operators), workers=4, offer_timeout=5.0,
                        max_wait=600.0)
    exchange.start()
    peers: list[SipPeer] = []
    watchers = []
    try:
        assert exchange.process is not None
        pgid = exchange.process.proc.pid
        views = [Visible() for _ in operators]
        for op, view in zip(operators, views, strict=True):
            peer = SipPeer(op, exchange.hostport, log=work / f"console-{op}.log", auto_answer=True)
            peers.append(peer)
            watchers.append(exchange.client(op).watch(view))
        for peer in peers:
            wait_until(lambda p=peer: p.find("reg", code=200) is not None, timeout=20)  # type: ignore[misc]
            exchange.client(peer.user).sign_in()
        time.sleep(1.0)

        stop = threading.Event()
        ring: list[float] = []
        answered: list[str] = []
        cpu0 = cpu_seconds(pgid)
        started = time.monotonic()
        waiting = exchange.callers(stayers, scenario="answered.xml", rate=rate, log_name="stayers")
        leaving = exchange.callers(leavers, scenario="hangup.xml", rate=max(1, round(leavers / args.seconds)),
                                   pause_ms=3000, log_name="leavers")
        threads = [threading.Thread(target=console_loop, args=(exchange, peer, view, stop),
                                    kwargs={"ring": ring, "answered": answered, "handling": args.handling})
                   for peer, view in zip(peers, views, strict=True)]
        for thread in threads:
            thread.start()
        waiting_rc = waiting.wait(timeout=300)
        leaving_rc = leaving.wait(timeout=300)
        elapsed = time.monotonic() - started
        stop.set()
        for thread in threads:
            thread.join()
        time.sleep(0.5)
        cpu_queue = cpu_seconds(pgid) - cpu0

        answerer_port = free_port()
        exchange.answerer(answerer_port)
        time.sleep(0.3)
        cpu1 = cpu_seconds(pgid)
        direct = exchange.callers(args.callers, scenario=str(ROOT / "benchmarks" / "sipp" / "exchange_direct.xml"),
                                  number="direct", rate=rate, log_name="direct",
                                  keys={"answerer": f"sip:direct@127.0.0.1:{answerer_port}"})
        direct_rc = direct.wait(timeout=300)
        time.sleep(0.5)
        cpu_direct = cpu_seconds(pgid) - cpu1

        latencies = [x for view in views for x in view.latencies]
        first = views[0]
        lost = len(first.joined - first.left)
        doubles = len(answered) - len(set(answered))
        print(f"{args.callers} callers ({stayers} waiting, {leavers} hanging up after 3 s) at {rate}/s, "
              f"{args.consoles} consoles spending {args.handling:g} s on each caller; all done in {elapsed:.1f} s")
        print(f"longest queue: {first.longest} waiting at once; gave up before being answered: {len(first.gave_up)}")
        print(f"join to visible at every console: p50 {statistics.median(latencies) * 1000:.1f} ms, "
              f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms ({len(latencies)} deliveries; target p95 < 50 ms)")
        print(f"pick to ringing at the console: p50 {statistics.median(ring) * 1000:.1f} ms, "
              f"p95 {percentile(ring, 0.95) * 1000:.1f} ms ({len(ring)} picks; target p95 < 50 ms)")
        print(f"callers lost: {lost}; double answers: {doubles}; answered: {len(set(answered))}; "
              f"sipp exit codes: waiting {waiting_rc}, leaving {leaving_rc}, direct {direct_rc}")
        print(f"Kamailio CPU per call: queue {cpu_queue / args.callers * 1000:.2f} ms; "
              f"baseline (straight to a sipp answerer, no queue) {cpu_direct / args.callers * 1000:.2f} ms")
    finally:
        for watcher in watchers:
            watcher.stop()
        for peer in peers:
            peer.stop()
        exchange.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
