"""The message form in the window's terms: opened non-modally for the selected DECT user, prefilled from the
call, sent off the GUI thread to the ESPA receiver protocol fixture with its state shown; a group above the
configured count asks first; a bad number is named and nothing is queued; an SMS through the SMPP server
protocol fixture shows "delivered" once the flow's timer has read the SMSC's receipt from the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from pytestqt.qtbot import QtBot

from app.messages.message_flow import MessageFlow
from app.messages.service import MessageService
from app.messages.transports import build_transports
from app.tasks import TaskRunner
from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.search import SearchIndex
from directory.store import Store, sqlite_url
from messaging.model import Channel
from messaging.settings import EspaSettings, MessagesSettings, SmppSettings
from messaging.transports.espa import EspaTransport, TcpLink
from tests.helpers.espa_receiver import EspaReceiver, PagerCall
from tests.helpers.smpp_server import SmppServer

pytestmark = pytest.mark.gui

ASA = Entry("t", "1", EntryKind.PERSON, "Åsa Öberg", id=1, unit_path=("Region", "Kardiologi"),
            numbers=(PhoneNumber("070-111 22 33", NumberKind.MOBILE, "+46701112233"),
                     PhoneNumber("4711", NumberKind.DECT)))


class Window:
    """What the flow reads of the main window: the selected entry, and a parent for the form."""

    def __init__(self, qtbot: QtBot) -> None:
        from PySide6.QtWidgets import QWidget  # noqa: PLC0415 - after the QApplication exists

        self.widget = QWidget()
        qtbot.addWidget(self.widget)
        self.extra_shortcuts: list[tuple[str, str]] = []

    def current_entry_id(self) -> int | None:
        return 1


class Console:
    def __init__(self, tasks: TaskRunner, index: SearchIndex) -> None:
        self.tasks, self.index, self.services = tasks, index, None


@pytest.fixture
def receiver() -> Iterator[EspaReceiver]:
    fixture = EspaReceiver()
    yield fixture
    fixture.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield opened
    opened.dispose()


@pytest.fixture
def flow_for(qtbot: QtBot, store: Store, receiver: EspaReceiver, event_loop_qt: object) -> Iterator[Any]:
    tasks = TaskRunner()
    port = receiver.serve_tcp()
    made: list[MessageFlow] = []

    def make(**settings: Any) -> MessageFlow:
        config = MessagesSettings(**settings)
        pager = EspaTransport(EspaSettings(timeout=2), lambda: TcpLink("127.0.0.1", port, 2), f"127.0.0.1:{port}")
        service = MessageService(store, config, {"pager": pager})
        window = Window(qtbot)
        # The flow parents its form to the window; a plain QWidget stands in for MainWindow here.
        flow = MessageFlow(cast(Any, window.widget), cast(Any, Console(tasks, SearchIndex([ASA]))), tasks,
                           lambda: service, config, region="SE", channels={Channel.PAGER, Channel.SMS},
                           operator="olle", language="sv",
                           call_fields=lambda: {"caller": "Per Holm", "number": "070-123 45 67", "time": "09:12"})
        window.widget.current_entry_id = window.current_entry_id  # type: ignore[attr-defined]
        made.append(flow)
        return flow

    yield make
    for flow in made:
        flow.stop()  # its timers would fire in a later test, after these tasks are gone
        if flow.form is not None:
            flow.form.close()
    tasks.shutdown()


def states(flow: MessageFlow) -> list[str]:
    assert flow.form is not None
    table = flow.form.states
    return [item.text() for r in range(table.rowCount()) if (item := table.item(r, 1)) is not None]


def test_a_page_from_the_call_to_the_selected_dect_user(qtbot: QtBot, flow_for: Any, receiver: EspaReceiver,
                                                        tmp_path: Path) -> None:
    flow = flow_for()
    flow.open_form()
    form = flow.form
    assert form is not None
    assert form.isVisible()
    assert not form.isModal()
    assert [form.channel.itemData(i) for i in range(form.channel.count())] == ["sms", "pager"]
    form.channel.setCurrentIndex(form.channel.findData("pager"))
    assert form.recipients.toPlainText() == "4711, Åsa Öberg"
    assert form.text.toPlainText() == "Per Holm (070-123 45 67) ringde kl. 09:12, vänligen ring tillbaka."
    assert form.counter.text() == "66 of 160 characters"
    form.send_button.click()
    qtbot.waitUntil(lambda: states(flow) == ["sent"], timeout=10000)
    assert form.grab().save(str(tmp_path / "message_form.png"))  # looked at by hand when the form changes
    assert receiver.calls == [PagerCall("4711", "Per Holm (070-123 45 67) ringde kl. 09:12, vänligen ring "
                                                "tillbaka.")]


def test_a_group_above_the_limit_asks_first(qtbot: QtBot, flow_for: Any, receiver: EspaReceiver) -> None:
    flow = flow_for(confirm_group_above=1)
    flow.open_form()
    form = flow.form
    form.channel.setCurrentIndex(form.channel.findData("pager"))
    form.recipients.setPlainText("4711, Åsa\n4712, Per")
    form.send_button.click()
    question = form._question
    assert question is not None
    assert question.isVisible()
    assert "2" in question.text()
    assert receiver.calls == []
    question.button(question.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: states(flow) == ["sent", "sent"], timeout=10000)
    assert sorted(c.number for c in receiver.calls) == ["4711", "4712"]


def test_a_bad_number_is_named_and_nothing_is_queued(qtbot: QtBot, flow_for: Any, store: Store) -> None:
    flow = flow_for()
    flow.open_form()
    form = flow.form
    form.channel.setCurrentIndex(form.channel.findData("sms"))
    form.recipients.setPlainText("070-111 22 33\n070-12")
    form.send_button.click()
    assert form.problem.text() == "'070-12' is not a complete phone number"
    assert MessageService(store, MessagesSettings(), {}).outbox.search() == []


def test_an_sms_shows_delivered_when_the_smscs_receipt_is_read(qtbot: QtBot, store: Store, event_loop_qt: object,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    smsc = SmppServer()
    tasks = TaskRunner()
    monkeypatch.setenv("SB_TEST_SMPP_PASSWORD", smsc.password)
    config = MessagesSettings(sms_transport="smpp", smpp=SmppSettings(
        host="127.0.0.1", port=smsc.port, system_id=smsc.system_id, password="env:SB_TEST_SMPP_PASSWORD",
        source_addr="Vaxeln", timeout=5))
    window = Window(qtbot)
    flow = MessageFlow(cast(Any, window.widget), cast(Any, Console(tasks, SearchIndex([ASA]))), tasks,
                       lambda: service, config, region="SE", channels={Channel.SMS}, operator="olle", language="sv")
    # As app/messages/wiring.py: the transport's receipts go to the flow's signal, from the network thread.
    service = MessageService(store, config, build_transports(config, flow.receipt_received.emit))
    window.widget.current_entry_id = window.current_entry_id  # type: ignore[attr-defined]
    try:
        flow.open_form()
        form = flow.form
        assert form is not None
        assert form.recipients.toPlainText() == "+46701112233, Åsa Öberg"
        form.text.setPlainText("Ring växeln")
        form.send_button.click()
        qtbot.waitUntil(lambda: states(flow) == ["delivered"], timeout=20000)  # the receipt timer runs every 5 s
        assert smsc.texts() == {"46701112233": ["Ring växeln"]}
        assert smsc.binds == ["bind_transceiver"]
        form.close()
    finally:
        flow.stop()
        tasks.shutdown()
        service.close()
        smsc.stop()
