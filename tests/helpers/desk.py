"""The real window with its phone on a test Kamailio, seen and driven as the operator does: the call panels,
the phone dock and its caller card (the call being talked to is shown there alone), the Call back and Call
log tabs, keys pressed in the active window, buttons clicked.

Shared by the end-to-end desk tests (tests/integration/softphone/test_console_desk.py and
test_console_pipeline.py); the peers are `tests.helpers.sip_peer` processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QPushButton
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qtbot import QtBot

from directory.store.calllog import LoggedCall
from softphone.desk.records import Stage
from softphone.engine import Phone
from softphone.model import CallState
from tests.helpers.console import RunningConsole, phone_config, running_console
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import wav_written
from ui.call_log_panel import CallLogPanel
from ui.desk_model import CALL_ID_ROLE, DeskList
from ui.desk_panel import DeskPanels
from ui.phone_panel import PhonePanel

WAIT = 8000
CONSOLE_URI = "sip:1000@127.0.0.1"


class Desk:
    """The running console, its desk panels, and the keys an operator presses."""

    def __init__(self, qtbot: QtBot, running: RunningConsole) -> None:
        self.qtbot, self.window = qtbot, running.window
        panels = self.window.findChild(DeskPanels)
        phone = self.window.findChild(PhonePanel)
        call_log = self.window.findChild(CallLogPanel)
        assert panels is not None
        assert phone is not None
        assert call_log is not None
        self.panels, self.phone, self.call_log = panels, phone, call_log
        # The window records nothing, so what the operator hears is recorded at the bridge's own phone.
        self._engine = cast(Phone, running.bridge._phone)
        self.notices: list[str] = []  # what the status bar told the operator
        panels.notice.connect(self.notices.append)
        qtbot.waitUntil(lambda: phone.indicator.text() == "Phone ready", timeout=WAIT)

    def key(self, keys: str) -> None:
        """Press `keys` in the window, as the operator does (window-wide shortcuts need it active)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=3000)
        QTest.keySequence(self.window, QKeySequence(keys))

    def click(self, button: QPushButton) -> None:
        """Click a button of the phone dock with the mouse, once it is enabled."""
        self.wait(button.isEnabled)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def target(self, number: str) -> None:
        """Type the colleague's number in the search field, as the operator does before F6."""
        self.window.search_field.clear()
        QTest.keyClicks(self.window.search_field, number)

    def rows(self, kind: DeskList) -> int:
        return self.panels.models[kind].rowCount()

    def cell(self, kind: DeskList, column: str, row: int = 0) -> str:
        model = self.panels.models[kind]
        return str(model.index(row, model.columns.index(column)).data())

    def call_id(self, kind: DeskList, row: int = 0) -> int:
        return int(self.panels.models[kind].index(row, 0).data(CALL_ID_ROLE))

    def talking(self) -> int:
        """1 when the caller card shows a call the operator talks to (there is never more than one), else 0."""
        call = self.phone.card.call
        return int(call is not None and call.stage is Stage.ACTIVE)

    def card_id(self) -> int:
        """The call on the caller card."""
        call = self.phone.card.call
        assert call is not None, "the caller card shows no call"
        return call.call_id

    def card_text(self) -> str:
        """The caller card as a screen reader reads it: name, number, service, what the operator does."""
        return self.phone.card.accessibleDescription()

    def select_in_dock(self, call_id: int) -> None:
        """Click the call in the call list it is in (on hold, consultations, recalls, waiting), so the caller
        card shows it and the phone dock's buttons act on it."""
        for kind in (DeskList.HELD, DeskList.RECALLS, DeskList.CONSULTATIONS, DeskList.WAITING):
            model = self.panels.models[kind]
            row = model.row_of(call_id)
            if row >= 0:
                view = {DeskList.HELD: self.panels.held, DeskList.RECALLS: self.panels.recalls,
                        DeskList.CONSULTATIONS: self.panels.consultations,
                        DeskList.WAITING: self.panels.waiting}[kind].view
                dock = view.parentWidget()
                while dock is not None and not isinstance(dock, QDockWidget):
                    dock = dock.parentWidget()
                if dock is not None:
                    dock.raise_()  # the list's dock may be a tab behind another
                self.wait(view.isVisible)
                index = model.index(row, 0)
                QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
                self.wait(lambda: self.phone.card.call is not None and self.phone.card.call.call_id == call_id)
                return
        raise AssertionError(f"call {call_id} is in no call list: {self.state()}")

    def callbacks(self) -> list[str]:
        """The numbers on the Call back tab."""
        return [entry.number for entry in self.panels.callback_entries()]

    def logged(self, number: str) -> list[LoggedCall]:
        """The Call log tab's calls with `number` (the tab refreshes itself after each call the desk logs)."""
        return [call for call in self.call_log.model.calls() if call.number == number]

    def wait(self, condition: Callable[[], object], timeout: int = WAIT) -> None:
        try:
            self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
        except QtTimeoutError as error:
            raise AssertionError(f"the desk shows {self.state()}") from error

    def state(self) -> str:
        rows = {kind.value: [[self.cell(kind, c, r) for c in self.panels.models[kind].columns]
                             for r in range(self.rows(kind))] for kind in DeskList if self.rows(kind)}
        log = [(c.number, c.outcome) for c in self.call_log.model.calls()]
        return (f"{rows}; caller card: {self.card_text()!r}; call back: {self.callbacks()}; call log: {log}; "
                f"notices: {self.notices}")

    def empty(self) -> bool:
        return all(model.rowCount() == 0 for model in self.panels.models.values()) \
            and self.phone.card.call is None

    def ring(self, caller: SipPeer) -> None:
        """`caller` calls the console and waits in the Waiting calls panel."""
        self.wait(lambda: caller.find("reg", code=200))
        waiting = self.rows(DeskList.WAITING)
        caller.send("call", uri=CONSOLE_URI)
        self.wait(lambda: self.rows(DeskList.WAITING) == waiting + 1)

    def answer_caller(self, caller: SipPeer) -> None:
        mark = caller.mark()
        self.ring(caller)
        self.key("F2")
        self.wait(lambda: caller.find("call_state", mark, state="CONFIRMED"))
        self.wait(lambda: self.talking() == 1 and self.connected())

    def connected(self) -> bool:
        """The console has the caller's ACK: the call can be held, consulted on, transferred (the caller card
        says "Talking")."""
        call = self.phone.card.call
        return call is not None and call.line is not None and call.line.state is CallState.CONNECTED \
            and "Talking" in self.phone.card.doing.text().split(" · ")  # after the class, if any

    def hear(self, call_id: int, path: Path) -> Path:
        """What the operator hears on `call_id`, recorded at the console for 0.8 s while the window runs."""
        self._engine.start_recording(call_id, path)
        self.qtbot.wait(800)
        self._engine.stop_recording(call_id)
        self.qtbot.waitUntil(lambda: wav_written(path), timeout=3000)
        return path


@contextmanager
def desk_console(qtbot: QtBot, kamailio: Kamailio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 extra: str = "") -> Iterator[Desk]:
    """The whole console registered as 1000 at `kamailio`; `extra` is appended to its TOML configuration."""
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch, extra)
    with running_console(qtbot, config, paths, []) as running:
        yield Desk(qtbot, running)


def record_heard(qtbot: QtBot, peer: SipPeer, path: Path) -> None:
    """What `peer` hears, recorded to `path` for 0.8 s while the console runs."""
    mark = peer.mark()
    peer.send("record", path=str(path))
    qtbot.waitUntil(lambda: peer.find("ok", mark, cmd="record") is not None, timeout=WAIT)
    qtbot.wait(800)
    peer.send("stop_record")
    qtbot.waitUntil(lambda: wav_written(path), timeout=3000)
