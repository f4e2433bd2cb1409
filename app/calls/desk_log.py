"""Writing the desk's finished calls to the store's call log, on the database worker.

`CallLogWriter` is a desk listener: each `CallLogged` becomes a `LoggedCall` written through
`TaskRunner.in_database`, so the GUI thread never waits for the database and a failed write is
logged by the task runner. While a shared store cannot be reached, the calls are kept in this PC's copy
(directory.store.last_copy) and written once it is back (`flush`: when the console is back online, or
opens the store at a later start): additions, they can overwrite nothing. The mapping is a pure function,
unit-tested on its own.
"""

from __future__ import annotations

import logging

from app.tasks import TaskRunner
from directory.store.availability import unreachable
from directory.store.calllog import CallLogRepository, LoggedCall
from directory.store.last_copy import LastCopy
from softphone.desk.records import CallLogged, CallRecord, DeskEvent

log = logging.getLogger(__name__)


def logged_call(record: CallRecord, console: str = "") -> LoggedCall:
    return LoggedCall(
        number=record.number, name=record.name, dialled=record.dialled, incoming=record.incoming,
        offered_at=record.offered_at, ended_at=record.ended_at, outcome=record.outcome.value,
        answered_at=record.answered_at, priority=record.priority.name.lower(), waiting_s=record.waiting_s,
        held_s=record.held_s, hold_count=record.hold_count, consulted=record.consulted,
        transferred_to=record.transferred_to, time_to_connect_s=record.time_to_connect_s,
        recalled=record.recalled, end_reason=record.end_reason, console=console)


class CallLogWriter:
    """Writes nothing until it has a repository (given here or by `attach`)."""

    def __init__(self, repository: CallLogRepository | None, tasks: TaskRunner, console: str = "",
                 copy: LastCopy | None = None) -> None:
        self._repository, self._copy = repository, copy
        self._tasks = tasks
        self._console = console

    def attach(self, repository: CallLogRepository, copy: LastCopy | None) -> None:
        """Write to ``repository`` from now on, and what ``copy`` kept while its store could not be reached."""
        self._repository, self._copy = repository, copy
        self.flush()

    def __call__(self, event: DeskEvent) -> None:
        if isinstance(event, CallLogged) and self._repository is not None:
            call = logged_call(event.record, self._console)
            self._tasks.spawn(self._tasks.in_database(_write, self._repository, self._copy, [call], False),
                              "call log")

    def flush(self) -> None:
        """Write the calls this PC kept while the store could not be reached (none: nothing is done)."""
        if self._repository is not None and self._copy is not None and self._copy.contents.pending_calls:
            self._tasks.spawn(self._tasks.in_database(_write_kept, self._repository, self._copy),
                              "call log kept on this PC")


def _write(repository: CallLogRepository, copy: LastCopy | None, calls: list[LoggedCall], kept: bool) -> None:
    """On the database worker: ``calls`` into the call log; while the store cannot be reached, into the copy
    (``kept``: they are in it already, and leave it once written)."""
    try:
        if copy is not None and repository.store.unreachable_reason:  # known away: no wait on a connection
            raise ConnectionError(repository.store.unreachable_reason)
        repository.add(calls)
    except Exception as error:
        if copy is None or not (isinstance(error, ConnectionError) or unreachable(error)):
            raise
        if not kept:
            copy.add_pending_calls(calls)
        log.info("call log: %d call(s) kept on this PC until the shared store is back (%s)", len(calls), error)
        return
    if kept and copy is not None:
        copy.calls_written(calls)


def _write_kept(repository: CallLogRepository, copy: LastCopy) -> None:
    kept = list(copy.contents.pending_calls)  # read here, on the worker that changes it: never written twice
    if kept:
        _write(repository, copy, kept, True)
