"""From `[messages]` to transports: each channel whose gateway is configured gets one, secrets resolved here.

A channel left unconfigured has no transport; `missing_channel` says so in words the operator can act on,
before anything is queued.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

from app.config.secrets import resolve_secret
from messaging.model import Channel
from messaging.settings import MessagesSettings
from messaging.transports.base import MessageTransport
from messaging.transports.espa import EspaTransport, SerialLink, TcpLink
from messaging.transports.http_sms import HttpSmsConfig, HttpSmsTransport
from messaging.transports.kannel import KannelConfig, KannelTransport
from messaging.transports.smpp import SmppConfig, SmppTransport
from messaging.transports.smtp import SmtpConfig, SmtpTransport
from settings_base import Section

Resolved = TypeVar("Resolved", KannelConfig, SmppConfig, SmtpConfig, HttpSmsConfig)


def _resolved(runtime: type[Resolved], declared: Section) -> Resolved:
    """A transport's settings: its `[messages.*]` declaration with the secrets its references resolve to."""
    values = declared.model_dump()
    for name in ("password", "token"):
        if name in values:
            values[name] = resolve_secret(values[name]) if values[name] else ""
    return runtime.model_validate(values)


def configured_channels(settings: MessagesSettings) -> set[Channel]:
    channels = set()
    if (settings.sms_transport == "kannel" and settings.kannel.url) or \
            (settings.sms_transport == "smpp" and settings.smpp.host) or \
            (settings.sms_transport == "http" and settings.http.url):
        channels.add(Channel.SMS)
    if settings.smtp.host and settings.smtp.from_address:
        channels.add(Channel.EMAIL)
    if settings.espa.serial_port or settings.espa.tcp:
        channels.add(Channel.PAGER)
    return channels


def missing_channel(settings: MessagesSettings, channel: Channel) -> str | None:
    """Why `channel` cannot be used, or None when it can."""
    if channel in configured_channels(settings):
        return None
    return {
        Channel.SMS: "no SMS gateway is configured: set messages.sms_transport and messages.kannel.url, "
                     "messages.smpp.host or messages.http.url",
        Channel.EMAIL: "no mail server is configured: set messages.smtp.host and messages.smtp.from_address",
        Channel.PAGER: "no paging system is configured: set messages.espa.serial_port or messages.espa.tcp",
    }[channel]


def build_transports(settings: MessagesSettings, on_sms_receipt: Callable[[str, str], None] | None = None,
                     ) -> dict[str, MessageTransport]:
    """Transports for the configured channels; raises SecretError naming a reference that cannot be resolved.
    `on_sms_receipt` gets the SMPP transport's delivery receipts (the SMSC's message id, outcome)."""
    transports: dict[str, MessageTransport] = {}
    channels = configured_channels(settings)
    if Channel.SMS in channels and settings.sms_transport == "kannel":
        transports["sms"] = KannelTransport(_resolved(KannelConfig, settings.kannel))
    elif Channel.SMS in channels and settings.sms_transport == "http":
        transports["sms"] = HttpSmsTransport(_resolved(HttpSmsConfig, settings.http))
    elif Channel.SMS in channels:
        transports["sms"] = SmppTransport(_resolved(SmppConfig, settings.smpp), on_sms_receipt)
    if Channel.EMAIL in channels:
        transports["email"] = SmtpTransport(_resolved(SmtpConfig, settings.smtp))
    if Channel.PAGER in channels:
        e = settings.espa
        if e.tcp:
            host, _, port = e.tcp.rpartition(":")
            transports["pager"] = EspaTransport(e, partial(TcpLink, host, int(port), e.timeout), e.tcp)
        else:
            transports["pager"] = EspaTransport(e, partial(SerialLink, e.serial_port, e.baudrate),
                                                e.serial_port)
    return transports
