"""`switchboard --demo` with Kamailio installed: the demo's callers wait at a private exchange queue (our
shipped configuration), so the real window shows more than the phone's four calls waiting; F2 picks one,
whose tone the operator hears; a consultation to an extension goes through the exchange to the demo's PBX
behind it (`forward_to`) and F7 completes the transfer; the queue records the callers in the demo store.
Kamailio and the demo labs (pjsua2 processes) as they run in the demo itself."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.config.loader import load_config
from app.config.paths import Paths
from app.demo.phone import DEMO_EMERGENCY_NUMBERS, DemoPhone, start_demo_phone
from tests.helpers.console import running_console
from tests.helpers.desk import Desk
from tests.helpers.tone import tone_strength
from ui.desk_model import DeskList
from ui.main_window import MainWindow

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
DEMO_TONE = 440  # the demo labs' callers and extensions play it


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "etc.toml", tmp_path / "user.toml", tmp_path / "data", tmp_path / "log")


@pytest.fixture
def demo(paths: Paths) -> Iterator[DemoPhone]:
    started = start_demo_phone(paths.demo_database, queue_interval_s=1.5)
    yield started
    started.stop()


def test_the_demo_queues_its_callers_at_a_private_exchange_and_the_operator_picks_and_transfers(
        demo: DemoPhone, paths: Paths, qtbot: QtBot, tmp_path: Path, event_loop_qt: object) -> None:
    assert demo.queue is not None, demo.no_queue_because
    config = load_config(paths)
    with running_console(qtbot, config, paths, [], settings=demo.settings, emergency_numbers=DEMO_EMERGENCY_NUMBERS,
                         busy_lamps=False, hand_back_to=demo.hand_back_to, queue=demo.queue) as running:
        desk = Desk(qtbot, running)
        desk.wait(lambda: desk.rows(DeskList.WAITING) >= 5, timeout=30_000)  # more than the phone could hold
        assert desk.phone.card.call is None  # all of them wait at the exchange, none on this phone

        desk.key("F2")
        desk.wait(lambda: desk.talking() == 1 and desk.connected())
        call_id = desk.card_id()
        assert tone_strength(desk.hear(call_id, tmp_path / "caller.wav"), DEMO_TONE) > 0.5

        desk.target("4711")  # any extension of the demo organisation, at the PBX behind the exchange
        desk.key("F6")
        desk.wait(lambda: desk.cell(DeskList.CONSULTATIONS, "mode") == "Talking to target", timeout=15_000)
        desk.key("F7")  # complete: the caller goes to the extension
        desk.wait(lambda: desk.talking() == 0 and desk.rows(DeskList.CONSULTATIONS) == 0
                  and desk.rows(DeskList.HELD) == 0, timeout=15_000)
        assert desk.phone.card.call is None

    with sqlite3.connect(paths.demo_database) as db:
        events = {event for (event,) in db.execute("SELECT DISTINCT event FROM exchange_queue_events")}
    assert {"joined", "offered", "answered"} <= events


def test_without_kamailio_the_demo_rings_the_consoles_own_line_and_says_so(
        paths: Paths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.demo.queue.kamailio_binary", lambda: None)
    demo = start_demo_phone(paths.demo_database)
    try:
        assert demo.queue is None
        assert demo.no_queue_because == "Kamailio is not installed"
        assert demo.settings.account.registrar  # the demo lab's front door
    finally:
        demo.stop()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_demo_line(False, demo.no_queue_because)
    assert window.line_label.text() == "Demo: callers ring this console's own line"
    assert "Kamailio is not installed" in window.line_label.toolTip()
    window.show_demo_line(True)
    assert window.line_label.text() == "Demo: callers wait at a private exchange queue"
