"""The operator's moves by keyboard in the real window, through Kamailio, with pjsua2 peers as callers and
colleagues: attended transfer (tone checked both ways), cancel, busy target, no answer and recall, blind
transfer, and callers hanging up in each stage. (The desk's logic over the engine alone is in test_desk_live.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qtbot import QtBot

from tests.helpers.console import RunningConsole, phone_config, running_console
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from ui.desk_model import DeskList
from ui.desk_panel import DeskPanels
from ui.phone_panel import PhonePanel

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
CALLER_TONE, TARGET_TONE = 1000, 1500
WAIT = 8000


class Desk:
    """The running console, its desk panels, and the keys an operator presses."""

    def __init__(self, qtbot: QtBot, running: RunningConsole) -> None:
        self.qtbot, self.window = qtbot, running.window
        panels = self.window.findChild(DeskPanels)
        phone = self.window.findChild(PhonePanel)
        assert panels is not None
        assert phone is not None
        self.panels, self.phone = panels, phone
        self.notices: list[str] = []  # what the status bar told the operator
        panels.notice.connect(self.notices.append)
        qtbot.waitUntil(lambda: phone.indicator.text() == "Phone ready", timeout=WAIT)

    def key(self, keys: str) -> None:
        """Press `keys` in the window, as the operator does (window-wide shortcuts need it active)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=3000)
        QTest.keySequence(self.window, QKeySequence(keys))

    def target(self, number: str) -> None:
        """Type the colleague's number in the search field, as the operator does before F6."""
        self.window.search_field.clear()
        QTest.keyClicks(self.window.search_field, number)

    def rows(self, kind: DeskList) -> int:
        return self.panels.models[kind].rowCount()

    def cell(self, kind: DeskList, column: str, row: int = 0) -> str:
        model = self.panels.models[kind]
        return str(model.index(row, model.columns.index(column)).data())

    def wait(self, condition: Callable[[], object], timeout: int = WAIT) -> None:
        try:
            self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
        except QtTimeoutError as error:
            raise AssertionError(f"the desk shows {self.state()}") from error

    def state(self) -> str:
        rows = {kind.value: [[self.cell(kind, c, r) for c in self.panels.models[kind].columns]
                             for r in range(self.rows(kind))] for kind in DeskList if self.rows(kind)}
        calls = [self.phone.model.index(r).data() for r in range(self.phone.model.rowCount())]
        return f"{rows}; phone calls: {calls}; notices: {self.notices}"

    def empty(self) -> bool:
        return all(model.rowCount() == 0 for model in self.panels.models.values()) \
            and self.phone.model.rowCount() == 0

    def answer_caller(self, caller: SipPeer) -> None:
        self.wait(lambda: caller.find("reg", code=200))
        mark = caller.mark()
        caller.send("call", uri="sip:1000@127.0.0.1")
        self.wait(lambda: self.rows(DeskList.WAITING) == 1)
        self.key("F2")
        self.wait(lambda: caller.find("call_state", mark, state="CONFIRMED"))
        self.wait(lambda: self.rows(DeskList.ACTIVE) == 1 and self.connected())

    def connected(self) -> bool:
        """The console has the caller's ACK: the call can be held, consulted on, transferred."""
        model = self.phone.model
        return any(str(model.index(r).data()).startswith("Connected") for r in range(model.rowCount()))


@contextmanager
def _desk(qtbot: QtBot, kamailio: Kamailio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          extra: str = "") -> Iterator[Desk]:
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch, extra)
    with running_console(qtbot, config, paths, []) as running:
        yield Desk(qtbot, running)


def _record(qtbot: QtBot, peer: SipPeer, path: Path) -> None:
    """What `peer` hears, recorded to `path` for 0.8 s while the console runs."""
    mark = peer.mark()
    peer.send("record", path=str(path))
    qtbot.waitUntil(lambda: peer.find("ok", mark, cmd="record") is not None, timeout=WAIT)
    qtbot.wait(800)
    peer.send("stop_record")
    qtbot.waitUntil(lambda: path.exists() and path.read_bytes()[4:8] != b"\0\0\0\0", timeout=3000)


def test_attended_transfer_by_keyboard_connects_caller_and_target_and_frees_the_operator(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, target = make_peer("2401"), make_peer("2402")
    with _desk(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        desk.wait(lambda: target.find("reg", code=200))
        caller.send("tone", freq=CALLER_TONE)
        target.send("tone", freq=TARGET_TONE)
        desk.answer_caller(caller)
        desk.target("2402")
        desk.key("F6")  # consult: the caller is held
        desk.wait(lambda: target.find("incoming"))
        assert desk.rows(DeskList.CONSULTATIONS) == 1
        target.send("answer")
        desk.wait(lambda: desk.cell(DeskList.CONSULTATIONS, "mode") == "Talking to target")
        desk.key("F7")  # complete: REFER with Replaces
        desk.wait(desk.empty, timeout=10_000)  # the operator is free
        qtbot.wait(300)
        for peer, path, tone in ((caller, "caller.wav", TARGET_TONE), (target, "target.wav", CALLER_TONE)):
            _record(qtbot, peer, tmp_path / path)
            assert tone_strength(tmp_path / path, tone) > 0.8, f"{peer.user} does not hear the other side"


def test_cancel_busy_target_and_blind_transfer_by_keyboard(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, target = make_peer("2411"), make_peer("2412")
    with _desk(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        desk.wait(lambda: target.find("reg", code=200))
        desk.answer_caller(caller)
        desk.target("2412")

        mark = target.mark()
        desk.key("F6")
        desk.wait(lambda: target.find("incoming", mark))
        desk.key("F8")  # cancel while it rings: back to the caller
        desk.wait(lambda: target.find("call_state", mark, state="DISCONNECTED"))
        desk.wait(lambda: desk.rows(DeskList.ACTIVE) == 1 and desk.rows(DeskList.CONSULTATIONS) == 0)

        mark = target.mark()
        desk.key("F6")
        desk.wait(lambda: target.find("incoming", mark))
        target.send("answer", code=486)  # the colleague is busy: the caller waits on hold, told why
        desk.wait(lambda: desk.rows(DeskList.HELD) == 1)
        assert desk.cell(DeskList.HELD, "note") == "2412: busy (486)"
        desk.key("F3")  # take the caller back
        desk.wait(lambda: desk.rows(DeskList.ACTIVE) == 1)

        mark = target.mark()
        desk.key("Ctrl+Shift+T")  # blind transfer
        desk.wait(lambda: target.find("incoming", mark))
        target.send("answer")
        desk.wait(lambda: target.find("call_state", mark, state="CONFIRMED"))
        desk.wait(desk.empty)


def test_unanswered_transfer_comes_back_as_a_recall_and_hang_ups_in_each_stage_are_kept(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, target = make_peer("2421"), make_peer("2422")
    with _desk(qtbot, kamailio, tmp_path, monkeypatch, "[desk]\nrecall_after = 5\n") as desk:
        desk.wait(lambda: target.find("reg", code=200))
        desk.answer_caller(caller)
        desk.target("2422")
        desk.key("Ctrl+T")  # transfer, coming back if unanswered
        desk.wait(lambda: target.find("incoming"))
        desk.wait(lambda: desk.rows(DeskList.RECALLS) == 1, timeout=12_000)
        assert desk.cell(DeskList.RECALLS, "target") == "2422"
        assert desk.cell(DeskList.RECALLS, "why") == "no answer"
        desk.wait(lambda: target.find("call_state", state="DISCONNECTED"))  # its ringing leg is cancelled
        caller.send("hangup")  # the caller gives up while recalled: kept on the call-back list
        desk.wait(lambda: desk.rows(DeskList.RECALLS) == 0 and desk.panels.callback_model.rowCount() == 1)

        for stage in ("waiting", "held", "consulting"):
            mark = caller.mark()
            caller.send("call", uri="sip:1000@127.0.0.1")
            desk.wait(lambda: desk.rows(DeskList.WAITING) == 1)
            if stage != "waiting":
                desk.key("F2")
                desk.wait(partial(caller.find, "call_state", mark, state="CONFIRMED"))
                desk.wait(lambda: desk.rows(DeskList.ACTIVE) == 1 and desk.connected())
                if stage == "held":
                    desk.key("F3")
                    desk.wait(lambda: desk.rows(DeskList.HELD) == 1)
                else:
                    desk.target("2422")
                    desk.key("F6")
                    desk.wait(lambda: desk.rows(DeskList.CONSULTATIONS) == 1)
            caller.send("hangup")
            if stage == "consulting":  # the operator is still calling the colleague, now as their own call
                desk.wait(lambda: desk.rows(DeskList.CONSULTATIONS) == 0 and desk.rows(DeskList.ACTIVE) == 1)
                assert desk.cell(DeskList.ACTIVE, "number") == "2422"
                desk.key("F12")
            desk.wait(desk.empty)
        assert desk.panels.callback_model.rowCount() == 4  # one per stage the caller gave up in
