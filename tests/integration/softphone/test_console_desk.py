"""The operator's moves by keyboard in the real window, through Kamailio, with pjsua2 peers as callers and
colleagues: attended transfer (tone checked both ways), cancel, busy target, no answer and recall, blind
transfer, and callers hanging up in each stage. (The desk's logic over the engine alone is in test_desk_live.)"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.desk import desk_console, record_heard
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from ui.desk_model import DeskList

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
CALLER_TONE, TARGET_TONE = 1000, 1500


def test_attended_transfer_by_keyboard_connects_caller_and_target_and_frees_the_operator(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, target = make_peer("2401"), make_peer("2402")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
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
            record_heard(qtbot, peer, tmp_path / path)
            assert tone_strength(tmp_path / path, tone) > 0.8, f"{peer.user} does not hear the other side"


def test_cancel_busy_target_and_blind_transfer_by_keyboard(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, target = make_peer("2411"), make_peer("2412")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        desk.wait(lambda: target.find("reg", code=200))
        desk.answer_caller(caller)
        desk.target("2412")

        mark = target.mark()
        desk.key("F6")
        desk.wait(lambda: target.find("incoming", mark))
        desk.key("F8")  # cancel while it rings: back to the caller
        desk.wait(lambda: target.find("call_state", mark, state="DISCONNECTED"))
        desk.wait(lambda: desk.talking() == 1 and desk.rows(DeskList.CONSULTATIONS) == 0)

        mark = target.mark()
        desk.key("F6")
        desk.wait(lambda: target.find("incoming", mark))
        target.send("answer", code=486)  # the colleague is busy: the caller waits on hold, told why
        desk.wait(lambda: desk.rows(DeskList.HELD) == 1)
        assert desk.cell(DeskList.HELD, "note") == "2412: busy (486)"
        desk.key("F3")  # take the caller back
        desk.wait(lambda: desk.talking() == 1)

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
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch, "[desk]\nrecall_after = 5\n") as desk:
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
            desk.ring(caller)
            if stage != "waiting":
                desk.key("F2")
                desk.wait(partial(caller.find, "call_state", mark, state="CONFIRMED"))
                desk.wait(lambda: desk.talking() == 1 and desk.connected())
                if stage == "held":
                    desk.key("F3")
                    desk.wait(lambda: desk.rows(DeskList.HELD) == 1)
                else:
                    desk.target("2422")
                    desk.key("F6")
                    desk.wait(lambda: desk.rows(DeskList.CONSULTATIONS) == 1)
            caller.send("hangup")
            if stage == "consulting":  # the operator is still calling the colleague, now as their own call
                desk.wait(lambda: desk.rows(DeskList.CONSULTATIONS) == 0 and desk.talking() == 1)
                assert "2422" in desk.card_text()
                desk.key("F12")
            desk.wait(desk.empty)
        desk.wait(lambda: desk.panels.callback_model.rowCount() == 4)  # one per stage given up in (stored first)
