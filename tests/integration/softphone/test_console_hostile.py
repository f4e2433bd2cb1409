"""Hostile SIP against the real window (issue 20): what reaches the operator is only what the trust domain
sent, whole. Kamailio as the PBX, raw datagrams for what no well-behaved stack sends, pjsua2 peers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.desk import Desk, desk_console
from tests.helpers.kamailio import Kamailio
from tests.helpers.raw_sip import RawUdp, Reachability, invite, malformed_datagrams
from tests.helpers.sip_peer import SipPeer
from ui.call_log_model import COLUMNS
from ui.desk_model import DeskList

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
EMERGENCY_PAI = "P-Asserted-Identity: <sip:112@127.0.0.1>\r\n"


def _console_port(desk: Desk) -> int:
    return desk._engine.local_sip_port


def test_a_spoofed_emergency_never_reaches_the_window_the_pbxs_does_and_f12_declines_it(
        kamailio: Kamailio, raw: Callable[[str], RawUdp], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        port = _console_port(desk)
        spoofer = raw("127.0.0.2")
        spoofer.send(invite(f"127.0.0.1:{port}", spoofer.address, caller="112", headers=EMERGENCY_PAI),
                     ("127.0.0.1", port))
        desk.wait(lambda: 403 in spoofer.statuses())
        qtbot.wait(300)
        assert desk.empty(), desk.state()

        caller = raw("127.0.0.1")  # an outside caller the PBX asserts as 112
        caller.send(invite("127.0.0.1", caller.address, caller="4670123", name="Someone", headers=EMERGENCY_PAI),
                    ("127.0.0.1", kamailio.port))
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 1)
        assert desk.cell(DeskList.WAITING, "caller").startswith("EMERGENCY")
        assert desk.cell(DeskList.WAITING, "priority") == "EMERGENCY"
        desk.key("F12")  # nobody on the line: declines the waiting call
        desk.wait(lambda: 603 in caller.statuses())
        desk.wait(desk.empty)
        desk.wait(lambda: desk.logged("112"))
        assert [call.outcome for call in desk.logged("112")] == ["rejected"]


def test_after_a_flood_of_malformed_invites_the_window_is_ready_and_the_next_caller_is_answered(
        kamailio: Kamailio, raw: Callable[[str], RawUdp], make_peer: Callable[..., SipPeer], qtbot: QtBot,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller = make_peer("2611")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        port = _console_port(desk)
        senders = [raw("127.0.0.1"), raw("127.0.0.2")]
        for _ in range(20):  # 280 datagrams
            for sender in senders:
                for datagram in malformed_datagrams(f"127.0.0.1:{port}", sender.address):
                    sender.send(datagram, ("127.0.0.1", port))
            qtbot.wait(5)
        qtbot.wait(1500)  # refusals kept waiting under the flood go out 20 a second
        assert desk.empty(), desk.state()
        assert desk.phone.indicator.text() == "Phone ready"
        desk.answer_caller(caller)
        assert "2611" in desk.card_text()


def test_a_registrar_killed_after_a_keep_alive_and_back_5_s_later_is_shown_truthfully_and_reached_within_10_s(
        kamailio: Kamailio, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        event_loop_qt: object) -> None:
    """The issue's case: the window said "Phone ready" while every caller got 404, until the next refresh."""
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        shown: list[str] = []

        def showing(condition: Callable[[], object]) -> Callable[[], bool]:
            def check() -> bool:
                text = desk.phone.indicator.text()
                if not shown or shown[-1] != text:
                    shown.append(text)
                return bool(condition())
            return check

        next_ping = desk._engine.next_keepalive_at
        assert next_ping is not None
        desk.wait(showing(lambda: time.monotonic() >= next_ping + 0.25))
        kamailio.stop()
        desk.wait(showing(lambda: time.monotonic() >= next_ping + 5.25))  # down for 5 s
        started = threading.Event()

        def start() -> None:
            kamailio.start()
            started.set()

        threading.Thread(target=start, daemon=True).start()
        desk.wait(showing(started.is_set), timeout=15_000)
        back_at = time.monotonic()
        reach = Reachability(("127.0.0.1", kamailio.port), "sip:1000@127.0.0.1")
        try:
            desk.wait(showing(lambda: reach.poll(time.monotonic())), timeout=15_000)
        finally:
            reach.close()
        assert time.monotonic() - back_at < 10.0
        desk.wait(showing(lambda: desk.phone.indicator.text() == "Phone ready"))
        assert shown[0] == "Phone ready"
        assert any(text.startswith("Phone NOT registered") for text in shown), shown


@pytest.mark.parametrize("kamailio", [{"tcp_switch": True}], indirect=True, ids=["udp_mtu-1300"])
def test_a_caller_with_a_3_5_kb_invite_is_answered_with_f2_connects_and_is_logged_handled(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    """The issue's lost answer: a long display name made the 200 OK too large to send (pjsip's 4000-byte
    buffer), the caller heard nothing and the call log said "handled". The caller's UDP INVITE reaches the
    console over TCP (Kamailio follows RFC 3261 18.1.1), the answer goes back the same way."""
    caller = make_peer("2621")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        desk.wait(lambda: caller.find("reg", code=200))
        mark = caller.mark()
        caller.send("call", uri="sip:1000@127.0.0.1", display_name="Långt Namn " * 230)
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 1)
        desk.key("F2")
        desk.wait(lambda: caller.find("call_state", mark, state="CONFIRMED"))
        desk.wait(lambda: desk.talking() == 1 and desk.connected())
        desk.key("F12")
        desk.wait(desk.empty)
        desk.wait(lambda: desk.logged("2621"))
        assert [call.outcome for call in desk.logged("2621")] == ["handled"]


def test_a_caller_refused_because_every_line_is_in_use_is_in_the_call_log(
        kamailio: Kamailio, raw: Callable[[str], RawUdp], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    """The wheel holds four calls; the fifth caller got 486 and left no trace anywhere."""
    callers = raw("127.0.0.1")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        for n in range(4):
            callers.send(invite("127.0.0.1", callers.address, caller=f"467020000{n}", call_id=f"waiting-{n}"),
                         ("127.0.0.1", kamailio.port))
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 4)
        callers.send(invite("127.0.0.1", callers.address, caller="46702999", call_id="fifth"),
                     ("127.0.0.1", kamailio.port))
        desk.wait(lambda: callers.finals().get("fifth") == 486)
        desk.wait(lambda: desk.logged("46702999"))
        assert [call.outcome for call in desk.logged("46702999")] == ["refused_full"]
        assert desk.rows(DeskList.WAITING) == 4
        model = desk.call_log.model
        row = next(r for r, call in enumerate(model.calls()) if call.number == "46702999")
        assert model.index(row, COLUMNS.index("outcome")).data() == "refused: console full"
        for _ in range(4):
            desk.key("F12")  # declines the next waiting caller
            qtbot.wait(100)
        desk.wait(desk.empty)


def test_a_64_character_name_without_spaces_is_elided_and_widens_no_dock(
        kamailio: Kamailio, raw: Callable[[str], RawUdp], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    """It widened the phone dock from about 470 to 700 pixels."""
    name = "Anna-KarinLindqvistBergströmHälsocentralenNorraStadsdelenAkuten1"
    caller = raw("127.0.0.1")
    with desk_console(qtbot, kamailio, tmp_path, monkeypatch) as desk:
        qtbot.wait(200)
        widths = (desk.phone.width(), desk.panels.waiting.width(), desk.window.width())
        caller.send(invite("127.0.0.1", caller.address, caller="4670333", name=name, call_id="long-name"),
                    ("127.0.0.1", kamailio.port))
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 1 and desk.phone.caller.text() == name)
        qtbot.wait(200)  # a layout pass
        assert (desk.phone.width(), desk.panels.waiting.width(), desk.window.width()) == widths
        assert desk.phone.caller.shown_text().endswith("…")
        assert name in desk.window.announcer.accessibleName()  # said in whole to screen readers
        model = desk.panels.models[DeskList.WAITING]
        caller_column = model.columns.index("caller")
        assert model.index(0, caller_column).data(Qt.ItemDataRole.ToolTipRole) == name
        desk.key("F12")
        desk.wait(lambda: 603 in caller.statuses())
        desk.wait(desk.empty)
        qtbot.wait(200)
        assert (desk.phone.width(), desk.panels.waiting.width(), desk.window.width()) == widths
