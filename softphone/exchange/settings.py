"""The `[exchange]` table: where the exchange's queue listens, which numbers it holds, and its consoles.

Server keys (domain, listeners, numbers, timers, overflow, operators, records) are rendered into the
Kamailio configuration by `switchboard exchange config`; client keys (url, operator, token) tell this
console where the queue is and who it is.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from settings_base import SecretRef, Section

QueueClass = Literal["emergency", "priority", "internal", "normal"]


class QueueOperatorSettings(Section):
    """One `[exchange.operators.NAME]` table: a console allowed to register, sign in and pick."""

    token: SecretRef = Field(description="Secret reference for the console's API token.")
    sip_password: SecretRef = Field(description="Secret reference for the console's SIP password "
                                    "(it registers at the exchange with it).")


class ExchangeQueueSettings(Section):
    """The exchange's queue, server and client side."""

    url: str = Field("", description="Base URL of the queue's API as consoles reach it, e.g. "
                     "http://192.0.2.10:8090; empty: this console takes calls on its own line.")
    operator: str = Field("", description="Who this console is at the queue; empty: [sip] user.")
    token: SecretRef | None = Field(None, description="Secret reference for this console's API token.")
    ca_file: str = Field("", description="CA certificate file (PEM) that verifies the queue's certificate "
                         "when url is https://; empty: the system's CAs.")
    domain: str = Field("127.0.0.1", description="SIP domain of the exchange (consoles register in it).")
    sip_listen: str = Field("127.0.0.1:5060", description="SIP address (UDP and TCP), host:port.")
    api_listen: str = Field("127.0.0.1:8090", description="Control API address (HTTP, or HTTPS with "
                            "tls_certificate), host:port.")
    events_listen: str = Field("127.0.0.1:8091", description="Event stream address (TCP, or TLS with "
                               "tls_certificate), host:port.")
    tls_certificate: str = Field("", description="Certificate file (PEM, with its chain) the queue shows "
                                 "consoles: the API is then HTTPS (Kamailio's tls module) and the event "
                                 "stream TLS (stunnel in front of evapi); empty: plain HTTP and TCP.")
    tls_key: str = Field("", description="Private key file (PEM) of tls_certificate.")
    events_plain_listen: str = Field("127.0.0.1:8092", description="With tls_certificate: the loopback "
                                     "host:port where Kamailio's event stream (evapi, which has no TLS) "
                                     "listens for stunnel; never reachable from other hosts.")
    api_rate_limit: int = Field(50, ge=0, le=100_000, description="Most API requests a second from one "
                                "address (more are refused with 429 until the next second, while other "
                                "consoles are served); 0: no limit.")
    invite_rate_limit: int = Field(100, ge=0, le=100_000, description="Most new calls a second to the "
                                   "switchboard numbers from one address (more are refused with 503 and "
                                   "Retry-After); a trunk or PBX sends every caller from one address, so "
                                   "keep it above its busiest second; 0: no limit.")
    numbers: dict[str, QueueClass] = Field(default_factory=dict, description="Switchboard numbers held "
                                           "in the queue and the class of their callers, e.g. "
                                           "{\"100\" = \"normal\", \"112\" = \"emergency\"}; "
                                           "[desk] numbers and internal digits may raise a caller's class.")
    max_wait: float = Field(900.0, ge=2, le=86400, description="Seconds a caller waits before the overflow.")
    offer_timeout: float = Field(8.0, ge=1, le=120, description="Seconds a picking console has to answer "
                                 "before the caller goes back to its place.")
    overflow_to: str = Field("", description="SIP address callers go to after max_wait or when no operator "
                             "is signed in; empty: they are told 480 after max_wait.")
    forward_to: str = Field("", pattern=r"^$|^sips?:[^\s@]+$",
                            description="SIP address of the PBX behind the exchange, e.g. sip:192.0.2.5:5060: "
                            "calls to numbers that are neither switchboard numbers nor consoles go there, the "
                            "number kept; empty: they are refused (404).")
    queued_reply: Literal[180, 182] = Field(180, description="What waiting callers are told: 180 Ringing "
                                            "or 182 Queued.")
    operators: dict[str, QueueOperatorSettings] = Field(default_factory=dict, description="Consoles of this "
                                                   "exchange, one [exchange.operators.NAME] table each.")
    records_url: str = Field("", description="Kamailio database URL for the queue's records "
                             "(sqlite:// and an absolute path, or postgres://user@host/db); empty: the "
                             "store's own "
                             "database; \"off\": no records.")
    organisation: str = Field("", max_length=100, description="The organisation its records belong to in a "
                              "shared store (statistics count them there); empty: [store] organisation.")
    records_password: SecretRef | None = Field(None, description="Secret reference for the records "
                                               "database password (PostgreSQL).")
    workers: int = Field(4, ge=1, le=64, description="Kamailio worker processes per listener.")
    max_api_connections: int = Field(256, ge=8, le=65536, description="Most TCP connections at once.")
    max_event_clients: int = Field(64, ge=1, le=1024, description="Most event-stream consoles at once.")

    def tls_problems(self) -> list[tuple[str, str]]:
        """(key, message) for TLS settings that cannot work together; `config check` and the renderer
        report them (not a validator: one bad key must not drop the whole [exchange] table)."""
        problems = []
        if bool(self.tls_certificate) != bool(self.tls_key):  # named by the key that is set
            given, missing = ("tls_certificate", "tls_key") if self.tls_certificate else ("tls_key",
                                                                                          "tls_certificate")
            problems.append((given, f"needs {missing} as well: set both (HTTPS and TLS) or neither"))
        host = self.events_plain_listen.rpartition(":")[0]
        if self.tls_certificate and host not in ("127.0.0.1", "localhost", "[::1]"):
            problems.append(("events_plain_listen", f"must be on loopback (127.0.0.1:PORT), not {host!r}: "
                             "the event stream behind stunnel is unencrypted"))
        return problems
