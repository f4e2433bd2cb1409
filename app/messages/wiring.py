"""Adds messages to staff to the window: Ctrl+Shift+M opens the message form for the selected person or unit,
prefilled from the call in progress; transports are built from `[messages]` once the store is open, their
delivery reports handed to the form's flow (Kannel's through its receiver, SMPP's from the session), and their
sessions closed when the application quits."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from app.calls.desk_bridge import DeskBridge
from app.config.loader import Config
from app.config.secrets import SecretError
from app.lookup.console import Console
from app.lookup.referral_setup import operator_name
from app.messages.log_flow import MessageLogFlow
from app.messages.message_flow import MessageFlow
from app.messages.service import MessageService
from app.messages.transports import build_transports, configured_channels
from directory.referrals.workdays import local_zone
from messaging.settings import MessagesSettings
from messaging.transports.kannel_dlr import DeliveryReportServer
from ui.main_window import MainWindow
from ui.message_log_panel import MessageLogPanel

# Ctrl+M is the supervisor view's (app/stats/wiring.py); F-keys and the other Ctrl letters are the desk's.
KEY = "Ctrl+Shift+M"
log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def attach_messages(config: Config, window: MainWindow, console: Console, bridge: DeskBridge | None,
                    *, language: str = "sv") -> MessageFlow:
    settings = config.settings.messages
    made: list[MessageService] = []

    def service() -> MessageService | None:
        if made:
            return made[0]
        if console.services is None:
            return None
        try:
            transports = build_transports(settings, on_sms_receipt=flow.receipt_received.emit)
        except SecretError as error:  # config check names it too; the channel then fails with this reason
            log.error("messages: %s", error)
            transports = {}
        made.append(MessageService(console.services.store, settings, transports,
                                   region=config.settings.directory.default_region))
        console.tasks.spawn(console.tasks.in_database(made[0].start), "message housekeeping")
        listen_for_reports(settings, flow)
        close_on_quit(made[0], flow)
        message_log.attach(made[0].outbox)
        return made[0]

    def call_fields() -> dict[str, str]:
        call = bridge.desk.current() if bridge is not None else None
        if call is None:
            return {}
        return {"caller": call.name or call.number, "number": call.number,
                "time": f"{call.offered_wall.astimezone(local_zone()):%H:%M}"}

    flow = MessageFlow(window, console, console.tasks, service, settings,
                       region=config.settings.directory.default_region, channels=configured_channels(settings),
                       operator=operator_name(config), language=language, call_fields=call_fields)
    message_log = attach_message_log(window, console)
    flow.outbox_changed.connect(message_log.panel.refresh)
    QShortcut(QKeySequence(KEY), window, flow.open_form)
    window.extra_shortcuts.append((KEY, translate("MessagesWiring", "Message to staff: SMS, e-mail or pager to the "
                                                                    "selected person or unit, from the current call")))
    return flow


def attach_message_log(window: MainWindow, console: Console) -> MessageLogFlow:
    """The Messages tab beside the call log: the outbox searched like the call log."""
    panel = MessageLogPanel()
    panel.model.numbers = window.numbers
    dock = window.add_panel(translate("MessagesWiring", "Messages"), panel, Qt.DockWidgetArea.LeftDockWidgetArea)
    if window.tab_group is not None:
        window.tabifyDockWidget(window.tab_group, dock)
        window.tab_group.raise_()
    return MessageLogFlow(panel, console.tasks, window)


def close_on_quit(service: MessageService, flow: MessageFlow) -> None:
    """The transports' sessions ended when the application quits (an SMPP session unbound, after a send in
    progress), or when the flow goes; a second close does nothing."""
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(service.close)
    flow.destroyed.connect(lambda *_: service.close())


def listen_for_reports(settings: MessagesSettings, flow: MessageFlow) -> DeliveryReportServer | None:
    """Kannel's delivery reports received at `[messages.kannel] dlr_listen` while the application runs."""
    if settings.sms_transport != "kannel" or not settings.kannel.dlr_listen:
        return None
    host, _, port = settings.kannel.dlr_listen.rpartition(":")
    try:
        server = DeliveryReportServer(flow.report_received.emit, host, int(port))
    except OSError as error:  # the port taken or the address not this machine's: SMS still go, unconfirmed
        log.error("messages: cannot receive delivery reports at %s: %s", settings.kannel.dlr_listen, error)
        return None
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(server.close)
    flow.destroyed.connect(lambda *_: server.close())
    return server
