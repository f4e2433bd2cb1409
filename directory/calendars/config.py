"""The `[calendars]` settings, declared once: type, default and description of every key.

`CalendarSettings` and its source tables are what the app puts into its TOML tree; `config reference` and
`config check` come from them. What a source runs with (these fields plus the resolved secrets) is built
from them in `directory.calendars.settings`. Nothing here reads files or secrets.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from directory.calendars.subjects import DEFAULT_PREFIXES, SubjectRules
from settings_base import Choice, SecretRef, Section


class EwsAuth(StrEnum):
    NTLM = "ntlm"
    BASIC = "basic"
    OAUTH = "oauth"


class CalendarSourceCommon(Section):
    """What every `[[calendars.*]]` table shares."""

    name: str = Field(min_length=1, max_length=60, description="Source name; unique.")
    domains: list[str] = Field(default_factory=list, description="E-mail domains it answers for; empty: any.")
    mailbox_attribute: str = Field("email", description="Where an entry's mailbox comes from.")
    share_details: bool = Field(False, description="Subject and location may be shown to operators.")
    refresh_interval: int = Field(300, ge=30, le=86400, description="Seconds between refreshes.")
    max_concurrency: int = Field(2, ge=1, le=8, description="Requests at once to this server.")
    batch_size: int | None = Field(None, ge=1, le=100, description="Mailboxes per request; unset: the protocol's.")
    days_ahead: int = Field(2, ge=1, le=30, description="Days of calendar fetched.")
    timeout: int = Field(30, ge=1, le=300, description="Network timeout in seconds.")
    verify_tls: bool = Field(True, description="Verify the server's certificate.")


class ExchangeSource(CalendarSourceCommon):
    """One `[[calendars.exchange]]` table: Exchange Server over EWS."""

    service_endpoint: str = Field("", description="https://mail.example/EWS/Exchange.asmx; or autodiscover_email.")
    autodiscover_email: str = Field("", description="A mailbox to autodiscover the endpoint from.")
    auth: Choice[EwsAuth] = Field(EwsAuth.NTLM, description="How to log in.")
    username: str = Field("", description="Service account, e.g. REGION\\\\svc-switchboard.")
    password: SecretRef | None = Field(None, description="Secret reference for the password.")
    oauth_client_id: str = Field("", description="OAuth client id (auth = oauth).")
    oauth_tenant_id: str = Field("", description="OAuth tenant id (auth = oauth).")
    oauth_client_secret: SecretRef | None = Field(None, description="Secret reference for the OAuth secret.")
    server_version: str = Field("", description="E.g. 15.1: skips version probing.")
    time_zone: str = Field("", description="IANA zone; empty: the referral zone.")


class GraphSource(CalendarSourceCommon):
    """One `[[calendars.graph]]` table: Exchange Online through Microsoft Graph."""

    tenant_id: str = Field(min_length=1, description="Azure AD tenant id.")
    client_id: str = Field(min_length=1, description="App registration's client id.")
    schedule_user: str = Field(min_length=1, description="Whose /calendar/getSchedule is called.")
    client_secret: SecretRef | None = Field(None, description="Secret reference for the client secret.")
    certificate: str = Field("", description="PEM with key and certificate, instead of a secret.")
    certificate_thumbprint: str = Field("", description="SHA-1 hex of the certificate; with certificate.")
    authority_host: str = Field("https://login.microsoftonline.com", description="Login authority.")
    graph_url: str = Field("https://graph.microsoft.com/v1.0", description="Graph endpoint.")
    max_retries: int = Field(2, ge=0, le=10, description="Retries after 429 before backing off.")


class CalDavSource(CalendarSourceCommon):
    """One `[[calendars.caldav]]` table: a CalDAV server."""

    url: str = Field(min_length=1, description="CalDAV server URL.")
    calendar_url: str = Field("{url}/{user}/calendar/", description="{user}: local part, {mailbox}: address.")
    username: str = Field("", description="Login name.")
    password: SecretRef | None = Field(None, description="Secret reference for the password.")
    read_events: bool = Field(True, description="Read events (subject codes); false: free-busy only.")


class CalendarSettings(Section):
    """The `[calendars]` section: how events become referrals, and the sources."""

    subject_codes: dict[str, str] = Field(
        default_factory=lambda: dict(DEFAULT_PREFIXES),
        description="Subject prefix (before ':') to referral code.")
    private_refers: bool = Field(False, description="Private events set referrals too.")
    all_day_refers: bool = Field(True, description="All-day events set referrals.")
    ca_file: str = Field("", description="CA bundle (PEM) for Graph/CalDAV TLS; empty: the system's.")
    exchange: list[ExchangeSource] = Field(default_factory=list, description="Exchange Server (EWS) sources.")
    graph: list[GraphSource] = Field(default_factory=list, description="Exchange Online (Graph) sources.")
    caldav: list[CalDavSource] = Field(default_factory=list, description="CalDAV sources.")

    def subject_rules(self, source: CalendarSourceCommon) -> SubjectRules:
        """How ``source``'s events become referrals: this section's codes and flags, the source's sharing.
        An empty ``subject_codes`` table means the default codes. Raises ValueError for an empty prefix."""
        return SubjectRules(prefixes=dict(self.subject_codes or DEFAULT_PREFIXES), private_refers=self.private_refers,
                            all_day_refers=self.all_day_refers, share_details=source.share_details)
