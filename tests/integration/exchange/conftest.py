"""Fixtures for the exchange's queue: a started exchange, operators' consoles (pjsua2 peers), watchers."""

from __future__ import annotations

import http.client
import itertools
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from directory.store import Store, sqlite_url
from softphone.exchange.client import ExchangeClient
from softphone.exchange.model import (
    CallerJoined,
    CallerLeft,
    CallerOffered,
    CallerReturned,
    QueuedCaller,
    QueueSnapshot,
)
from softphone.exchange.watcher import Watcher
from tests.helpers.exchange import Exchange
from tests.helpers.postgres import create_database, postgres_server
from tests.helpers.processes import wait_until
from tests.helpers.sip_peer import SipPeer


class QueueView:
    """What a console would show: a snapshot kept current by the events (the same rules a window uses)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.callers: dict[str, QueuedCaller] = {}
        self.events: list[object] = []

    def __call__(self, event: object) -> None:
        with self.lock:
            self.events.append(event)
            if isinstance(event, QueueSnapshot):
                self.callers = {c.id: c for c in event.callers}
            elif isinstance(event, CallerJoined):
                self.callers[event.caller.id] = event.caller
            elif isinstance(event, CallerLeft):
                self.callers.pop(event.id, None)
            elif isinstance(event, CallerOffered) and event.id in self.callers:
                old = self.callers[event.id]
                self.callers[event.id] = QueuedCaller(old.id, old.name, old.number, old.dialled, old.klass,
                                                      old.joined_at, event.to)
            elif isinstance(event, CallerReturned) and event.id in self.callers:
                old = self.callers[event.id]
                self.callers[event.id] = QueuedCaller(old.id, old.name, old.number, old.dialled, old.klass,
                                                      old.joined_at, None)

    def ids(self) -> set[str]:
        with self.lock:
            return set(self.callers)

    def of(self, kind: type) -> list[Any]:
        with self.lock:
            return [e for e in self.events if isinstance(e, kind)]


class ApiFlood:
    """Threads sending API requests as fast as they can from one source address (a loopback address
    other than 127.0.0.1 is "another host" to the exchange), each over its own kept-alive connection,
    until stopped or `per_thread` requests each; counts the replies by status."""

    def __init__(self, port: int, *, source: str, operator: str, token: str, threads: int = 6,
                 per_thread: int = 400) -> None:
        self.port, self.source, self.per_thread = port, source, per_thread
        self.headers = {"Authorization": f"Bearer {token}", "X-Switchboard-Operator": operator}
        self.statuses: Counter[int] = Counter()
        self.bodies: list[bytes] = []
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.threads = [threading.Thread(target=self._run) for _ in range(threads)]

    def start(self) -> ApiFlood:
        for thread in self.threads:
            thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()
        self.join()

    def join(self) -> None:
        """Waits until every thread has sent its requests."""
        for thread in self.threads:
            thread.join()

    def running(self) -> bool:
        return any(thread.is_alive() for thread in self.threads)

    def _run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10,
                                                source_address=(self.source, 0))
        for _ in range(self.per_thread):
            if self.stopped.is_set():
                break
            try:
                connection.request("GET", "/queue", headers=self.headers)
                response = connection.getresponse()
                body = response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()  # dropped: a new connection next time
                status, body = 0, b""
            with self.lock:
                self.statuses[status] += 1
                if status == 429 and len(self.bodies) < 5:
                    self.bodies.append(body)
        connection.close()


def wait_for(predicate: Callable[[], object], timeout: float = 30.0) -> None:
    wait_until(lambda: bool(predicate()), timeout=timeout, interval=0.05)


@pytest.fixture
def make_exchange(tmp_path: Path) -> Iterator[Callable[..., Exchange]]:
    started: list[Exchange] = []

    def make(**settings: Any) -> Exchange:
        exchange = Exchange(tmp_path / f"exchange{len(started)}", **settings)
        started.append(exchange)
        exchange.start()
        return exchange

    yield make
    for exchange in started:
        exchange.stop_all()


@pytest.fixture
def make_console(tmp_path: Path) -> Iterator[Callable[..., SipPeer]]:
    """An operator's console: a pjsua2 peer registered at the exchange (auto-answering or not)."""
    peers: list[SipPeer] = []

    def make(exchange: Exchange, user: str, *, auto_answer: bool = True) -> SipPeer:
        peer = SipPeer(user, exchange.hostport, log=tmp_path / f"console-{user}-{len(peers)}.log",
                       auto_answer=auto_answer)
        peers.append(peer)
        wait_for(lambda: peer.find("reg", code=200))
        return peer

    yield make
    for peer in peers:
        peer.stop()


@pytest.fixture
def watch() -> Iterator[Callable[[ExchangeClient], QueueView]]:
    watchers: list[Watcher] = []

    def start(client: ExchangeClient) -> QueueView:
        view = QueueView()
        watchers.append(client.watch(view))
        wait_for(lambda: view.of(QueueSnapshot))
        return view

    yield start
    for watcher in watchers:
        watcher.stop()


_counter = itertools.count()


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    with postgres_server() as base_url:
        yield base_url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_and_records_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    if request.param == "sqlite":
        path = tmp_path / "store.sqlite3"
        store = Store.open(sqlite_url(path))
        records = f"sqlite:///{path}"  # Kamailio's form: sqlite:// and the absolute path
    else:
        base = request.getfixturevalue("postgres")
        name = f"xq{next(_counter)}"
        store = Store.open(create_database(base, name))
        records = base.replace("postgresql+psycopg://", "postgres://") + f"/{name}"
    yield store, records
    store.dispose()
