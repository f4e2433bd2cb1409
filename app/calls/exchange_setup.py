"""From `[exchange]` to a queue client for this console (the window and `switchboard queue` share it)."""

from __future__ import annotations

from pathlib import Path

from app.config.loader import Config, ConfigProblem
from app.config.secrets import SecretError, resolve_secret
from softphone.exchange.client import ExchangeClient
from softphone.exchange.transport import tls_context


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
    try:
        return ExchangeClient(exchange.url, operator, resolve_secret(exchange.token), ca_file=exchange.ca_file)
    except ValueError as exc:  # a bad URL or an unreadable CA file: a configuration problem, named
        raise SecretError(f"[exchange] {exc}") from None


def exchange_problems(config: Config) -> list[ConfigProblem]:
    """What `config check` says of [exchange] beyond the types: TLS keys that go together, files that
    are not there, a CA file given for a plain http:// URL."""
    exchange = config.settings.exchange

    def problem(key: str, message: str, severity: str = "error") -> ConfigProblem:
        return ConfigProblem(config.origin(f"exchange.{key}"), f"exchange.{key}", message, severity)

    problems = [problem(key, message) for key, message in exchange.tls_problems()]
    for key in ("ca_file", "tls_certificate", "tls_key"):
        value = getattr(exchange, key)
        if value and not Path(value).expanduser().is_file():
            problems.append(problem(key, f"no such file: {value}"))
    if exchange.ca_file and Path(exchange.ca_file).expanduser().is_file():
        try:
            tls_context(exchange.ca_file)
        except ValueError as exc:
            problems.append(problem("ca_file", str(exc)))
    if exchange.ca_file and not exchange.url.startswith("https://"):
        problems.append(problem("ca_file", "only used with an https:// url; this console talks plain "
                                f"HTTP to {exchange.url or 'no exchange'}", "warning"))
    return problems
