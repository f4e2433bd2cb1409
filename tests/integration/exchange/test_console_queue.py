"""The real window on the exchange's queue: more than four callers waiting are all shown, in the desk's
order; F2 picks the head, which rings this console, is answered at once and heard; a colleague's console
sees it leave; a caller who hangs up at the exchange leaves every waiting panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from softphone.desk.records import PriorityClass
from softphone.exchange.model import CallerLeft
from tests.helpers.desk import Desk
from tests.helpers.exchange import Exchange
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from tests.integration.exchange.conftest import QueueView, wait_for
from tests.integration.exchange.window import queue_window
from ui.desk_model import DESK_CALL_ROLE, DeskList

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
CALLER_TONE = 1000


def _waiting(desk: Desk) -> list[tuple[str, PriorityClass]]:
    model = desk.panels.models[DeskList.WAITING]
    rows = [model.index(r, 0).data(DESK_CALL_ROLE) for r in range(model.rowCount())]
    return [(row.queue_id, row.priority) for row in rows]


def test_the_window_shows_every_waiting_caller_and_f2_picks_the_head(
        make_exchange: Callable[..., Exchange], make_console: Callable[..., SipPeer],
        watch: Callable[..., QueueView], qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        event_loop_qt: object) -> None:
    exchange = make_exchange()
    colleague = watch(exchange.client("1001"))
    with queue_window(exchange, qtbot, tmp_path, monkeypatch) as desk:
        wait_for(lambda: "1000" in exchange.client("1001").snapshot().operators)  # the window signed in
        exchange.callers(6, number="100")
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 6)  # more than the phone's four calls
        caller = make_console(exchange, "1002", auto_answer=False)  # a pjsua2 caller with a tone
        caller.send("tone", freq=CALLER_TONE)
        caller.send("call", uri=f"sip:112@{exchange.hostport}")
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 7)
        waiting = _waiting(desk)
        assert waiting[0][1] is PriorityClass.EMERGENCY
        assert all(queue_id for queue_id, _ in waiting)
        assert {queue_id for queue_id, _ in waiting} == colleague.ids()  # every console shows the same queue
        assert desk.phone.card.call is None  # nothing is on the operator's own phone: the caller card is empty

        desk.key("F2")
        desk.wait(lambda: caller.find("call_state", state="CONFIRMED"))
        desk.wait(lambda: desk.talking() == 1 and desk.connected())
        picked = waiting[0][0]
        wait_for(lambda: picked not in colleague.ids())
        assert any(e.id == picked and e.reason == "picked" for e in colleague.of(CallerLeft))
        assert picked not in {queue_id for queue_id, _ in _waiting(desk)}
        heard = desk.hear(desk.card_id(), tmp_path / "picked.wav")
        assert tone_strength(heard, CALLER_TONE) > 0.5

        leaver = exchange.callers(1, scenario="hangup.xml", number="100", pause_ms=3000, log_name="leaver")
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 7)
        assert leaver.wait(timeout=30) == 0  # hung up at the exchange while waiting
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 6)  # gone from every waiting panel
        assert len(colleague.ids()) == 6
        desk.wait(lambda: desk.callbacks() != [])  # and is to be called back
        desk.key("F12")
        desk.wait(lambda: caller.find("call_state", state="DISCONNECTED"))
