"""Writing the desk's finished calls to the store's call log, on the database worker.

`CallLogWriter` is a desk listener: each `CallLogged` becomes a `LoggedCall` written through
`TaskRunner.in_database`, so the GUI thread never waits for the database and a failed write is
logged by the task runner. The mapping is a pure function, unit-tested on its own.
"""

from __future__ import annotations

from app.tasks import TaskRunner
from directory.store.calllog import CallLogRepository, LoggedCall
from softphone.desk.records import CallLogged, CallRecord, DeskEvent


def logged_call(record: CallRecord, console: str = "") -> LoggedCall:
    return LoggedCall(
        number=record.number, name=record.name, dialled=record.dialled, incoming=record.incoming,
        offered_at=record.offered_at, ended_at=record.ended_at, outcome=record.outcome.value,
        answered_at=record.answered_at, priority=record.priority.name.lower(), waiting_s=record.waiting_s,
        held_s=record.held_s, hold_count=record.hold_count, consulted=record.consulted,
        transferred_to=record.transferred_to, time_to_connect_s=record.time_to_connect_s,
        recalled=record.recalled, end_reason=record.end_reason, console=console)


class CallLogWriter:
    def __init__(self, repository: CallLogRepository, tasks: TaskRunner, console: str = "") -> None:
        self._repository = repository
        self._tasks = tasks
        self._console = console

    def __call__(self, event: DeskEvent) -> None:
        if isinstance(event, CallLogged):
            call = logged_call(event.record, self._console)
            self._tasks.spawn(self._tasks.in_database(self._repository.add, [call]), "call log")
