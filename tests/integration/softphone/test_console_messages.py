"""A message to staff from the call, in the real window: a caller is answered, the operator finds the person
asked for, presses Ctrl+Shift+M, and the form opens beside the call prefilled from it (the caller's number,
the person's mobile); Send puts the SMS through Kannel to its test SMSC, and the gateway's delivery report,
received by the window at `[messages.kannel] dlr_listen`, turns the state shown to "delivered", in the form
and in the Messages tab. Kamailio and a pjsua2 peer as the caller, Kannel with fakesmsc as the SMS gateway."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.messages.wiring import attach_messages
from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from tests.helpers.console import phone_config, running_console
from tests.helpers.desk import Desk
from tests.helpers.kamailio import Kamailio
from tests.helpers.kannel import Kannel, decoded
from tests.helpers.sip_peer import SipPeer
from ui.message_log_panel import MessageLogPanel

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]

SIV = Entry("t", "siv", EntryKind.PERSON, "Siv Ek", title="Sjuksköterska", unit_path=("Region", "Kardiologi"),
            numbers=(PhoneNumber("070-555 12 34", NumberKind.MOBILE, "+46705551234"),))


@pytest.fixture
def kannel(tmp_path: Path) -> Iterator[Kannel]:
    (tmp_path / "kannel").mkdir()
    gateway = Kannel(tmp_path / "kannel")
    gateway.start()
    yield gateway
    gateway.stop()


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_sms_from_the_call_goes_through_kannel_and_its_delivery_report_shows_in_the_form(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], kannel: Kannel, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    port = free_port()
    monkeypatch.setenv("SB_TEST_KANNEL_PASSWORD", Kannel.PASSWORD)
    extra = ('[messages]\nsms_transport = "kannel"\nlanguage = "sv"\n[messages.kannel]\n'
             f'url = "{kannel.url}"\nusername = "switchboard"\npassword = "env:SB_TEST_KANNEL_PASSWORD"\n'
             f'sender = "Vaxeln"\ndlr_url = "http://127.0.0.1:{port}/dlr"\ndlr_listen = "127.0.0.1:{port}"\n')
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch, extra)
    caller = make_peer("2601")
    with running_console(qtbot, config, paths, [SIV]) as running:
        flow = attach_messages(config, running.window, running.console, running.bridge, language="sv")
        desk = Desk(qtbot, running)
        desk.answer_caller(caller)
        QTest.keyClicks(running.window.search_field, "siv ek")
        desk.wait(lambda: running.window.current_entry_id() is not None)
        desk.key("Ctrl+Shift+M")
        desk.wait(lambda: flow.form is not None and flow.form.isVisible())
        form = flow.form
        assert form is not None
        assert "+46705551234" in form.recipients.toPlainText()
        assert "2601" in form.text.toPlainText()  # prefilled from the call: the caller's number
        assert desk.talking() == 1  # the call is still there behind the form
        assert not form.isModal()

        QTest.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
        desk.wait(lambda: any(r.to == "+46705551234" for r in kannel.received()), timeout=60_000)
        (got,) = [r for r in kannel.received() if r.to == "+46705551234"]
        assert got.sender == "Vaxeln"
        assert "2601" in decoded(got)
        desk.wait(lambda: form.states.rowCount() == 1 and _text(form.states.item(0, 1)) == "delivered",
                  timeout=30_000)
        log = running.window.findChild(MessageLogPanel)
        assert log is not None  # the Messages tab: the message, to whom, delivered
        desk.wait(lambda: [m.state for m in log.model.messages()] == ["delivered"])
        assert log.model.messages()[0].recipient == "+46705551234"
        assert desk.connected()  # the call went on all along
