"""One console's ear on PostgreSQL: a thread with its own connection that LISTENs on the organisation's
channel and hands each change-set to a callback.

A dropped connection (server restart, `pg_terminate_backend`, network) is retried with a growing pause
(0.2 s doubling to 10 s); once listening again, `on_connected(True)` tells the owner that notifications
may have been missed meanwhile, so it reconciles by reading what it shows again. Callbacks run on the
listener's thread: the owner marshals them (the app to the GUI thread through a Qt signal).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.engine import make_url

from directory.store.notify import SharedChanges, channel_for
from directory.store.tls import verified_url

log = logging.getLogger(__name__)
FIRST_PAUSE_S, LONGEST_PAUSE_S = 0.2, 10.0


def libpq_url(url: str) -> str:
    """A SQLAlchemy ``postgresql+psycopg://`` URL as psycopg's own connection string (TLS verified when the
    server is remote, as the store's own connections)."""
    return make_url(verified_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    def __init__(self, url: str, organisation: str, on_change: Callable[[SharedChanges], None], *,
                 on_connected: Callable[[bool], None] | None = None,
                 on_lost: Callable[[str], None] | None = None) -> None:
        self._dsn = libpq_url(url)
        self.channel = channel_for(organisation)
        self._on_change = on_change
        self._on_connected = on_connected
        self._on_lost = on_lost
        self._stop = threading.Event()
        self.listening = threading.Event()
        self.backend_pid: int | None = None  # the server process of the current connection (tests end it)
        self._thread = threading.Thread(target=self._run, name="db-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        import psycopg  # noqa: PLC0415 - imported by the listening thread: a console on SQLite never needs it

        pause, reconnect = FIRST_PAUSE_S, False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True, connect_timeout=5) as connection:
                    connection.execute(f'LISTEN "{self.channel}"')
                    self.backend_pid = connection.info.backend_pid
                    self.listening.set()
                    pause = FIRST_PAUSE_S
                    if self._on_connected is not None:
                        self._on_connected(reconnect)
                    reconnect = True
                    while not self._stop.is_set():
                        for notify in connection.notifies(timeout=0.5):
                            self._deliver(notify.payload)
            except psycopg.Error as error:
                self.listening.clear()
                reason = str(error).splitlines()[0] if str(error) else type(error).__name__
                log.warning("live updates: connection lost (%s); again in %.1f s", reason, pause)
                if self._on_lost is not None:
                    self._on_lost(reason)
                self._stop.wait(pause)
                pause = min(pause * 2, LONGEST_PAUSE_S)
                reconnect = True
        self.listening.clear()

    def _deliver(self, payload: str) -> None:
        try:
            change_set = SharedChanges.from_json(payload)
        except (ValueError, KeyError, TypeError):
            log.warning("live updates: a notification that is not a change-set was ignored: %.200s", payload)
            return
        self._on_change(change_set)
