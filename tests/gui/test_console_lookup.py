"""The lookup side of the console: typing only searches (busy lamps wait for the list to settle), and the
detail pane's store reads run on the database worker with stale answers dropped."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.lookup.console import Console
from app.lookup.line_watcher import SETTLE_MS, SHOWN_WATCHED, LineWatcher
from directory.model import Entry
from directory.presence import line_target
from softphone.blf import BlfClient, BlfEvent
from tests.helpers.lookup import start

pytestmark = pytest.mark.gui


class RecordingBlf(BlfClient):
    """The BLF client's interface without a socket: records each SUBSCRIBE it is asked for, and when."""

    def __init__(self) -> None:  # no account, no thread
        self.watched: list[tuple[float, str]] = []

    def start(self) -> None:
        pass

    def stop(self, timeout: float = 2.0) -> None:
        pass

    def watch(self, target: str) -> None:
        self.watched.append((time.monotonic(), target))

    def unwatch(self, target: str) -> None:
        pass

    def drain(self) -> list[BlfEvent]:
        return []


class RecordingSessions:
    """Stands in for the store's session factory: records the thread of every session opened."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.threads: list[threading.Thread] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        return self.inner(*args, **kwargs)

    def begin(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        return self.inner.begin(*args, **kwargs)


@pytest.fixture
def console(qtbot: QtBot, tmp_path: Path, demo_database: Path) -> Iterator[Console]:
    with start(qtbot, tmp_path, demo=True, demo_database=demo_database) as running:
        yield running.console


def test_typing_subscribes_the_shown_lines_once_after_the_pause(qtbot: QtBot, console: Console) -> None:
    blf = RecordingBlf()
    # A longer pause than the console's: the test types through qtbot, each key after the last one's results,
    # and a CI machine running another worker beside it can stall for longer than 0.4 s between two keys.
    settle_ms = 5 * SETTLE_MS
    console.attach_lines(LineWatcher(blf, console, settle_ms=settle_ms))
    field = console.window.search_field
    shown: list[list[Entry]] = []
    console.search.results_shown.connect(shown.append)
    for key in "anna kard":  # each keystroke's results arrive before the next key, as when typing
        with qtbot.waitSignal(console.search.results_shown, timeout=5000):
            qtbot.keyClicks(field, key)
    typed_at = time.monotonic()
    assert len(shown) == len("anna kard")
    assert blf.watched == []  # nothing per keystroke
    expected = list(dict.fromkeys(t for e in shown[-1][:SHOWN_WATCHED] if (t := line_target(e)) is not None))
    assert expected, "the demo's 'anna kard' should show people with extensions"
    qtbot.waitUntil(lambda: len(blf.watched) == len(expected), timeout=settle_ms + 10_000)
    assert [target for _at, target in blf.watched] == expected  # one set: each shown line once
    assert blf.watched[0][0] - typed_at >= settle_ms / 1000 * 0.9  # after the pause (QTimer may fire ~5% early)

    console.on_lines_changed(("x",))  # a lamp changed: the same list shown again subscribes nothing more
    qtbot.wait(settle_ms + 200)
    assert len(blf.watched) == len(expected)


def test_selection_reads_the_store_only_on_the_database_worker(qtbot: QtBot, console: Console) -> None:
    assert console.services is not None
    sessions = RecordingSessions(console.services.store.sessions)
    console.services.store.sessions = sessions  # type: ignore[assignment]
    window = console.window
    qtbot.keyClicks(window.search_field, "anna")
    qtbot.waitUntil(lambda: window.model.rowCount() > 2, timeout=5000)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    second = window.model.row(1).entry.display_name
    qtbot.waitUntil(lambda: window.detail._name.text() == second, timeout=5000)
    assert sessions.threads, "the detail pane read notes and referrals"
    assert all(thread.name.startswith("db") for thread in sessions.threads), sessions.threads


def test_an_answer_for_a_selection_moved_on_from_is_dropped(qtbot: QtBot, console: Console,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = console.window
    qtbot.keyClicks(window.search_field, "anna")
    qtbot.waitUntil(lambda: window.model.rowCount() > 2, timeout=5000)
    first, second = window.model.row(0).entry.display_name, window.model.row(1).entry.display_name
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail._name.text() == second, timeout=5000)
    qtbot.waitUntil(lambda: console.tasks.pending == 0, timeout=5000)
    shown: list[str] = []
    original = window.detail.show_entry

    def show_entry(entry: Entry | None, *args: Any, **kwargs: Any) -> None:
        shown.append(entry.display_name if entry is not None else "")
        original(entry, *args, **kwargs)

    monkeypatch.setattr(window.detail, "show_entry", show_entry)
    gate = threading.Event()
    console.tasks.database.submit(gate.wait, 10)  # hold the database worker: the reads queue up behind it
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Up):  # first, second, first again
        qtbot.keyClick(window.search_field, key)
    qtbot.wait(100)  # every selection's read is waiting on the worker
    gate.set()
    qtbot.waitUntil(lambda: console.tasks.pending == 0, timeout=5000)
    assert shown == [first]  # the first row's earlier answer and the second row's are both stale


def test_the_collector_is_held_while_typing_and_runs_again_after(qtbot: QtBot, console: Console) -> None:
    qtbot.waitUntil(gc.isenabled, timeout=5000)  # the directory is loaded and its first search shown
    field = console.window.search_field
    for key in "eva m":
        with qtbot.waitSignal(console.search.results_shown, timeout=5000):
            qtbot.keyClicks(field, key)
        assert not gc.isenabled()  # no pass in the middle of the next keystroke's search
    qtbot.waitUntil(gc.isenabled, timeout=5000)  # typing paused: the collector catches up
