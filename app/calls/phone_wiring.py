"""Putting the softphone into the window: the phone, its desk and their one bridge, the phone dock, and
dialling from the directory (every call command goes through the desk)."""

from __future__ import annotations

import logging
import time

from app.calls.desk_bridge import DeskBridge
from app.calls.desk_wiring import attach_desk, desk_settings, dial_string
from app.calls.exchange_bridge import ExchangeBridge
from app.calls.exchange_setup import client_for, queue_configured
from app.calls.phone_setup import phone_configured, resolved_phone_settings
from app.config.loader import Config
from app.config.secrets import SecretError
from app.lookup.console import Console
from app.lookup.line_watcher import LineWatcher
from softphone.blf import BlfAccount, BlfClient
from softphone.desk.desk import OperatorDesk
from softphone.engine import Phone
from softphone.exchange.client import ExchangeClient
from softphone.settings import PhoneSettings
from ui.main_window import MainWindow
from ui.phone_panel import PhonePanel
from ui.queue_status import QueueStatus

log = logging.getLogger(__name__)


def attach_phone(config: Config, window: MainWindow, console: Console, *, settings: PhoneSettings | None = None,
                 emergency_numbers: tuple[str, ...] = (), busy_lamps: bool = True,
                 hand_back_to: str = "", queue: ExchangeClient | None = None) -> DeskBridge | None:
    """Start the phone when `[sip]` is configured (or ``settings`` are given, as the demo does); None, and a
    visible reason, when it is not started. Callers wait at the exchange's queue when `[exchange]` names one
    (or ``queue`` is given, as the demo's private queue does)."""
    if settings is None:
        if not phone_configured(config):
            return None
        try:
            settings = resolved_phone_settings(config)
        except SecretError as error:
            log.error("phone not started: %s", error)
            window.show_phone_unavailable(str(error))
            return None
    phone = Phone(settings)
    desk = OperatorDesk(phone, desk_settings(config, emergency_numbers), clock=time.monotonic,
                        name_of=console.name_for_number)
    bridge = DeskBridge(phone, desk, window)
    try:
        bridge.start()
    except Exception as error:  # the console must open even when the SIP stack cannot start
        log.exception("phone not started")
        window.show_phone_unavailable(str(error) or type(error).__name__)
        return None
    panel = PhonePanel(bridge)
    panel.numbers = window.numbers
    window.add_phone_panel(panel)
    bridge.desk_changed.connect(window.announcer.on_desk_changed)
    attach_desk(config, window, console, bridge, hand_back_to=hand_back_to, card=panel)
    window.set_dialling_enabled(True)
    window.dial_requested.connect(lambda text: bridge.dial(dial_string(text)))
    console.attach_dialler(lambda number: bridge.dial(dial_string(number)))
    if busy_lamps:  # live line state of the people shown, subscribed at the PBX (RFC 4235 dialog events)
        console.attach_lines(LineWatcher(BlfClient(BlfAccount.from_settings(settings)), console))
    if queue is None and queue_configured(config):
        try:
            queue = client_for(config)
        except SecretError as error:
            log.error("exchange queue not attached: %s", error)
            window.show_queue_state(False, str(error))
    if queue is not None:
        attach_queue(queue, window, console, bridge)
    return bridge


def attach_queue(client: ExchangeClient, window: MainWindow, console: Console, bridge: DeskBridge) -> None:
    """Callers wait at the exchange's queue: the waiting panel shows all of them and F2 picks."""
    queue = ExchangeBridge(client, bridge, console.tasks, window)
    queue.connection_changed.connect(window.show_queue_state)
    queue.refused.connect(window.show_notice)
    status = QueueStatus(window)  # available or paused, and how many operators are in
    window.statusBar().addPermanentWidget(status)
    queue.operators_changed.connect(lambda signed_in: status.show_operators(tuple(signed_in), client.operator))
    queue.connection_changed.connect(lambda up, _detail: status.show_connected(up))
    status.availability_requested.connect(queue.set_available)
    queue.start()
