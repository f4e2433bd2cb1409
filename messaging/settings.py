"""`[messages]`, declared once: which transport carries each channel, limits, retries, retention, templates.

The app composes this into its settings tree and resolves the secret references (passwords) itself; the
transports receive the resolved values separately, so these objects never hold a secret.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from settings_base import SecretRef, Section


class SmtpSettings(Section):
    host: str = Field("", description="SMTP server for e-mail messages; empty: no e-mail.")
    port: int = Field(587, ge=1, le=65535, description="587 with STARTTLS, 465 with TLS.")
    security: Literal["starttls", "tls"] = Field("starttls", description="STARTTLS or TLS from the start; the "
                                                 "server's certificate is always verified.")
    ca_file: str = Field("", description="CA certificates (PEM) the server's certificate is checked against; "
                         "empty: the system's.")
    username: str = Field("", description="Login name; empty: no login.")
    password: SecretRef | None = Field(None, description="Secret reference for the SMTP password.")
    from_address: str = Field("", description="The From address of messages, e.g. vaxeln@example.se.")
    timeout: float = Field(20.0, gt=0, le=300, description="Seconds before the server is given up on.")


class KannelSettings(Section):
    url: str = Field("", description="Kannel smsbox sendsms URL, e.g. http://sms.example.se:13013/cgi-bin/sendsms.")
    username: str = Field("", description="sendsms-user name.")
    password: SecretRef | None = Field(None, description="Secret reference for the sendsms-user password.")
    sender: str = Field("", description="Sender shown on the phone (from); empty: the gateway's default.")
    dlr_url: str = Field("", description="Where Kannel sends delivery reports (the message's id and the report "
                         "type are added); empty: none are asked for. The window receives them at dlr_listen.")
    dlr_listen: str = Field("", pattern=r"^$|^[^\s:]+:\d{1,5}$",
                            description="host:port where the window listens for Kannel's delivery reports "
                            "(dlr_url must reach it, e.g. http://console-7:13080/dlr); empty: it does not.")
    timeout: float = Field(20.0, gt=0, le=300, description="Seconds before the gateway is given up on.")


class SmppSettings(Section):
    host: str = Field("", description="SMPP 3.4 server (SMSC) host.")
    port: int = Field(2775, ge=1, le=65535, description="SMPP port.")
    system_id: str = Field("", description="system_id of the bind_transceiver: one session carries every message "
                           "and brings the delivery receipts back.")
    password: SecretRef | None = Field(None, description="Secret reference for the SMPP password.")
    source_addr: str = Field("", description="Sender (source_addr); digits are sent as international.")
    timeout: float = Field(20.0, gt=0, le=300, description="Seconds before the SMSC is given up on.")


class HttpSmsSettings(Section):
    url: str = Field("", description="The SMS provider's send URL (HTTPS), e.g. https://api.46elks.com/a1/sms.")
    format: Literal["form", "json"] = Field("form", description="How the body is sent: form fields or JSON.")
    body: dict[str, str | list[str]] = Field(
        default_factory=dict, description="The body's fields, {to} {text} {sender} {id} put in, e.g. "
        "{from = \"{sender}\", to = \"{to}\", message = \"{text}\"}; a list for providers that take several "
        "recipients, e.g. to = [\"{to}\"].")
    username: str = Field("", description="HTTP Basic user (the provider's API user); empty: none.")
    password: SecretRef | None = Field(None, description="Secret reference for the HTTP Basic password.")
    token: SecretRef | None = Field(None, description="Secret reference for a bearer token (Authorization: "
                                    "Bearer); for providers that use one instead of Basic.")
    sender: str = Field("", description="Sender shown on the phone, put in at {sender}.")
    id_field: str = Field("id", description="Where the provider's JSON answer names its id for the message "
                          "(a dotted path, e.g. id or messages.0.id); empty: none.")
    timeout: float = Field(20.0, gt=0, le=300, description="Seconds before the provider is given up on.")


class EspaSettings(Section):
    serial_port: str = Field("", description="Serial device of the paging system, e.g. /dev/ttyUSB0 or COM3.")
    baudrate: int = Field(9600, description="Serial speed (8 data bits, no parity, 1 stop bit).")
    tcp: str = Field("", pattern=r"^$|^[^\s:]+:\d{1,5}$",
                     description="host:port of an ESPA 4.4.4 interface over TCP, instead of a serial line.")
    address: str = Field("1", min_length=1, max_length=1, description="The paging system's link address.")
    retries: int = Field(3, ge=0, le=10, description="Times a refused (NAK) block is sent again.")
    timeout: float = Field(3.0, gt=0, le=60, description="Seconds to wait for each answer of the paging system.")


class MessagesSettings(Section):
    sms_transport: Literal["", "kannel", "smpp", "http"] = Field(
        "", description="How SMS are sent: Kannel, SMPP or a provider's HTTP API ([messages.http]); empty: no SMS.")
    language: Literal["sv", "nb", "en"] = Field("sv", description="Language of the templates offered first.")
    sms_regions: list[str] = Field(default_factory=lambda: ["SE", "NO"],
                                   description="Countries SMS may go to (ISO codes).")
    max_sms_parts: int = Field(6, ge=1, le=20, description="Longest SMS, in parts of 153 (or 67) characters.")
    max_pager_length: int = Field(160, ge=10, le=1000, description="Longest pager/DECT text, in characters.")
    max_email_length: int = Field(10000, ge=100, le=100000, description="Longest e-mail text, in characters.")
    confirm_group_above: int = Field(10, ge=1, description="Sending to more recipients than this asks first.")
    max_attempts: int = Field(5, ge=1, le=50, description="Attempts before a message that could not reach its "
                              "gateway is given up.")
    retry_after: float = Field(30.0, ge=1, le=3600, description="Seconds before the first retry; doubles after "
                               "each attempt.")
    retry_at_most: float = Field(900.0, ge=1, le=86400, description="Longest wait between retries, in seconds.")
    retention_days: int = Field(90, ge=0, le=3650, description="Days the message log is kept; 0: for ever.")
    templates: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="Templates over the built-in ones: [messages.templates.NAME] with "
        "sv, nb, en texts and fields {caller} {number} {time} {operator} {note} {unit}.")
    smtp: SmtpSettings = SmtpSettings()
    kannel: KannelSettings = KannelSettings()
    smpp: SmppSettings = SmppSettings()
    http: HttpSmsSettings = HttpSmsSettings()
    espa: EspaSettings = EspaSettings()
