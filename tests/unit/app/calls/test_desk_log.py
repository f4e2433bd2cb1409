"""The desk's call records reach the store's call log with every field; while the store cannot be reached they
are kept in this PC's copy and written once, when it is back."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.calls.desk_log import CallLogWriter, logged_call
from app.tasks import TaskRunner
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository
from directory.store.last_copy import LastCopy
from softphone.desk.records import CallLogged, CallRecord, Outcome, PriorityClass

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
RECORD = CallRecord(
    number="112", name="Larm", dialled="+4631000", priority=PriorityClass.EMERGENCY, incoming=True,
    offered_at=T0, answered_at=T0 + timedelta(seconds=3), ended_at=T0 + timedelta(seconds=60), waiting_s=3.0,
    held_s=10.0, hold_count=1, consulted=("Eva Berg",), transferred_to="Eva Berg", outcome=Outcome.TRANSFERRED,
    time_to_connect_s=57.0, recalled=False, end_reason="transferred")


def test_record_maps_to_a_logged_call() -> None:
    call = logged_call(RECORD, "op-1")
    assert (call.priority, call.outcome, call.console, call.consulted) == (
        "emergency", "transferred", "op-1", ("Eva Berg",))
    assert (call.waiting_s, call.time_to_connect_s, call.answered_at) == (3.0, 57.0, T0 + timedelta(seconds=3))


def test_writer_stores_logged_calls_on_the_database_worker(tmp_path: Path) -> None:
    store = Store.open(sqlite_url(tmp_path / "s.sqlite3"))
    tasks = TaskRunner()
    repo = CallLogRepository(store)
    writer = CallLogWriter(repo, tasks, "op-1")

    async def run() -> None:
        writer(CallLogged(RECORD))
        while tasks.pending:
            await asyncio.sleep(0.01)

    # its own thread: under pytest-qt a session-wide qasync loop may already run on this one
    worker = threading.Thread(target=lambda: asyncio.run(run()))
    try:
        worker.start()
        worker.join(10)
        (stored,) = repo.search("larm")
        assert (stored.number, stored.outcome, stored.console) == ("112", "transferred", "op-1")
    finally:
        tasks.shutdown()
        store.dispose()


def test_calls_are_kept_on_this_pc_while_the_store_cannot_be_reached_and_written_once_later(tmp_path: Path) -> None:
    store = Store.open(sqlite_url(tmp_path / "s.sqlite3"))
    store.mark_unreachable("connection refused")  # as the console marks a shared store it cannot reach
    copy_path = tmp_path / "last-copy" / "copy.json"
    tasks = TaskRunner()
    repo = CallLogRepository(store)
    writer = CallLogWriter(repo, tasks, "op-1", LastCopy(copy_path, "store"))

    async def settled() -> None:
        while tasks.pending:
            await asyncio.sleep(0.01)

    def run(step: object) -> None:  # on a thread of its own, as above
        async def go() -> None:
            step()  # type: ignore[operator]
            await settled()

        worker = threading.Thread(target=lambda: asyncio.run(go()))
        worker.start()
        worker.join(10)

    try:
        run(lambda: writer(CallLogged(RECORD)))
        assert repo.search() == []
        kept = LastCopy(copy_path, "store").contents.pending_calls  # the console closed now: still on this PC
        assert [(c.number, c.consulted) for c in kept] == [("112", ("Eva Berg",))]
        store.mark_reachable()
        later = CallLogWriter(None, tasks, "op-1")  # a later start, once the store is back
        run(lambda: later.attach(repo, LastCopy(copy_path, "store")))
        run(later.flush)  # again, as when the console comes back online: nothing twice
        assert [c.number for c in repo.search()] == ["112"]
        assert LastCopy(copy_path, "store").contents.pending_calls == []
    finally:
        tasks.shutdown()
        store.dispose()
