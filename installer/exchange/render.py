"""Renders the exchange's Kamailio configuration from the [exchange] settings and resolved secrets.

Secrets never reach the file: console tokens as SHA-256 digests, SIP passwords as digest HA1
(md5(user:realm:password)), the records database password only inside the database URL given.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from installer.exchange.queue_rules import token_digest
from softphone.desk.settings import DeskSettings
from softphone.exchange.settings import ExchangeQueueSettings

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "kamailio.cfg.tmpl"
SETTINGS_MARK = "# exchange-settings: "


def digest_ha1(user: str, realm: str, password: str) -> str:
    return hashlib.md5(f"{user}:{realm}:{password}".encode()).hexdigest()  # SIP digest is MD5


def render(settings: ExchangeQueueSettings, desk: DeskSettings, *, tokens: dict[str, str],
           sip_passwords: dict[str, str], records_url: str = "", organisation: str = "", debug: int = 1,
           tm_defaults_ms: tuple[int, int] = (60_000, 180_000)) -> str:
    """The cfg text. `tokens`/`sip_passwords`: operator -> resolved secret; `records_url`: a Kamailio
    database URL (sqlite:///path or postgres://user:password@host/db) or empty for no records.
    `tm_defaults_ms`: tm's fr_inv_timer and max_inv_lifetime for everything but queued callers (tests
    lower them to show that a queued caller outlives them)."""
    problems = settings.tls_problems()
    if problems:
        raise ValueError("; ".join(f"[exchange] {key}: {message}" for key, message in problems))
    operators = {name: {"token_sha256": token_digest(tokens[name]),
                        "ha1": digest_ha1(name, settings.domain, sip_passwords[name])}
                 for name in settings.operators}
    data = {
        "domain": settings.domain,
        "numbers": dict(settings.numbers),
        "emergency_numbers": list(desk.emergency_numbers),
        "priority_numbers": list(desk.priority_numbers),
        "internal_max_digits": desk.internal_max_digits,
        "max_wait_s": settings.max_wait,
        "offer_timeout_s": settings.offer_timeout,
        "overflow_to": settings.overflow_to,
        "forward_to": settings.forward_to,
        "queued_reply": settings.queued_reply,
        "sip_port": int(settings.sip_listen.rpartition(":")[2]),
        "api_port": int(settings.api_listen.rpartition(":")[2]),
        "events_port": int(settings.events_listen.rpartition(":")[2]),
        "operators": operators,
        "records": bool(records_url),
        "organisation": settings.organisation or organisation,
        "records_async": records_url.startswith("postgres"),
        "api_rate_limit": settings.api_rate_limit,
        "invite_rate_limit": settings.invite_rate_limit,
    }
    db_modules = db_params = ""
    if records_url:
        module = "db_sqlite" if records_url.startswith("sqlite:") else "db_postgres"
        db_modules = f'loadmodule "{module}.so"\nloadmodule "sqlops.so"'
        db_params = f'modparam("sqlops", "sqlcon", "records=>{records_url}")'
    replacements = {
        "@@SETTINGS_LINE@@": SETTINGS_MARK + json.dumps(data, sort_keys=True),
        "@@DEBUG@@": str(debug),
        "@@CHILDREN@@": str(settings.workers),
        "@@TCP_MAX@@": str(settings.max_api_connections),
        "@@EVENT_CLIENTS@@": str(settings.max_event_clients),
        "@@SIP_LISTEN@@": settings.sip_listen,
        "@@API_LISTENER@@": api_listener(settings),
        "@@TLS_MODULE@@": tls_module(settings),
        "@@EVAPI_BIND@@": settings.events_plain_listen if settings.tls_certificate else settings.events_listen,
        "@@DB_MODULES@@": db_modules,
        "@@DB_PARAMS@@": db_params,
        "@@SCRIPT_DIR@@": str(HERE),
        "@@FR_INV_TIMER@@": str(tm_defaults_ms[0]),
        "@@MAX_INV_LIFETIME@@": str(tm_defaults_ms[1]),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in replacements.items():
        text = text.replace(key, value)
    return text


def api_listener(settings: ExchangeQueueSettings) -> str:
    if not settings.tls_certificate:
        return f"listen=tcp:{settings.api_listen}"
    # HTTPS through Kamailio's own tls module: xhttp reads the decrypted requests as on TCP.
    return f"enable_tls=yes\nlisten=tls:{settings.api_listen}"


def tls_module(settings: ExchangeQueueSettings) -> str:
    """The tls module with the certificate as its default server domain (no tls.cfg of its own); consoles
    prove who they are with their tokens, so no client certificate is asked for."""
    if not settings.tls_certificate:
        return ""
    certificate, key = (str(Path(p).resolve()) for p in (settings.tls_certificate, settings.tls_key))
    return "\n".join([
        'loadmodule "tls.so"',
        f'modparam("tls", "certificate", "{certificate}")',
        f'modparam("tls", "private_key", "{key}")',
        'modparam("tls", "tls_method", "TLSv1.2+")',
        'modparam("tls", "verify_certificate", 0)',
        'modparam("tls", "require_certificate", 0)',
    ])


def render_stunnel(settings: ExchangeQueueSettings) -> str:
    """stunnel's configuration for the event stream with TLS: it accepts consoles at events_listen and
    passes each connection to evapi on events_plain_listen (evapi has no TLS; Kamailio's websocket module
    carries only SIP and MSRP, not our netstring events). Empty without tls_certificate."""
    if not settings.tls_certificate:
        return ""
    certificate, key = (str(Path(p).resolve()) for p in (settings.tls_certificate, settings.tls_key))
    return "\n".join([
        "; The exchange's event stream over TLS (Switchboard). Rendered by `switchboard exchange config",
        "; --stunnel`; do not edit by hand.",
        "foreground = yes",
        "pid =",
        "",
        "[switchboard-events]",
        f"accept = {settings.events_listen}",
        f"connect = {settings.events_plain_listen}",
        f"cert = {certificate}",
        f"key = {key}",
        "sslVersionMin = TLSv1.2",
        "",
    ])
