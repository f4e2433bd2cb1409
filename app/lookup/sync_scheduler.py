"""Keeping the LDAP mirror fresh from the running console: on a schedule, on demand, never on the GUI thread.

Signals:
- ``sync_started(str)``: source name;
- ``sync_progressed(str, int)``: source name, entries read so far (emitted from the worker, delivered queued);
- ``sync_finished(object)``: the `SyncSummary`, after its change-set is in the store;
- ``sync_failed(str, str, float)``: source name, reason in words, seconds until the retry.

A failed sync leaves the store untouched, so search keeps working on the last good copy; the scheduler
backs off per source (`RetryPolicy`) without holding up the others.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.tasks import TaskRunner
from directory.store import Store
from directory.sync import LdapSourceSettings, RetryPolicy, SyncError

if TYPE_CHECKING:
    from directory.sync import SyncSummary

log = logging.getLogger(__name__)


class _SourceState:
    def __init__(self, settings: LdapSourceSettings, timer: QTimer) -> None:
        self.settings, self.timer = settings, timer
        self.failures = 0
        self.running = False
        self.last_full: datetime | None = None
        self.last_attempt: datetime | None = None


class SyncScheduler(QObject):
    sync_started = Signal(str)
    sync_progressed = Signal(str, int)
    sync_finished = Signal(object)
    sync_failed = Signal(str, str, float)

    def __init__(self, store: Store, sources: list[LdapSourceSettings], tasks: TaskRunner,
                 parent: QObject | None = None, policy: RetryPolicy | None = None) -> None:
        super().__init__(parent)
        self.store, self.tasks, self.policy = store, tasks, policy or RetryPolicy()
        self._sources: dict[str, _SourceState] = {}
        for settings in sources:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda name=settings.name: self.sync_now(name))
            self._sources[settings.name] = _SourceState(settings, timer)

    def start(self) -> None:
        """The first sync of each source right away: incremental, or full when it has no cursor yet."""
        for name in self._sources:
            self.sync_now(name)

    def stop(self) -> None:
        for state in self._sources.values():
            state.timer.stop()

    def sync_now(self, name: str | None = None, *, full: bool | None = None) -> None:
        for state in self._sources.values() if name is None else [self._sources[name]]:
            if state.running:
                continue
            state.timer.stop()
            state.running = True
            now = datetime.now(UTC)
            # Incremental by default (the runner goes full when it has no cursor); full once a day or so,
            # which is also when deletions are certain to be seen.
            run_full = full if full is not None else (
                state.last_full is not None
                and now - state.last_full >= timedelta(seconds=state.settings.full_interval))
            state.last_attempt = now
            self.sync_started.emit(state.settings.name)
            self.tasks.spawn(self._run(state, run_full), f"sync {state.settings.name}")

    async def _run(self, state: _SourceState, full: bool) -> None:
        name = state.settings.name

        def progress(done: int, _total: int | None) -> None:
            self.sync_progressed.emit(name, done)  # from the worker thread: delivered queued

        from directory.sync import sync_source  # noqa: PLC0415 - ldap3 (0.2 s) when a sync runs, not at start

        try:
            summary: SyncSummary = await self.tasks.in_network(
                lambda: sync_source(self.store, state.settings, full=full, progress=progress))
        except Exception as error:  # any failure: keep the last good copy, back off, try again
            if not isinstance(error, SyncError):
                log.exception("sync of %s failed unexpectedly", name)
            state.failures += 1
            delay = self.policy.delay(state.failures, error, spread=random.random())
            log.warning("sync of %s failed (%d in a row), retry in %.0f s: %s", name, state.failures, delay, error)
            self.sync_failed.emit(name, str(error), delay)
            state.timer.start(int(delay * 1000))
            return
        finally:
            state.running = False
        state.failures = 0
        if summary.full or state.last_full is None:
            state.last_full = state.last_attempt
        log.info("sync of %s: %d added, %d updated, %d removed", name, summary.added, summary.updated,
                 summary.removed)
        self.sync_finished.emit(summary)
        state.timer.start(int(state.settings.incremental_interval * 1000))
