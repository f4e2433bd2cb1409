"""What each calendar source needs, as frozen dataclasses the app builds from `[[calendars.*]]` tables.

Secrets arrive resolved (the app turns `env:`/`keyring:` references into values); nothing here reads
configuration files or the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from directory.calendars.subjects import SubjectRules


class EwsAuth(StrEnum):
    NTLM = "ntlm"
    BASIC = "basic"
    OAUTH = "oauth"


@dataclass(frozen=True, slots=True)
class SourceCommon:
    """Settings every calendar source shares.

    ``domains``: e-mail domains this source answers for (empty: any); ``mailbox_attribute``: the
    entry field that holds the mailbox address ("email", or a keyword prefix such as "upn" matched as
    "upn:<address>" among the entry's keywords).
    """

    name: str
    domains: tuple[str, ...] = ()
    mailbox_attribute: str = "email"
    rules: SubjectRules = field(default_factory=SubjectRules)
    refresh_interval: float = 300.0
    max_concurrency: int = 2
    batch_size: int = 100
    days_ahead: int = 2
    timeout: float = 30.0


@dataclass(frozen=True, slots=True)
class ExchangeSettings:
    """Exchange Server on premises over EWS. ``service_endpoint`` (…/EWS/Exchange.asmx) or, when empty,
    autodiscover from ``autodiscover_email``. ``server_version`` such as "15.1" skips version probing."""

    common: SourceCommon
    service_endpoint: str = ""
    autodiscover_email: str = ""
    auth: EwsAuth = EwsAuth.NTLM
    username: str = ""
    password: str = ""
    oauth_client_id: str = ""
    oauth_tenant_id: str = ""
    oauth_client_secret: str = ""
    server_version: str = ""
    verify_tls: bool = True
    time_zone: str = ""  # IANA zone the server reports times in; empty: the operator's


@dataclass(frozen=True, slots=True)
class GraphSettings:
    """Exchange Online through Microsoft Graph getSchedule, app-only (client credentials).

    Either ``client_secret`` or ``certificate_pem`` (private key + certificate) with its SHA-1
    ``certificate_thumbprint``. ``schedule_user``: the mailbox whose /calendar/getSchedule is called
    (any licensed user; the app needs Calendars.Read or Schedule.Read.All)."""

    common: SourceCommon
    tenant_id: str
    client_id: str
    schedule_user: str
    client_secret: str = ""
    certificate_pem: str = ""
    certificate_thumbprint: str = ""
    authority_host: str = "https://login.microsoftonline.com"
    graph_url: str = "https://graph.microsoft.com/v1.0"
    validate_authority: bool = True
    max_retries: int = 2


@dataclass(frozen=True, slots=True)
class CalDavSettings:
    """A CalDAV server. ``calendar_url`` is a template: {user} is the mailbox's local part, {mailbox} the
    full address. ``read_events``: read the events themselves (subject codes, private flag) rather
    than only the server's free-busy answer."""

    common: SourceCommon
    url: str
    calendar_url: str = "{url}/{user}/calendar/"
    username: str = ""
    password: str = ""
    read_events: bool = True
    verify_tls: bool = True


CalendarSourceSettings = ExchangeSettings | GraphSettings | CalDavSettings
