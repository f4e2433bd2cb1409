"""Putting the softphone into the window: the bridge, the panel, and dialling from the directory."""

from __future__ import annotations

import logging
import re

from app.config import Config
from app.console import Console
from app.phone_bridge import PhoneBridge
from app.phone_setup import phone_configured, resolved_phone_settings
from app.secrets import SecretError
from softphone.engine import Phone
from ui.main_window import MainWindow
from ui.phone_panel import PhonePanel

log = logging.getLogger(__name__)


def dial_string(number: str) -> str:
    """What the PBX is sent: the digits as written ("019-602 10 00" -> "0196021000"), + * # kept;
    a "sip:" address as it is."""
    if number.strip().lower().startswith(("sip:", "sips:")):
        return number.strip()
    return re.sub(r"[^\d+*#]", "", number)


def attach_phone(config: Config, window: MainWindow, console: Console) -> PhoneBridge | None:
    """Start the phone when `[sip]` is configured; None (and a visible reason) when it is not started."""
    if not phone_configured(config):
        return None
    try:
        settings = resolved_phone_settings(config)
    except SecretError as error:
        log.error("phone not started: %s", error)
        window.show_phone_unavailable(str(error))
        return None
    bridge = PhoneBridge(Phone(settings), window)
    try:
        bridge.start()
    except Exception as error:  # the console must open even when the SIP stack cannot start
        log.exception("phone not started")
        window.show_phone_unavailable(str(error) or type(error).__name__)
        return None
    window.add_phone_panel(PhonePanel(bridge))
    window.set_dialling_enabled(True)
    window.dial_requested.connect(lambda text: bridge.dial(dial_string(text)))
    console.dialler = lambda number: bridge.dial(dial_string(number))
    return bridge
