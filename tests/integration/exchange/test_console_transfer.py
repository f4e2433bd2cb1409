"""The real window picks a caller from the exchange's queue and transfers it, attended, to a colleague
registered at the same exchange: the consultation, the REFER with Replaces and the caller's new INVITE all
go through Kamailio, and afterwards the caller and the colleague hear each other's tone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.desk import record_heard
from tests.helpers.exchange import Exchange
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from tests.integration.exchange.conftest import wait_for
from tests.integration.exchange.window import queue_window
from ui.desk_model import DeskList

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
CALLER_TONE, TARGET_TONE = 1000, 1500


def test_a_picked_caller_is_transferred_attended_with_tone_both_ways(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer], qtbot: QtBot,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    exchange = make_exchange()
    target = make_console(exchange, "1001", auto_answer=False)  # a colleague's phone at the exchange
    caller = make_console(exchange, "1002", auto_answer=False)  # a pjsua2 caller with a tone
    with queue_window(exchange, qtbot, tmp_path, monkeypatch) as desk:
        wait_for(lambda: "1000" in exchange.client("1001").snapshot().operators)  # the window signed in
        caller.send("tone", freq=CALLER_TONE)
        target.send("tone", freq=TARGET_TONE)
        caller.send("call", uri=f"sip:100@{exchange.hostport}")
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 1)
        desk.key("F2")  # picked: the exchange puts it through to this window, answered at once
        desk.wait(lambda: caller.find("call_state", state="CONFIRMED"))
        desk.wait(lambda: desk.talking() == 1 and desk.connected())

        desk.target("1001")
        desk.key("F6")  # consult the colleague through the exchange: the caller is held
        desk.wait(lambda: target.find("incoming"))
        target.send("answer")
        desk.wait(lambda: desk.cell(DeskList.CONSULTATIONS, "mode") == "Talking to target")
        desk.key("F7")  # complete: REFER with Replaces
        desk.wait(desk.empty, timeout=10_000)  # the operator is free
        qtbot.wait(300)
        for peer, path, tone in ((caller, "caller.wav", TARGET_TONE), (target, "target.wav", CALLER_TONE)):
            record_heard(qtbot, peer, tmp_path / path)
            assert tone_strength(tmp_path / path, tone) > 0.8, f"{peer.user} does not hear the other side"
