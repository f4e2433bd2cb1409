"""One call pipeline, end to end in the real window: every button of the phone dock and every key goes
through the desk, so who ended a call decides how it is logged. The operator's rejection (Busy button,
Shift+F12) and hang-up are the operator's acts, never call-backs; a caller who gives up is a call-back;
F8 takes back a caller whose consultation failed. Kamailio, pjsua2 peers as callers and colleagues.
(The attended transfer with tone both ways is in test_console_desk.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from softphone.desk.records import Stage
from tests.helpers.desk import Desk, desk_console
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from ui.desk_model import DeskList

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
CALLER_TONE = 1000
MEDIA_ACTIVE, MEDIA_REMOTE_HOLD = 1, 3  # pjsua_call_media_status, as the peer reports it


def _only_later_caller_to_call_back(desk: Desk, later: SipPeer) -> list[str]:
    """The Call back list after `later` rang and gave up: calls are put on it in the order they end, so once
    `later` is there an earlier call that is not never will be (an empty list alone could be one not yet shown)."""
    desk.ring(later)
    later.send("hangup")
    desk.wait(lambda: later.user in desk.callbacks())
    return desk.callbacks()


@pytest.mark.parametrize("how", ["Busy button", "Shift+F12"])
def test_a_ringing_caller_rejected_as_busy_gets_486_and_is_logged_as_rejected_not_as_a_call_back(
        how: str, kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, later = make_peer("2501"), make_peer("2502")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        mark = caller.mark()
        desk.ring(caller)
        if how == "Busy button":
            desk.click(desk.phone.busy_button)  # the phone dock shows the waiting call
        else:
            desk.key("Shift+F12")  # nothing selected: the next waiting call
        desk.wait(lambda: caller.find("call_state", mark, state="DISCONNECTED", code=486))
        desk.wait(desk.empty)
        desk.wait(lambda: desk.logged("2501"))  # the Call log tab, read back from the store
        assert [call.outcome for call in desk.logged("2501")] == ["rejected"]
        assert _only_later_caller_to_call_back(desk, later) == ["2502"]


@pytest.mark.parametrize(("code", "why"), [(486, "busy (486)"), (603, "declined (603)"), (408, "no answer (408)")],
                         ids=["busy", "declined", "unanswered"])
def test_f8_after_a_failed_consultation_takes_the_caller_off_hold_and_the_operator_hears_them_again(
        code: int, why: str, kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, colleague = make_peer("2511"), make_peer("2512")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        desk.wait(lambda: colleague.find("reg", code=200))
        caller.send("tone", freq=CALLER_TONE)
        desk.answer_caller(caller)
        call_id = desk.card_id()
        assert tone_strength(desk.hear(call_id, tmp_path / "before.wav"), CALLER_TONE) > 0.8

        held, rung = caller.mark(), colleague.mark()
        desk.target("2512")
        desk.key("F6")  # consult: the caller is held
        desk.wait(lambda: colleague.find("incoming", rung))
        desk.wait(lambda: caller.find("media", held, status=MEDIA_REMOTE_HOLD))
        if code == 408:
            qtbot.wait(1500)  # it rings unanswered until the colleague's exchange gives up, as Kamailio's
            # fr_inv_timer would (with 408, after 30 s in tests/integration/softphone/kamailio.cfg)
        colleague.send("answer", code=code)
        desk.wait(lambda: colleague.find("call_state", rung, state="DISCONNECTED"))
        desk.wait(lambda: desk.rows(DeskList.HELD) == 1 and desk.rows(DeskList.CONSULTATIONS) == 0)
        assert desk.cell(DeskList.HELD, "note") == f"2512: {why}"  # the caller waits on hold, told why
        assert tone_strength(desk.hear(call_id, tmp_path / "held.wav"), CALLER_TONE) < 0.2

        resumed = caller.mark()
        desk.key("F8")  # back to the caller
        desk.wait(lambda: desk.talking() == 1 and desk.rows(DeskList.HELD) == 0)
        assert desk.card_id() == call_id
        desk.wait(lambda: caller.find("media", resumed, status=MEDIA_ACTIVE))  # not on hold at the caller
        assert tone_strength(desk.hear(call_id, tmp_path / "after.wav"), CALLER_TONE) > 0.8


def test_a_caller_who_hangs_up_while_waiting_is_on_the_call_back_list(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller = make_peer("2521")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        desk.ring(caller)
        caller.send("hangup")  # gives up before the operator answers
        desk.wait(lambda: desk.callbacks() == ["2521"])
        desk.wait(desk.empty)
        desk.wait(lambda: desk.logged("2521"))
        assert [call.outcome for call in desk.logged("2521")] == ["abandoned"]


def test_the_operator_hanging_up_a_held_call_with_the_phone_docks_button_is_logged_as_handled_not_a_call_back(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller, later = make_peer("2531"), make_peer("2532")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        desk.answer_caller(caller)
        call_id = desk.card_id()
        desk.key("F3")  # hold
        desk.wait(lambda: desk.rows(DeskList.HELD) == 1)
        # F12 hangs up the call the operator talks to; a held call is hung up from the phone dock: click
        # it in the On hold list (the caller card shows it), then Hang up.
        desk.select_in_dock(call_id)
        current = desk.phone.current_call()
        assert current is not None
        assert current.stage is Stage.HELD
        mark = caller.mark()
        desk.click(desk.phone.hangup_button)
        desk.wait(lambda: caller.find("call_state", mark, state="DISCONNECTED"))
        desk.wait(desk.empty)
        desk.wait(lambda: desk.logged("2531"))
        assert [call.outcome for call in desk.logged("2531")] == ["handled"]
        assert _only_later_caller_to_call_back(desk, later) == ["2532"]
