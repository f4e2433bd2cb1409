"""From `[exchange]` to a queue client for this console (the window and `switchboard queue` share it)."""

from __future__ import annotations

from app.config.loader import Config
from app.config.secrets import SecretError, resolve_secret
from softphone.exchange.client import ExchangeClient


def queue_configured(config: Config) -> bool:
    return bool(config.settings.exchange.url)


def client_for(config: Config) -> ExchangeClient:
    """Who we are: [exchange] operator (else [sip] user) with [exchange] token, at [exchange] url."""
    settings = config.settings
    exchange = settings.exchange
    if not exchange.url:
        raise SecretError("[exchange] url is not set: this console is not attached to an exchange queue")
    if not exchange.token:
        raise SecretError("[exchange] token is not set")
    operator = exchange.operator or settings.sip.user
    if not operator:
        raise SecretError("[exchange] operator (or [sip] user) is not set")
    return ExchangeClient(exchange.url, operator, resolve_secret(exchange.token))
