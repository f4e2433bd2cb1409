"""The Call back panel over the shared store: a caller who gave up is written on the database worker and
survives a console restart; Enter claims and dials, another console then reads "taken by eva" and is
told so when it tries; Ctrl+D marks done for everyone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.calls.callback_flow import CallbackFlow
from app.tasks import TaskRunner
from directory.store import Store, sqlite_url
from directory.store.callbacks import CallbackRepository, StoredCallback
from softphone.model import CallDirection
from tests.gui.test_desk_panels import Rig

pytestmark = pytest.mark.gui


class Console:
    """One operator's console: its own desk, panels, task runner and connections to the shared store."""

    def __init__(self, qtbot: QtBot, url: str, operator: str) -> None:
        self.rig = Rig(qtbot)
        self.store = Store(url)
        self.repository = CallbackRepository(self.store, console=f"pc-{operator}")
        self.tasks = TaskRunner()
        self.flow = CallbackFlow(self.rig.panels, self.rig.bridge, self.tasks, operator)
        self.flow.attach(self.repository)
        self.model = self.rig.panels.callback_model

    def top(self) -> StoredCallback:
        """The newest row (there must be one)."""
        entry = self.model.entry(0)
        assert entry is not None
        return entry

    def cells(self, column: int) -> list[str]:
        return [self.model.index(r, column).data() for r in range(self.model.rowCount())]

    def settle(self) -> None:
        self.rig.qtbot.waitUntil(lambda: self.tasks.pending == 0, timeout=5000)

    def close(self) -> None:
        self.flow.detach()
        self.rig.bridge.stop()
        self.tasks.shutdown()
        self.store.dispose()


@pytest.fixture
def url(tmp_path: Path) -> str:
    Store.open(sqlite_url(tmp_path / "shared.sqlite3")).dispose()
    return sqlite_url(tmp_path / "shared.sqlite3")


@pytest.fixture
def consoles(qtbot: QtBot, url: str) -> Iterator[list[Console]]:
    opened: list[Console] = []
    yield opened
    for console in opened:
        console.close()


def test_a_caller_who_gave_up_is_stored_and_still_listed_after_a_restart(
        qtbot: QtBot, url: str, consoles: list[Console]) -> None:
    first = Console(qtbot, url, "eva")
    consoles.append(first)
    caller = first.rig.ring("Anna", "+4670001")
    first.rig.phone.remote_hangup(caller)
    first.rig.phone.pump()
    qtbot.waitUntil(lambda: first.cells(0) == ["Anna"] and first.top().id > 0, timeout=5000)
    assert first.rig.desk.callbacks == []  # durable: the desk's memory no longer holds it
    first.close()
    consoles.remove(first)

    again = Console(qtbot, url, "eva")
    consoles.append(again)
    qtbot.waitUntil(lambda: again.cells(1) == ["+4670001"], timeout=5000)
    assert again.cells(4) == ["waiting"]
    assert [s.action for s in again.repository.history(again.top().id)] == ["added"]


def test_enter_claims_and_dials_and_the_other_console_sees_taken_by(
        qtbot: QtBot, url: str, consoles: list[Console]) -> None:
    eva, bo = Console(qtbot, url, "eva"), Console(qtbot, url, "bo")
    consoles.extend([eva, bo])
    caller = eva.rig.ring("Per", "+4670002")
    eva.rig.phone.remote_hangup(caller)
    eva.rig.phone.pump()
    qtbot.waitUntil(lambda: eva.cells(0) == ["Per"] and eva.top().id > 0, timeout=5000)
    bo.flow.reload()
    qtbot.waitUntil(lambda: bo.cells(0) == ["Per"], timeout=5000)

    eva.rig.panels.callbacks.view.selectRow(0)
    eva.rig.panels.callbacks.view.activated.emit(eva.model.index(0, 0))
    qtbot.waitUntil(lambda: eva.cells(5) == ["you are calling"], timeout=5000)
    assert [c.remote.number for c in eva.rig.phone.calls if c.direction is CallDirection.OUTGOING] == ["+4670002"]

    bo.flow.reload()  # the 30-second look
    qtbot.waitUntil(lambda: bo.cells(5) == ["taken by eva"], timeout=5000)
    stale = bo.top()
    bo.flow.call_back(stale)
    bo.settle()
    assert bo.rig.notices[-1] == "Per is already being called back by eva"
    assert not [c for c in bo.rig.phone.calls if c.direction is CallDirection.OUTGOING]  # nothing dialled

    bo.rig.panels.callbacks.view.selectRow(0)
    bo.rig.panels.actions["called_back"].trigger()  # Ctrl+D (two windows here: only one is active)
    bo.settle()
    assert bo.rig.notices[-1] == "Per is already being called back by eva"
    assert bo.model.rowCount() == 1

    eva.rig.panels.callbacks.view.selectRow(0)
    eva.rig.panels.actions["called_back"].trigger()
    qtbot.waitUntil(lambda: eva.model.rowCount() == 0, timeout=5000)
    bo.flow.reload()
    qtbot.waitUntil(lambda: bo.model.rowCount() == 0, timeout=5000)
    assert [(s.action, s.actor) for s in eva.repository.history(stale.id)] == [
        ("added", "eva"), ("claimed", "eva"), ("done", "eva")]


def test_a_failed_write_keeps_the_caller_on_the_console_and_saves_it_later(
        qtbot: QtBot, url: str, consoles: list[Console]) -> None:
    eva = Console(qtbot, url, "eva")
    consoles.append(eva)
    real_add = eva.repository.add
    eva.repository.add = lambda *a, **k: (_ for _ in ()).throw(OSError("the database is unreachable"))  # type: ignore[method-assign]
    caller = eva.rig.ring("Anna", "+4670001")
    eva.rig.phone.remote_hangup(caller)
    eva.rig.phone.pump()
    eva.settle()
    assert "the database is unreachable" in eva.rig.notices[-1]
    assert [e.number for e in eva.rig.desk.callbacks] == ["+4670001"]  # not lost
    eva.repository.add = real_add  # type: ignore[method-assign]
    eva.flow.reload()
    qtbot.waitUntil(lambda: eva.cells(1) == ["+4670001"] and eva.top().id > 0, timeout=5000)
    assert eva.rig.desk.callbacks == []
